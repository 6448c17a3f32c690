import { CoroOp, FINISHED_VOID, finished, suspend } from './coro-op';
import { type Coro, type Describer, Future, type Yielded } from './future';
import { NO_JOB, type JobId } from './events';
import { type Timer, getRunningLoop } from './loop';
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
 *
 * The op is also `h`, the timer, and describes the future for deadlock
 * reports: a sleep (once per job in the throughput bench) makes two objects,
 * itself and a plain Future, where it made three (and the future's subclass
 * kept V8 from inlining its construction).
 */
class Sleep extends CoroOp<void> implements Timer, Describer {
  private state = START;
  private future: Future<void> | null = null;
  /** The timer's flag (`h.cancel()`); its due time lives in the loop's heap only. */
  cancelled = false;

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
        return FINISHED_VOID;
      case SLEEPING:
        return this.wake();
      default:
        return FINISHED_VOID;
    }
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    // Thrown in at `await future`: the finally clause cancels the timer, the error propagates.
    if (this.state === SLEEPING) this.cancelled = true;
    this.state = DONE;
    throw error;
  }

  return(value: void): IteratorResult<Yielded, void> {
    if (this.state === SLEEPING) this.cancelled = true;
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
    const future = new Future<void>(loop);
    future.describeBy(this);
    this.future = future;
    // `loop.call_later(delay, ...)`: `call_at(time() + delay)`, this op being the handle.
    loop.addTimer(this, loop.time() + this.delay);
    this.state = SLEEPING;
    // `await future` (Future.__await__): a new future is pending, so this always suspends.
    return suspend(future as Future<unknown>);
  }

  describe(): string {
    return `asyncio.sleep(${floatRepr(this.delay)})`;
  }

  /** The timer is due: `futures._set_result_unless_cancelled(future)`. */
  fire(): void {
    const future = this.future!;
    if (!future.cancelled()) future.setResult(undefined);
  }

  /** Resumed after `await future`: its result (or exception), then `finally: h.cancel()`. */
  private wake(): IteratorResult<Yielded, void> {
    this.state = DONE;
    try {
      this.future!.result();
    } finally {
      this.cancelled = true;
    }
    return FINISHED_VOID;
  }
}
