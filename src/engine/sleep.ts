import { type Coro, Future, awaitFuture } from './future';
import { getRunningLoop } from './loop';
import { floatRepr } from './python/format';
import { NO_JOB, type JobId } from './events';

/**
 * `asyncio.sleep(delay)` (tasks.sleep): `delay <= 0` is one bare yield; otherwise
 * a future resolved by a `call_later` timer, whose handle is cancelled on the way
 * out. `site` and `job` only label the event.
 */
export function* sleep(delay: number, site = 0, job: JobId = NO_JOB): Coro<void> {
  const loop = getRunningLoop();
  loop.log?.sleep(loop.time(), loop.currentTaskId(), site, delay, job);
  loop.suspendedAt(site);
  if (delay <= 0) {
    yield null;
    return;
  }
  const future = new Future<void>(loop);
  future.description = `asyncio.sleep(${floatRepr(delay)})`;
  const timer = loop.callLater(delay, setResultUnlessCancelled, future);
  try {
    yield* awaitFuture(future);
  } finally {
    timer.cancel();
  }
}

/** `futures._set_result_unless_cancelled`. */
function setResultUnlessCancelled(future: Future<void>): void {
  if (!future.cancelled()) future.setResult(undefined);
}
