import asyncio


async def worker(name, jobs, results):
    while True:
        job = await jobs.get()
        await asyncio.sleep(0.2)
        await results.put(job * 2)
        jobs.task_done()


async def main():
    jobs = asyncio.Queue()
    results = asyncio.Queue(maxsize=2)
    for n in range(6):
        jobs.put_nowait(n)
    workers = [asyncio.create_task(worker(f"w{k}", jobs, results)) for k in range(2)]
    await jobs.join()  # nobody reads results: the workers block in put() and join() never returns
    print("never printed")


asyncio.run(main())
