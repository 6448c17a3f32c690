import { CoroOp, finished, suspend } from './coro-op';
import { type Coro, Future, type Yielded } from './future';
import { NO_JOB, type JobId } from './events';
import { type EventLoop, type TimerHandle, getRunningLoop } from './loop';
import { floatRepr } from './python/format';

/**
 * `asyncio.sleep(delay)` (tasks.sleep): `delay <= 0` is one bare yield; otherwise
 * a future resolved by a `call_later` timer, whose handle is cancelled on the way
 * out. `site` and `job` only label the event.
 */
export function sleep(delay: number, site = 0, job: JobId = NO_JOB): Coro<void> {
  return new Sleep(delay, site, job);
}

const START = 0;
/** Suspended at the bare yield of `__sleep0()`. */
const YIELDED = 1;
/** Suspended at `await future`, inside `try: ... finally: h.cancel()`. */
const SLEEPING = 2;
const DONE = 3;

/**
 * tasks.sleep as a state machine (see CoroOp), equivalent to:
 *
 *     log; if delay <= 0: yield None; return
 *     future = loop.create_future(); h = loop.call_later(delay, _set_result_unless_cancelled, future)
 *     try: await future
 *     finally: h.cancel()
 */
class Sleep extends CoroOp<void> {
  private state = START;
  private future: SleepFuture | null = null;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly delay: number,
    private readonly site: number,
    private readonly job: JobId,
  ) {
    super();
  }

  next(): IteratorResult<Yielded, void> {
    switch (this.state) {
      case START:
        return this.start();
      case YIELDED:
        this.state = DONE;
        return finished(undefined);
      case SLEEPING:
        return this.wake();
      default:
        return finished(undefined);
    }
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    // Thrown in at `await future`: the finally clause cancels the timer, the error propagates.
    if (this.state === SLEEPING) this.timer!.cancel();
    this.state = DONE;
    throw error;
  }

  return(value: void): IteratorResult<Yielded, void> {
    if (this.state === SLEEPING) this.timer!.cancel();
    this.state = DONE;
    return finished(value);
  }

  private start(): IteratorResult<Yielded, void> {
    const loop = getRunningLoop();
    loop.log?.sleep(loop.currentTaskId(), this.site, this.delay, this.job);
    loop.suspendedAt(this.site);
    if (this.delay <= 0) {
      this.state = YIELDED;
      return suspend(null);
    }
    const future = new SleepFuture(loop, this.delay);
    this.future = future;
    this.timer = loop.callLater(this.delay, setResultUnlessCancelled, future);
    this.state = SLEEPING;
    // `await future` (Future.__await__): a new future is pending, so this always suspends.
    return suspend(future as Future<unknown>);
  }

  /** Resumed after `await future`: its result (or exception), then `finally: h.cancel()`. */
  private wake(): IteratorResult<Yielded, void> {
    this.state = DONE;
    try {
      this.future!.result();
    } finally {
      this.timer!.cancel();
    }
    return finished(undefined);
  }
}

/** The future a sleep waits on; its description is only formatted if a deadlock report asks for it. */
class SleepFuture extends Future<void> {
  constructor(
    loop: EventLoop,
    private readonly delay: number,
  ) {
    super(loop);
  }

  override get description(): string {
    return `asyncio.sleep(${floatRepr(this.delay)})`;
  }
}

/** `futures._set_result_unless_cancelled`. */
function setResultUnlessCancelled(future: Future<void>): void {
  if (!future.cancelled()) future.setResult(undefined);
}
