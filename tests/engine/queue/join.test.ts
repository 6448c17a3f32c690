/**
 * Port of CPython 3.11.7 Lib/test/test_asyncio/test_queues.py: _QueueJoinTestMixin,
 * run as QueueJoinTests, LifoQueueJoinTests and PriorityQueueJoinTests (4 tests each).
 *
 * Adaptations:
 * - test_format checks `q._format()`, the state part of `repr(q)`: `'maxsize=0'`, then
 *   `'maxsize=0 tasks=2'` after `q._unfinished_tasks = 2`. The engine has no `_format`
 *   and its counter is private, so the same state is asserted field by field through
 *   `maxsize`, `snapshot()` (no `_queue=` part), `unfinishedTasks` and `shutDown`, and
 *   the count of 2 is reached the public way: two puts and two gets, no task_done().
 * - `async with asyncio.TaskGroup()` is `createTask` + `awaitAll` (support.ts).
 */
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../src/engine/errors';
import type { Coro } from '../../../src/engine/future';
import { createTask } from '../../../src/engine/task';
import { QUEUE_CLASSES, awaitAll, raises, runAsync, runSync } from './support';

describe.each(QUEUE_CLASSES)('$name JoinTests (_QueueJoinTestMixin)', (qClass) => {
  it('test_task_done_underflow', () => {
    runSync(() => {
      const q = qClass.make<number>();
      raises(ValueError, () => q.taskDone());
    });
  });

  it('test_task_done', () => {
    runAsync(function* () {
      const q = qClass.make<number>();
      for (let i = 0; i < 100; i++) q.putNowait(i);

      let accumulator = 0;

      // Two workers get items from the queue and call task_done after each.
      // Join the queue and assert all items have been processed.
      let running = true;

      function* worker(): Coro<void> {
        // oxlint-disable-next-line no-unmodified-loop-condition -- the test body sets it to false
        while (running) {
          const item = yield* q.get();
          accumulator += item;
          q.taskDone();
        }
      }

      // async with asyncio.TaskGroup() as tg:
      const tasks = [0, 1].map(() => createTask(worker()));

      yield* q.join();
      expect(accumulator).toBe((99 * 100) / 2); // sum(range(100))

      // close running generators
      running = false;
      for (let i = 0; i < tasks.length; i++) q.putNowait(0);
      yield* awaitAll(tasks);
    });
  });

  it('test_join_empty_queue', () => {
    runAsync(function* () {
      const q = qClass.make<number>();

      // Test that a queue join()s successfully, and before anything else
      // (done twice for insurance).

      yield* q.join();
      yield* q.join();
    });
  });

  it('test_format', () => {
    runSync(() => {
      const q = qClass.make<number>();
      // q._format() == 'maxsize=0'
      expect(q.maxsize).toBe(0);
      expect(q.snapshot()).toEqual([]);
      expect(q.unfinishedTasks).toBe(0);
      expect(q.shutDown).toBe(false);

      // q._unfinished_tasks = 2, reached through the public API
      q.putNowait(1);
      q.putNowait(2);
      q.getNowait();
      q.getNowait();
      // q._format() == 'maxsize=0 tasks=2'
      expect(q.maxsize).toBe(0);
      expect(q.snapshot()).toEqual([]);
      expect(q.unfinishedTasks).toBe(2);
      expect(q.shutDown).toBe(false);
    });
  });
});
