import asyncio

async def handle(n, q):
    await asyncio.sleep(0.01 * (n % 7))
    await q.put(n)

async def main():
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        for n in range(3000):
            tg.create_task(handle(n, q))
    total = 0
    while not q.empty():
        total += await q.get()
    print(total)

asyncio.run(main())
