import type { Coro, Yielded } from './future';

/**
 * A library coroutine (`asyncio.sleep`, `Queue.get`, `Queue.put`) written as
 * an explicit state machine instead of a generator function: same protocol,
 * same behaviour at every `next`/`throw`/`return`. Why: these run once or
 * more per job, and a generator costs a generator object plus its register
 * file (~190 bytes) and one more frame to resume through on every wake-up;
 * an op is one small object. In the throughput bench this cut run time by
 * about a tenth.
 *
 * Like a generator, nothing runs until the first `next()` (a coroutine does
 * nothing until awaited), and after it finished `next()` keeps answering done.
 */
export abstract class CoroOp<T> implements Coro<T> {
  abstract next(): IteratorResult<Yielded, T>;
  abstract throw(error: unknown): IteratorResult<Yielded, T>;
  abstract return(value: T): IteratorResult<Yielded, T>;

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * The two result objects every op suspends and finishes with, rewritten at
 * each call: their only reader is the `yield*` or Task.step that called
 * `next()`, which reads them before anything else can run (nothing in the
 * engine keeps an iterator result). A fresh object per suspension and per
 * `get()` was two allocations a job.
 */
const SUSPENDED: { value: Yielded; done: false } = { value: null, done: false };
const FINISHED: { value: unknown; done: true } = { value: undefined, done: true };

/** What a suspended coroutine yields: the future it waits on (or null for a bare yield). */
export function suspend(on: Yielded): IteratorResult<Yielded, never> {
  SUSPENDED.value = on;
  return SUSPENDED;
}

/** What a finished coroutine answers. */
export function finished<T>(value: T): IteratorResult<never, T> {
  FINISHED.value = value;
  return FINISHED as IteratorResult<never, T>;
}

/**
 * What a coroutine that returns None answers when it finishes: one frozen
 * object for all (sleep and put finish once per job each, and nothing writes
 * to an iterator result).
 */
export const FINISHED_VOID: IteratorResult<never, void> = Object.freeze({ value: undefined, done: true });
