import { floatRepr } from '../python/format';
import { PythonSource } from './python-source';
import type { ScenarioSettings } from './settings';

const QUEUE_CLASS = { fifo: 'Queue', priority: 'PriorityQueue', lifo: 'LifoQueue' } as const;

/**
 * The same producer-consumer written with threads (`threading` + `queue.Queue`),
 * for the lesson that compares the two: blocking calls instead of `await`, the
 * OS scheduling threads instead of one event loop. It keeps the workload, the
 * queue kind and the sentinels; the other shutdown and failure variants are
 * asyncio lessons (a thread cannot be cancelled), which its docstring says.
 * Thread scheduling is the OS's, so lines printed at the same moment may come
 * out in another order than asyncio's; `TIME_SCALE` makes it run faster.
 */
export function exportThreads(settings: ScenarioSettings): string {
  const jobs = settings.plan?.jobs ?? settings.jobs;
  const priority = settings.queue === 'priority';
  const py = new PythonSource();
  const leftOut = [
    ...(settings.shutdown !== 'sentinel' ? [`the "${settings.shutdown}" shutdown (sentinels are used)`] : []),
    ...(settings.fail.length + settings.flaky.length > 0 ? ['failing jobs'] : []),
  ];
  py.line(`"""Producer-consumer with threads and queue.${QUEUE_CLASS[settings.queue]}: ${jobs} jobs, ${settings.workers} workers, maxsize ${settings.maxsize}.`)
    .line('')
    .line('The threading twin of the asyncio program: q.put() and q.get() block the calling thread')
    .line('instead of suspending a coroutine, and the OS decides which thread runs next.')
    .line(leftOut.length === 0 ? 'Exported from Queue Lab. Run it with: python3 program_threads.py' : `Exported from Queue Lab; not carried over from the asyncio version: ${leftOut.join(', ')}.`)
    .line('"""')
    .line('')
    .line('import queue')
    .line('import random')
    .line('import threading')
    .line('import time')
    .line('')
    .line(`NUM_JOBS = ${jobs}`)
    .line(`NUM_WORKERS = ${settings.workers}`)
    .line(`MAX_QUEUE_SIZE = ${settings.maxsize}  # 0 or less: unbounded`)
    .line('TIME_SCALE = 1.0  # 0.01 sleeps 100 times shorter; the printed durations stay the same');
  if (priority) py.line('STOP = 4  # sentinel priority: after every job (job priorities are 1 to 3)');
  py.line('')
    .line(`rng = random.Random(${settings.seed})`)
    .line(`durations = {f"process_item_{i}": round(rng.uniform(${floatRepr(settings.minDuration)}, ${floatRepr(settings.maxDuration)}), 1) for i in range(1, NUM_JOBS + 1)}`)
    .line(`intervals = [round(rng.uniform(${floatRepr(settings.minInterval)}, ${floatRepr(settings.maxInterval)}), 1) for _ in range(NUM_JOBS - 1)]`);
  if (priority) py.line('priorities = {f"process_item_{i}": rng.randint(1, 3) for i in range(1, NUM_JOBS + 1)}');
  py.gap()
    .line('def producer(q: queue.Queue) -> None:')
    .line('    for i in range(1, NUM_JOBS + 1):')
    .line('        job = f"process_item_{i}"')
    .line(`        q.put(${priority ? '(priorities[job], i, job)' : 'job'})  # blocks this thread while the queue is full`)
    .line(`        print(f"[Producer] Added job: {job}${priority ? ' (priority {priorities[job]})' : ''}")`)
    .line('        if i < NUM_JOBS:')
    .line('            time.sleep(intervals[i - 1] * TIME_SCALE)')
    .line('    print(f"[Producer] Done \u2014 added {NUM_JOBS} jobs total")');
  if (priority) py.line('    for k in range(1, NUM_WORKERS + 1):').line('        q.put((STOP, NUM_JOBS + k, None))');
  else py.line('    for _ in range(NUM_WORKERS):').line('        q.put(None)  # one sentinel per worker: no more jobs');
  py.gap()
    .line('def worker(worker_id: int, q: queue.Queue) -> None:')
    .line('    while True:')
    .line(`        ${priority ? '_, _, job' : 'job'} = q.get()  # blocks this thread while the queue is empty`)
    .line('        if job is None:')
    .line('            print(f"[Worker-{worker_id}] Shutting down")')
    .line('            q.task_done()')
    .line('            break')
    .line('        duration = durations[job]')
    .line('        time.sleep(duration * TIME_SCALE)  # the work itself')
    .line('        print(f"[Worker-{worker_id}] Processing: {job} (took {duration:.1f}s)")')
    .line('        q.task_done()')
    .gap()
    .line('def main() -> None:')
    .line(`    q: queue.Queue = queue.${QUEUE_CLASS[settings.queue]}(maxsize=MAX_QUEUE_SIZE)`)
    .line('    start = time.monotonic()')
    .line('    threads = [threading.Thread(target=producer, args=(q,))]')
    .line('    threads += [threading.Thread(target=worker, args=(worker_id, q)) for worker_id in range(1, NUM_WORKERS + 1)]')
    .line('    for thread in threads:')
    .line('        thread.start()')
    .line('    for thread in threads:')
    .line('        thread.join()')
    .line('    elapsed = (time.monotonic() - start) / TIME_SCALE')
    .line('    print(f"Processed {NUM_JOBS} jobs in ~{elapsed:.1f} seconds with {NUM_WORKERS} workers")')
    .gap()
    .line('if __name__ == "__main__":')
    .line('    main()');
  return py.text();
}
