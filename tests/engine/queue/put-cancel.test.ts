/**
 * Port of CPython 3.11.7 Lib/test/test_asyncio/test_queues.py: QueuePutTests, the 6
 * tests that cancel a blocked or just-woken get()/put(); the other 8 are in put.test.ts.
 *
 * Adaptations:
 * - `async with asyncio.TaskGroup()` is `createTask` + `awaitAll` (support.ts).
 * - test_cancelled_puts_not_being_held_in_self_putters asserts `len(queue._putters)`
 *   going 1 -> 0; the engine keeps its putters private and a cancelled future left in
 *   the deque would be skipped by `_wakeup_next`, so the deque's length is not
 *   observable. The closest observable is asserted instead: the put is blocked
 *   (not done, queue full with one item), then after the cancel it is cancelled and
 *   never lands (the queue still holds just the first item and is empty after one get).
 */
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/engine/errors';
import { awaitFuture } from '../../../src/engine/future';
import { Queue } from '../../../src/engine/queue';
import { sleep } from '../../../src/engine/sleep';
import { type Task, createTask } from '../../../src/engine/task';
import { awaitAll, raisesAsync, runAsync } from './support';

describe('QueuePutTests (cancellation)', () => {
  it('test_get_cancel_drop_one_pending_reader', () => {
    runAsync(function* () {
      const q = new Queue<number>();

      let reader = createTask(q.get());

      yield* sleep(0);

      q.putNowait(1);
      q.putNowait(2);
      reader.cancel();

      try {
        yield* awaitFuture(reader);
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        // try again
        reader = createTask(q.get());
        yield* awaitFuture(reader);
      }

      const result = reader.result();
      // if we get 2, it means 1 got dropped!
      expect(result).toBe(1);
    });
  });

  it('test_get_cancel_drop_many_pending_readers', () => {
    let reader2: Task<number> | undefined;
    let reader3: Task<number> | undefined;
    runAsync(function* () {
      const q = new Queue<number>();

      // async with asyncio.TaskGroup() as tg:
      const reader1 = createTask(q.get());
      reader2 = createTask(q.get());
      reader3 = createTask(q.get());

      yield* sleep(0);

      q.putNowait(1);
      q.putNowait(2);
      reader1.cancel();

      yield* raisesAsync(CancelledError, awaitFuture(reader1));

      yield* awaitFuture(reader3);
      yield* awaitAll([reader1, reader2, reader3]);
    });
    // It is undefined in which order concurrent readers receive results.
    expect(new Set([reader2!.result(), reader3!.result()])).toEqual(new Set([1, 2]));
  });

  it('test_put_cancel_drop', () => {
    runAsync(function* () {
      const q = new Queue<number>({ maxsize: 1 });

      q.putNowait(1);

      // putting a second item in the queue has to block (qsize=1)
      let writer = createTask(q.put(2));
      yield* sleep(0);

      const value1 = q.getNowait();
      expect(value1).toBe(1);

      writer.cancel();
      try {
        yield* awaitFuture(writer);
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        // try again
        writer = createTask(q.put(2));
        yield* awaitFuture(writer);
      }

      const value2 = q.getNowait();
      expect(value2).toBe(2);
      expect(q.qsize()).toBe(0);
    });
  });

  it('test_put_cancelled_race', () => {
    runAsync(function* () {
      const q = new Queue<string>({ maxsize: 1 });

      const putA = createTask(q.put('a'));
      const putB = createTask(q.put('b'));
      const putC = createTask(q.put('X'));

      yield* sleep(0);
      expect(putA.done()).toBe(true);
      expect(putB.done()).toBe(false);

      putC.cancel();
      yield* sleep(0);
      expect(putC.done()).toBe(true);
      expect(q.getNowait()).toBe('a');
      yield* sleep(0);
      expect(q.getNowait()).toBe('b');

      yield* awaitFuture(putB);
    });
  });

  it('test_cancelled_puts_not_being_held_in_self_putters', () => {
    runAsync(function* () {
      // Full queue.
      const queue = new Queue<number>({ maxsize: 1 });
      queue.putNowait(1);

      // Task waiting for space to put an item in the queue.
      const putTask = createTask(queue.put(1));
      yield* sleep(0);

      // len(queue._putters) == 1, observed as: the put is blocked on the full queue.
      expect(putTask.done()).toBe(false);
      expect(queue.full()).toBe(true);
      putTask.cancel();
      yield* raisesAsync(CancelledError, awaitFuture(putTask));
      // len(queue._putters) == 0, observed as: the cancelled put never lands.
      expect(putTask.cancelled()).toBe(true);
      expect(queue.snapshot()).toEqual([1]);
      expect(queue.unfinishedTasks).toBe(1);
      queue.getNowait();
      yield* sleep(0);
      expect(queue.qsize()).toBe(0);
    });
  });

  it('test_cancelled_put_silence_value_error_exception', () => {
    runAsync(function* () {
      // Full Queue.
      const queue = new Queue<number>({ maxsize: 1 });
      queue.putNowait(1);

      // Task waiting for space to put a item in the queue.
      const putTask = createTask(queue.put(1));
      yield* sleep(0);

      // get_nowait() remove the future of put_task from queue._putters.
      queue.getNowait();
      // When canceled, queue.put is going to remove its future from
      // self._putters but it was removed previously by queue.get_nowait().
      putTask.cancel();

      // The ValueError exception triggered by queue._putters.remove(putter)
      // inside queue.put should be silenced.
      // If the ValueError is silenced we should catch a CancelledError.
      yield* raisesAsync(CancelledError, awaitFuture(putTask));
    });
  });
});
