import type { Coro } from './future';
import { Future } from './future';
import { type EventLoop, getRunningLoop } from './loop';
import { Task } from './task';

/**
 * `asyncio.gather(*aws)` (tasks.gather, 3.11). Each coroutine becomes a task in
 * argument order; a child's `_done_callback` runs one iteration after it
 * finishes, so the awaiting task resumes one iteration later still. Without
 * `return_exceptions` the first failure (or cancellation) is set on the outer
 * future and the other children keep running.
 */
export function gather(awaitables: readonly (Coro<unknown> | Future<unknown>)[], options: { site?: number; returnExceptions?: boolean } = {}): GatheringFuture {
  const loop = getRunningLoop();
  return gatherFutures(
    // ensure_future: a future is used as it is, a coroutine becomes a task.
    awaitables.map((item) => (item instanceof Future ? item : new Task(item, loop, options.site ?? 0))),
    loop,
    options.returnExceptions ?? false,
  );
}

/** `gather(*tasks, return_exceptions=True)`, as `asyncio.run` uses it to let cancelled tasks unwind. */
export function gatherSettled(tasks: readonly Future<unknown>[], loop: EventLoop): GatheringFuture {
  return gatherFutures(tasks, loop, true);
}

function gatherFutures(children: readonly Future<unknown>[], loop: EventLoop, returnExceptions: boolean): GatheringFuture {
  const outer = new GatheringFuture(children, loop);
  let finished = 0;
  const onChildDone = (child: Future<unknown>): void => {
    finished++;
    if (outer.done()) {
      if (!child.cancelled()) child.exception(); // marks it retrieved
      return;
    }
    if (!returnExceptions) {
      const error = child.cancelled() ? raisedBy(child) : child.exception();
      if (error !== undefined) {
        outer.setException(error);
        return;
      }
    }
    if (finished === children.length) {
      if (outer.cancelRequested) outer.setException(raisedBy(child));
      else outer.setResult(children.map(settledValue));
    }
  };
  for (const child of children) child.addDoneCallback(onChildDone);
  if (children.length === 0) outer.setResult([]);
  return outer;
}

/** `tasks._GatheringFuture`: cancelling it cancels the children. */
export class GatheringFuture extends Future<unknown[]> {
  cancelRequested = false;

  constructor(
    readonly children: readonly Future<unknown>[],
    loop: EventLoop,
  ) {
    super(loop);
    this.description = 'asyncio.gather()';
  }

  override cancel(message?: string): boolean {
    if (this.done()) return false;
    let any = false;
    for (const child of this.children) if (child.cancel(message)) any = true;
    if (any) this.cancelRequested = true;
    return any;
  }
}

/** What `child.result()` raises (a fresh CancelledError for a cancelled child). */
function raisedBy(child: Future<unknown>): unknown {
  try {
    child.result();
  } catch (error) {
    return error;
  }
  return undefined;
}

function settledValue(child: Future<unknown>): unknown {
  if (child.cancelled()) return raisedBy(child);
  return child.exception() ?? child.result();
}
