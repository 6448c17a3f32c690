import { SENTINEL, type JobId } from '../events';
import { type Coro, awaitFuture } from '../future';
import { Queue } from '../queue';
import { sleep } from '../sleep';
import { createTask } from '../task';

/**
 * The throughput benchmark's program: the engine twin of `main()` in
 * ../shared/bench/py_asyncio.py, statement for statement (`yield*` is `await`).
 * Both sides run the same numbers, so the bench can compare time per job and
 * the final virtual time bit for bit.
 */

/** `job_delay(i)`: i * 2654435761 < 2**53 for i < 3.3e6, so both languages compute the same double. */
export function jobDelay(i: number): number {
  return ((i * 2654435761) % 1000003) / 1000003;
}

/** `SENTINEL = None`. */
type Item = number | null;

/** Events name jobs 1..J (item i is job i + 1); a sentinel is SENTINEL. */
const jobOf = (item: Item): JobId => (item === null ? SENTINEL : item + 1);

export interface ThroughputShape {
  /** J: jobs the producer puts. */
  readonly jobs: number;
  /** W: worker tasks. */
  readonly workers: number;
  /** M: `asyncio.Queue(maxsize=M)`, 0 = unbounded. */
  readonly maxsize: number;
  /** `--sleep`: each job awaits `asyncio.sleep(job_delay(i))`. */
  readonly sleep: boolean;
}

/** `async def main(J, W, M, do_sleep)`: returns how many jobs the workers processed. */
export function* throughputMain({ jobs: J, workers: W, maxsize: M, sleep: doSleep }: ThroughputShape): Coro<number> {
  const q = new Queue<Item>({ maxsize: M, jobOf });

  function* worker(): Coro<number> {
    let n = 0;
    for (;;) {
      const item = yield* q.get();
      if (item === null) {
        q.taskDone();
        return n;
      }
      if (doSleep) yield* sleep(jobDelay(item), 0, jobOf(item));
      q.taskDone();
      n += 1;
    }
  }

  function* producer(): Coro<void> {
    for (let i = 0; i < J; i++) yield* q.put(i);
    for (let k = 0; k < W; k++) yield* q.put(null);
  }

  const workers = Array.from({ length: W }, () => createTask(worker()));
  const prod = createTask(producer());
  yield* awaitFuture(prod);
  yield* q.join();
  let done = 0;
  for (const w of workers) done += yield* awaitFuture(w);
  return done;
}

