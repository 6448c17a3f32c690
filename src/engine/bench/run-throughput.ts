import type { EventLog } from '../event-log';
import { type ClockMode, EventLoop } from '../loop';
import { Task } from '../task';
import { type ThroughputShape, throughputMain } from './throughput-program';

export interface ThroughputRun {
  /** What main() returned: jobs processed (py_asyncio asserts it equals J). */
  readonly done: number;
  /** `loop.time()` after the run. */
  readonly vtime: number;
  readonly iterations: number;
}

/**
 * `loop.run_until_complete(main(J, W, M, do_sleep))` as py_asyncio.py calls it:
 * wrap main in a task, run iterations until its done callback has stopped the
 * loop (one iteration after it finished), return its result. No asyncio.run
 * clean-up: py_asyncio does not use asyncio.run, and every task is done anyway.
 * `clock: 'additive'` mirrors py_asyncio's VirtualSelector (`vtime += timeout`).
 */
export function runThroughput(shape: ThroughputShape, options: { log?: EventLog | null; clock?: ClockMode } = {}): ThroughputRun {
  const loop = new EventLoop(options.log ?? null, { clock: options.clock ?? 'additive' });
  const main = new Task(throughputMain(shape), loop);
  main.addDoneCallback(() => loop.stop());
  while (!loop.stopping) {
    if (!loop.runOnce()) throw new Error(`deadlock at t=${loop.time()} (iteration ${loop.iteration})`);
  }
  loop.stopping = false;
  return { done: main.result(), vtime: loop.time(), iterations: loop.iteration };
}
