/**
 * Port of CPython 3.11.7 Lib/test/test_asyncio/test_queues.py: QueueGetTests (all 9).
 *
 * Adaptations (the engine keeps `_getters` / `_putters` private and has no TaskGroup
 * or wait_for):
 * - test_get_with_putters appends a hand-made future to `q._putters`; here a real
 *   `put(2)` task blocks on the full queue instead, and "the waiter is done with
 *   result None" becomes "the put task resumes and returns None".
 * - test_cancelled_getters_not_being_held_in_self_getters: `wait_for(get(), 0.1)` is
 *   emulated with a task, `sleep(0.1)` and `task.cancel()` (the inner task is
 *   cancelled and waited for, as wait_for does; its CancelledError stands for the
 *   TimeoutError). `len(queue._getters) == 0` is not observable through the public
 *   API (a cancelled getter left in the deque would be skipped by `_wakeup_next`), so
 *   the closest observable is asserted: the abandoned get does not consume a later item.
 * - `async with asyncio.TaskGroup()` is `createTask` + `awaitAll` (support.ts).
 */
import { describe, expect, it } from 'vitest';
import { CancelledError, QueueEmpty } from '../../../src/engine/errors';
import { type Coro, awaitFuture } from '../../../src/engine/future';
import { AsyncEvent } from '../../../src/engine/locks';
import { getRunningLoop } from '../../../src/engine/loop';
import { Queue } from '../../../src/engine/queue';
import { sleep } from '../../../src/engine/sleep';
import { createTask } from '../../../src/engine/task';
import { awaitAll, raises, runAsync, runSync } from './support';

// test_why_are_getters_waiting's nested coroutines (module scope: they capture nothing).
function* consumer(queue: Queue<number>, numExpected: number): Coro<void> {
  for (let n = 0; n < numExpected; n++) yield* queue.get();
}

function* producer(queue: Queue<number>, numItems: number): Coro<void> {
  for (let i = 0; i < numItems; i++) yield* queue.put(i);
}

describe('QueueGetTests', () => {
  it('test_blocking_get', () => {
    runAsync(function* () {
      const q = new Queue<number>();
      q.putNowait(1);

      expect(yield* q.get()).toBe(1);
    });
  });

  it('test_get_with_putters', () => {
    runAsync(function* () {
      const q = new Queue<number>({ maxsize: 1 });
      yield* q.put(1);

      // Stand-in for `waiter = loop.create_future(); q._putters.append(waiter)`.
      const waiter = createTask(q.put(2));
      yield* sleep(0);
      expect(waiter.done()).toBe(false);

      expect(yield* q.get()).toBe(1);
      yield* sleep(0); // the woken putter resumes one iteration later
      expect(waiter.done()).toBe(true);
      expect(waiter.result()).toBeUndefined();
    });
  });

  it('test_blocking_get_wait', () => {
    runAsync(function* () {
      const loop = getRunningLoop();
      const q = new Queue<number>();
      const started = new AsyncEvent();
      let finished = false;

      function* queueGet(): Coro<number> {
        started.set();
        const res = yield* q.get();
        finished = true;
        return res;
      }

      const queueGetTask = createTask(queueGet());
      yield* started.wait();
      expect(finished).toBe(false);
      loop.callLater(0.01, (item) => q.putNowait(item), 1);
      const res = yield* awaitFuture(queueGetTask);
      expect(finished).toBe(true);
      expect(res).toBe(1);
    });
  });

  it('test_nonblocking_get', () => {
    runSync(() => {
      const q = new Queue<number>();
      q.putNowait(1);
      expect(q.getNowait()).toBe(1);
    });
  });

  it('test_nonblocking_get_exception', () => {
    runSync(() => {
      const q = new Queue<number>();
      raises(QueueEmpty, () => q.getNowait());
    });
  });

  it('test_get_cancelled_race', () => {
    runAsync(function* () {
      const q = new Queue<string>();

      const t1 = createTask(q.get());
      const t2 = createTask(q.get());

      yield* sleep(0);
      t1.cancel();
      yield* sleep(0);
      expect(t1.done()).toBe(true);
      yield* q.put('a');
      yield* sleep(0);
      expect(yield* awaitFuture(t2)).toBe('a');
    });
  });

  it('test_get_with_waiting_putters', () => {
    runAsync(function* () {
      const q = new Queue<string>({ maxsize: 1 });
      createTask(q.put('a'));
      createTask(q.put('b'));
      expect(yield* q.get()).toBe('a');
      expect(yield* q.get()).toBe('b');
    });
  });

  it('test_why_are_getters_waiting', () => {
    runAsync(function* () {
      const producerNumItems = 5;

      const q = new Queue<number>({ maxsize: 1 });
      // async with asyncio.TaskGroup() as tg: (finishing is the assertion: no deadlock)
      const tg = [createTask(producer(q, producerNumItems)), createTask(consumer(q, producerNumItems))];
      yield* awaitAll(tg);
    });
  });

  it('test_cancelled_getters_not_being_held_in_self_getters', () => {
    runAsync(function* () {
      const queue = new Queue<number>({ maxsize: 5 });

      // with self.assertRaises(TimeoutError): await asyncio.wait_for(queue.get(), 0.1)
      const inner = createTask(queue.get());
      yield* sleep(0.1);
      expect(inner.done()).toBe(false);
      inner.cancel();
      let timedOut = false;
      try {
        yield* awaitFuture(inner);
      } catch (error) {
        expect(error).toBeInstanceOf(CancelledError);
        timedOut = true; // wait_for turns the inner CancelledError into TimeoutError
      }
      expect(timedOut).toBe(true);
      expect(inner.cancelled()).toBe(true);

      // self.assertEqual(len(queue._getters), 0): not observable (see the top
      // comment); the abandoned get must at least not take the next item.
      queue.putNowait(1);
      yield* sleep(0);
      expect(queue.qsize()).toBe(1);
      expect(queue.getNowait()).toBe(1);
    });
  });
});
