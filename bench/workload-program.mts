/**
 * The benchmarks' learner program: the classic exercise's shape written as a
 * learner would (a producer, 3 workers, maxsize 10, a sleep per put and per
 * job, a line printed per job; no lab variables). `count` jobs.
 */
export function workloadProgram(count: number): string {
  return `import asyncio
import random

rng = random.Random(7)


async def producer(queue):
    for i in range(1, ${count} + 1):
        job = f"job-{i}"
        await queue.put(job)
        print(f"[Producer] Added {job}")
        await asyncio.sleep(round(rng.uniform(0.01, 0.05), 2))
    for _ in range(3):
        await queue.put(None)


async def worker(k, queue):
    while True:
        job = await queue.get()
        if job is None:
            queue.task_done()
            return
        await asyncio.sleep(round(rng.uniform(0.05, 0.15), 2))
        print(f"[Worker-{k}] Processed {job}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=10)
    await asyncio.gather(producer(queue), *(worker(k, queue) for k in range(1, 4)))
    print(f"Done at t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
`;
}
