import { CancelledError } from './errors';
import type { EventLog } from './event-log';
import { type Coro, Future } from './future';
import { gatherSettled } from './gather';
import { EventLoop } from './loop';
import { Task } from './task';

/** A task that was still pending when the program could go no further. */
export interface PendingTask {
  readonly task: number;
  /** CPython's name for it, `Task-N`. */
  readonly name: string;
  readonly label: string;
  /** The site of the await it is stuck at. */
  readonly site: number;
  /** What it waits on, in Python terms (`queue.get()`, `asyncio.gather()`...). */
  readonly awaiting: string;
}

export type RunStatus =
  /** `asyncio.run(main())` returned. */
  | { readonly kind: 'returned' }
  /** `main()` raised: asyncio.run re-raises it. */
  | { readonly kind: 'raised'; readonly error: unknown }
  /** Nothing ready, no timer: CPython would block forever. */
  | { readonly kind: 'deadlock'; readonly pending: readonly PendingTask[]; readonly iteration: number; readonly t: number }
  /** The run passed `maxIterations`: stopped before it could run away. */
  | { readonly kind: 'limit'; readonly iterations: number; readonly t: number };

/** The exit status of each ending, by the oracle's convention (run_virtual.py, seed_scenario.py). */
export const EXIT_CODES: Readonly<Record<RunStatus['kind'], number>> = { returned: 0, raised: 1, deadlock: 3, limit: 4 };

export interface RunOptions {
  readonly log?: EventLog | null;
  /** Stop after this many loop iterations (a runaway guard). */
  readonly maxIterations?: number;
  /** Called every 65,536 loop iterations with the virtual time: for a progress bar (no clock is read here). */
  readonly onProgress?: (t: number, iterations: number) => void;
}

/** A task that raised and whose exception nobody retrieved ("Task exception was never retrieved"). */
export interface UnretrievedFailure {
  readonly name: string;
  readonly label: string;
  readonly error: unknown;
}

export interface RunResult {
  readonly status: RunStatus;
  readonly loop: EventLoop;
  readonly unretrieved: readonly UnretrievedFailure[];
}

class Deadlock {
  constructor(readonly pending: readonly PendingTask[]) {}
}
class LimitReached {
  readonly reason = 'maxIterations';
}

/**
 * `asyncio.run(main())` (runners.Runner): run the main task until it is done
 * (plus the iteration in which `_run_until_complete_cb` stops the loop), then
 * cancel every task still pending and run until they finish (`_cancel_all_tasks`).
 */
export function runMain(main: Coro<unknown>, options: RunOptions = {}): RunResult {
  const loop = new EventLoop(options.log ?? null);
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const mainTask = new Task(main, loop);
  let status: RunStatus;
  try {
    runUntilComplete(loop, mainTask, maxIterations, options.onProgress);
    // asyncio.run re-raises what main raised; a cancelled main raises CancelledError.
    if (mainTask.cancelled()) status = { kind: 'raised', error: new CancelledError() };
    else if (mainTask.exception() === undefined) status = { kind: 'returned' };
    else status = { kind: 'raised', error: mainTask.exception() };
  } catch (stop) {
    // Real CPython hangs here for ever; the run ends at the deadlock, without asyncio.run's
    // clean-up (the oracle only reaches its clean-up because its clock raises).
    if (stop instanceof Deadlock) return { status: { kind: 'deadlock', pending: stop.pending, iteration: loop.iteration, t: loop.time() }, loop, unretrieved: unretrievedFailures(loop, mainTask) };
    else if (stop instanceof LimitReached) return { status: { kind: 'limit', iterations: loop.iteration, t: loop.time() }, loop, unretrieved: [] };
    else throw stop;
  }
  cancelAllTasks(loop, maxIterations, options.onProgress);
  return { status, loop, unretrieved: unretrievedFailures(loop, mainTask) };
}

/** CPython logs these as the tasks are freed; with the lab's programs that is in creation order. */
function unretrievedFailures(loop: EventLoop, mainTask: Task<unknown>): UnretrievedFailure[] {
  return (loop.failedTasks as Task<unknown>[])
    .filter((task) => task !== mainTask && task.logTraceback)
    .toSorted((a, b) => a.id - b.id)
    .map((task) => ({ name: task.name, label: task.label, error: task.exception() }));
}

function runUntilComplete(loop: EventLoop, future: Future<unknown>, maxIterations: number, onProgress?: (t: number, iterations: number) => void): void {
  const stopLoop = (): void => loop.stop();
  future.addDoneCallback(stopLoop);
  try {
    for (;;) {
      if (loop.iteration >= maxIterations) throw new LimitReached();
      if (!loop.runOnce()) throw new Deadlock(describePending(loop));
      if (onProgress !== undefined && (loop.iteration & 0xffff) === 0) onProgress(loop.time(), loop.iteration);
      if (loop.stopping) break;
    }
  } finally {
    loop.stopping = false;
    future.removeDoneCallback(stopLoop);
  }
}

/**
 * `runners._cancel_all_tasks`: cancel what is left and let it unwind. CPython
 * takes the tasks from a set (`asyncio.all_tasks()`), so its order follows
 * memory addresses; the engine uses creation order. The lab's programs print
 * nothing while being cancelled, so the output does not depend on it.
 */
function cancelAllTasks(loop: EventLoop, maxIterations: number, onProgress?: (t: number, iterations: number) => void): void {
  const left = [...loop.liveTasks] as Task<unknown>[];
  if (left.length === 0) return;
  for (const task of left) task.cancel();
  try {
    runUntilComplete(loop, gatherSettled(left, loop), maxIterations, onProgress);
  } catch (stop) {
    if (!(stop instanceof Deadlock || stop instanceof LimitReached)) throw stop;
  }
}

/** What each pending task waits on, also written to the log as `task.stuck` events. */
function describePending(loop: EventLoop): PendingTask[] {
  return ([...loop.liveTasks] as Task<unknown>[]).map((task) => {
    const pending = { task: task.id, name: task.name, label: task.label, site: task.waitSite, awaiting: task.awaiting?.description ?? 'nothing (ready to run)' };
    loop.log?.taskStuck(task.id, task.waitSite, pending.awaiting);
    return pending;
  });
}
