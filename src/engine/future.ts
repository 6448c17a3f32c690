import { CancelledError, InvalidStateError } from './errors';
import { type EventLoop, getRunningLoop } from './loop';

/** Method syntax makes the parameter bivariant, so a Task<T> can take a callback for Future<unknown>. */
export type DoneCallback<T> = { bivariant(future: Future<T>): void }['bivariant'];

const PENDING = 0;
const CANCELLED = 1;
const FINISHED = 2;

/**
 * `asyncio.Future`: state, result or exception, and done callbacks that are
 * always scheduled with `call_soon`, never run synchronously
 * (`futures.Future.__schedule_callbacks`).
 */
export class Future<T = unknown> {
  private state = PENDING;
  private value: T | undefined;
  private error: unknown = undefined;
  private failed = false;
  private callbacks: DoneCallback<T>[] = [];
  protected cancelMessage: string | undefined;
  /**
   * `_log_traceback`: it holds an exception nobody has looked at. CPython logs
   * "exception was never retrieved" for such a future when it is freed.
   */
  logTraceback = false;
  /** What waiting on this future means, in Python terms, for deadlock reports. */
  description = 'a future';

  constructor(readonly loop: EventLoop = getRunningLoop()) {}

  done(): boolean {
    return this.state !== PENDING;
  }

  cancelled(): boolean {
    return this.state === CANCELLED;
  }

  /** `Future.result()`: the value, or raise what the future holds. */
  result(): T {
    if (this.state === CANCELLED) throw this.makeCancelledError();
    if (this.state !== FINISHED) throw new InvalidStateError('Result is not ready.');
    this.logTraceback = false;
    if (this.failed) throw this.error;
    return this.value as T;
  }

  /** `Future.exception()`: the exception held, or undefined. */
  exception(): unknown {
    if (this.state === CANCELLED) throw this.makeCancelledError();
    if (this.state !== FINISHED) throw new InvalidStateError('Exception is not set.');
    this.logTraceback = false;
    return this.failed ? this.error : undefined;
  }

  setResult(value: T): void {
    if (this.state !== PENDING) throw new InvalidStateError('invalid state');
    this.value = value;
    this.state = FINISHED;
    this.scheduleCallbacks();
  }

  setException(error: unknown): void {
    if (this.state !== PENDING) throw new InvalidStateError('invalid state');
    this.error = error;
    this.failed = true;
    this.logTraceback = true;
    this.state = FINISHED;
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
    else this.callbacks.push(callback);
  }

  removeDoneCallback(callback: DoneCallback<T>): number {
    const before = this.callbacks.length;
    this.callbacks = this.callbacks.filter((cb) => cb !== callback);
    return before - this.callbacks.length;
  }

  protected makeCancelledError(): CancelledError {
    return new CancelledError(this.cancelMessage ?? '');
  }

  private scheduleCallbacks(): void {
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) this.loop.callSoon(callback, this);
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
