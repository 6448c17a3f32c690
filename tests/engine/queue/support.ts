/**
 * Shared pieces for the ports of CPython's Lib/test/test_asyncio/test_queues.py.
 *
 * - `runAsync(main)` is `asyncio.run(main())` as an IsolatedAsyncioTestCase runs a
 *   test: a failing `expect` inside the coroutine is re-thrown, and the test also
 *   fails if the main coroutine did not run to its end (a CancelledError escaping
 *   it, a deadlock, or a runaway loop).
 * - `runSync(body)` is the same for a plain `def test_…` that never awaits.
 * - `raises` / `raisesAsync` are `self.assertRaises(...)` for a call / an await.
 * - `awaitAll(tasks)` is the end of `async with asyncio.TaskGroup()`: the engine has
 *   no TaskGroup, so tests create the children with `createTask` and wait for all
 *   of them here (a cancelled child is ignored, as TaskGroup ignores it).
 * - `QUEUE_CLASSES` are `asyncio.Queue`, `LifoQueue` and `PriorityQueue`, for the
 *   mixins that CPython runs once per class.
 */
import { expect } from 'vitest';
import { CancelledError } from '../../../src/engine/errors';
import { type Coro, awaitFuture } from '../../../src/engine/future';
import type { EventLoop } from '../../../src/engine/loop';
import { Queue } from '../../../src/engine/queue';
import { FifoStore, LifoStore, PriorityStore } from '../../../src/engine/queue-stores';
import { runMain } from '../../../src/engine/runner';
import type { Task } from '../../../src/engine/task';

/** A guard against a runaway loop; every test here needs a few hundred iterations at most. */
const MAX_ITERATIONS = 10_000;

/** Run `main()` under `asyncio.run` and insist that it returned normally; returns the loop. */
export function runAsync(main: () => Coro<unknown>): EventLoop {
  let completed = false;
  function* body(): Coro<void> {
    yield* main();
    completed = true;
  }
  const { status, loop } = runMain(body(), { maxIterations: MAX_ITERATIONS });
  if (status.kind === 'raised') throw status.error;
  if (status.kind !== 'returned') throw new Error(`asyncio.run did not return: ${JSON.stringify(status)}`);
  // runMain reports a cancelled main task as 'returned': make sure the body really finished.
  expect(completed, 'the test coroutine ran to its end (no CancelledError escaped it)').toBe(true);
  return loop;
}

/**
 * For the Python tests that are plain `def`s (no await): the engine still needs a
 * running loop for `put_nowait()` / `get_nowait()`, so the body runs as a coroutine
 * that never suspends.
 */
export function runSync(body: () => void): EventLoop {
  // oxlint-disable-next-line require-yield -- a coroutine that never awaits, like the sync Python test
  return runAsync(function* () {
    body();
  });
}

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** `self.assertRaises(cls, fn)`. */
export function raises<E>(cls: ErrorClass<E>, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(cls);
    return error as E;
  }
  throw new Error(`${cls.name} not raised`);
}

/** `with self.assertRaises(cls): await awaitable`. */
export function* raisesAsync<E>(cls: ErrorClass<E>, awaitable: Coro<unknown>): Coro<E> {
  try {
    yield* awaitable;
  } catch (error) {
    expect(error).toBeInstanceOf(cls);
    return error as E;
  }
  throw new Error(`${cls.name} not raised`);
}

/** Leaving `async with asyncio.TaskGroup()`: wait for every child; a failed one re-raises. */
export function* awaitAll(tasks: readonly Task<unknown>[]): Coro<void> {
  for (const task of tasks) {
    try {
      yield* awaitFuture(task);
    } catch (error) {
      if (!(error instanceof CancelledError && task.cancelled())) throw error;
    }
  }
}

/** Python's `<` on ints and strs, as heapq uses it. */
export function pyCompare<T extends number | string>(a: T, b: T): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export interface QueueClass {
  readonly name: 'Queue' | 'LifoQueue' | 'PriorityQueue';
  /** `q_class(maxsize=maxsize)`. */
  make<T extends number | string>(maxsize?: number): Queue<T>;
}

export const QUEUE_CLASSES: readonly QueueClass[] = [
  { name: 'Queue', make: (maxsize = 0) => new Queue({ maxsize, store: new FifoStore() }) },
  { name: 'LifoQueue', make: (maxsize = 0) => new Queue({ maxsize, store: new LifoStore() }) },
  { name: 'PriorityQueue', make: (maxsize = 0) => new Queue({ maxsize, store: new PriorityStore(pyCompare) }) },
];
