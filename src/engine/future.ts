import { CancelledError, InvalidStateError } from './errors';
import { type EventLoop, getRunningLoop } from './loop';

/** Method syntax makes the parameter bivariant, so a Task<T> can take a callback for Future<unknown>. */
export type DoneCallback<T> = { bivariant(future: Future<T>): void }['bivariant'];

/** Says what waiting on a future means, only when asked: a deadlock report is rare, a wait is not. */
export interface Describer {
  describe(): string;
}

const PENDING = 0;
const CANCELLED = 1;
/** FINISHED with a result. */
const FINISHED = 2;
/** FINISHED with an exception (CPython: `_state == FINISHED` and `_exception` set). */
const FAILED = 3;

/**
 * `asyncio.Future`: state, result or exception, and done callbacks that are
 * always scheduled with `call_soon`, never run synchronously
 * (`futures.Future.__schedule_callbacks`).
 */
export class Future<T = unknown> {
  private state = PENDING;
  /** The result when FINISHED, the exception when FAILED: one slot, futures are made per wait. */
  private outcome: unknown = undefined;
  /**
   * The first done callback, and the rest only if there are more: as CPython's
   * C Future keeps `fut_callback0` apart from `fut_callbacks`. Almost every
   * future has exactly one (the waiting task's wakeup), so no array is made.
   */
  private callback0: DoneCallback<T> | null = null;
  private callbacks: DoneCallback<T>[] | null = null;
  protected cancelMessage: string | undefined = undefined;
  /**
   * `_log_traceback`: it holds an exception nobody has looked at. CPython logs
   * "exception was never retrieved" for such a future when it is freed.
   */
  logTraceback = false;
  /** The task that made this future to wait on it (a queue or event waiter), for events; -1 for none. */
  waiterTask = -1;
  private describedAs: string | Describer = 'a future';

  constructor(readonly loop: EventLoop = getRunningLoop()) {}

  /** What waiting on this future means, in Python terms, for deadlock reports. */
  get description(): string {
    const described = this.describedAs;
    return typeof described === 'string' ? described : described.describe();
  }
  set description(text: string) {
    this.describedAs = text;
  }

  /** Let `describer` say what this future is, if a deadlock report asks. */
  describeBy(describer: Describer): void {
    this.describedAs = describer;
  }

  done(): boolean {
    return this.state !== PENDING;
  }

  cancelled(): boolean {
    return this.state === CANCELLED;
  }

  /** `Future.result()`: the value, or raise what the future holds. */
  result(): T {
    const state = this.state;
    if (state === FINISHED) {
      this.logTraceback = false;
      return this.outcome as T;
    }
    if (state === CANCELLED) throw this.makeCancelledError();
    if (state !== FAILED) throw new InvalidStateError('Result is not ready.');
    this.logTraceback = false;
    throw this.outcome;
  }

  /** `Future.exception()`: the exception held, or undefined. */
  exception(): unknown {
    if (this.state === CANCELLED) throw this.makeCancelledError();
    if (this.state === PENDING) throw new InvalidStateError('Exception is not set.');
    this.logTraceback = false;
    return this.state === FAILED ? this.outcome : undefined;
  }

  setResult(value: T): void {
    if (this.state !== PENDING) throw new InvalidStateError('invalid state');
    this.outcome = value;
    this.state = FINISHED;
    this.scheduleCallbacks();
  }

  setException(error: unknown): void {
    if (this.state !== PENDING) throw new InvalidStateError('invalid state');
    this.outcome = error;
    this.logTraceback = true;
    this.state = FAILED;
    this.scheduleCallbacks();
  }

  /** `Future.cancel()`: false when already done. */
  cancel(message?: string): boolean {
    if (this.state !== PENDING) return false;
    this.state = CANCELLED;
    this.cancelMessage = message;
    this.scheduleCallbacks();
    return true;
  }

  addDoneCallback(callback: DoneCallback<T>): void {
    if (this.state !== PENDING) this.loop.callSoon(callback, this);
    else if (this.callback0 === null && this.callbacks === null) this.callback0 = callback;
    // Once there is a list, later callbacks go to its end, even if callback0 was removed: order is kept.
    else (this.callbacks ??= []).push(callback);
  }

  /** Remove every registration of `callback`; returns how many there were. */
  removeDoneCallback(callback: DoneCallback<T>): number {
    let removed = 0;
    if (this.callback0 === callback) {
      this.callback0 = null;
      removed++;
    }
    if (this.callbacks !== null) {
      const kept = this.callbacks.filter((cb) => cb !== callback);
      removed += this.callbacks.length - kept.length;
      this.callbacks = kept;
    }
    return removed;
  }

  protected makeCancelledError(): CancelledError {
    return new CancelledError(this.cancelMessage ?? '');
  }

  private scheduleCallbacks(): void {
    const first = this.callback0;
    const rest = this.callbacks;
    this.callback0 = null;
    this.callbacks = null;
    if (first !== null) this.loop.callSoon(first, this);
    if (rest !== null) for (const callback of rest) this.loop.callSoon(callback, this);
  }
}

/** What a coroutine yields to its task: a future to wait on, or null for a bare `yield` (sleep(0)). */
export type Yielded = Future<unknown> | null;

/** A coroutine: a generator the task steps, returning T. `yield*` one to await it, as `await coro`. */
export type Coro<T = unknown> = Generator<Yielded, T, unknown>;

/**
 * `await future`: suspends only if it is not done yet (`Future.__await__`).
 * `site`, when given, records where the awaiting task waits.
 */
export function* awaitFuture<T>(future: Future<T>, site?: number): Coro<T> {
  if (!future.done()) {
    if (site !== undefined) future.loop.suspendedAt(site);
    yield future as Future<unknown>;
  }
  return future.result();
}
