import asyncio


async def fetcher(urls, n):
    for i in range(n):
        await urls.put(f"https://example.com/{i}")
        await asyncio.sleep(0.1)
    for _ in range(3):
        await urls.put(None)


async def parser(urls, pages):
    while True:
        url = await urls.get()
        if url is None:
            urls.task_done()
            break
        await asyncio.sleep(0.3)
        await pages.put(f"page of {url}")
        urls.task_done()


async def writer(pages):
    while True:
        page = await pages.get()
        await asyncio.sleep(0.05)
        print(f"wrote {page}")
        pages.task_done()


async def main():
    urls = asyncio.Queue(maxsize=2)
    pages = asyncio.Queue(maxsize=3)
    parsers = [asyncio.create_task(parser(urls, pages)) for _ in range(3)]
    out = asyncio.create_task(writer(pages))
    await fetcher(urls, 12)
    await asyncio.gather(*parsers)
    await pages.join()
    out.cancel()
    print("done")


asyncio.run(main())
