/**
 * Port of CPython 3.13's _QueueShutdownTestMixin (Lib/test/test_asyncio/test_queues.py
 * @ 15b0591, transcribed in shared/oracle/experiments/shutdown_tests.py), run as
 * QueueShutdownTests, LifoQueueShutdownTests and PriorityQueueShutdownTests
 * (5 tests each). Semantics: shared/asyncio-semantics.md §9.
 *
 * Adaptations:
 * - test_format checks `q._format() == 'maxsize=0 shutdown'` after `q.shutdown()`.
 *   The engine has no `_format`, so that state is asserted field by field: maxsize 0,
 *   no items (no `_queue=`), no unfinished tasks (no `tasks=`), and `shutDown`.
 * - `loop.create_task(coro)` is `createTask(coro)` (the same thing).
 */
import { describe, expect, it } from 'vitest';
import { QueueShutDown, ValueError } from '../../../src/engine/errors';
import { type Coro, awaitFuture } from '../../../src/engine/future';
import type { Queue } from '../../../src/engine/queue';
import { sleep } from '../../../src/engine/sleep';
import { createTask } from '../../../src/engine/task';
import { QUEUE_CLASSES, raises, raisesAsync, runAsync, runSync } from './support';

/** The four "Ensure put() and get() raise ShutDown" checks every shutdown test makes. */
function* assertAllOpsRaiseShutDown(q: Queue<string>): Coro<void> {
  yield* raisesAsync(QueueShutDown, q.put('data'));
  raises(QueueShutDown, () => q.putNowait('data'));

  yield* raisesAsync(QueueShutDown, q.get());
  raises(QueueShutDown, () => q.getNowait());
}

describe.each(QUEUE_CLASSES)('$name ShutdownTests (_QueueShutdownTestMixin)', (qClass) => {
  it('test_format', () => {
    runSync(() => {
      const q = qClass.make<string>();
      q.shutdown();
      // q._format() == 'maxsize=0 shutdown'
      expect(q.maxsize).toBe(0);
      expect(q.snapshot()).toEqual([]);
      expect(q.unfinishedTasks).toBe(0);
      expect(q.shutDown).toBe(true);
    });
  });

  it('test_shutdown_empty', () => {
    runAsync(function* () {
      // Setup empty queue, and join() and get() tasks
      const q = qClass.make<string>();
      const getTask = createTask(q.get());
      yield* sleep(0); // want get task pending before shutdown

      // Perform shut-down
      q.shutdown(false); // unfinished tasks: 0 -> 0

      expect(q.qsize()).toBe(0);

      // Ensure join() task successfully finishes
      yield* q.join();

      // Ensure get() task is finished, and raised ShutDown
      yield* sleep(0);
      expect(getTask.done()).toBe(true);
      yield* raisesAsync(QueueShutDown, awaitFuture(getTask));

      // Ensure put() and get() raise ShutDown
      yield* assertAllOpsRaiseShutDown(q);
    });
  });

  it('test_shutdown_nonempty', () => {
    runAsync(function* () {
      // Setup full queue with 1 item, and join() and put() tasks
      const q = qClass.make<string>(1);

      q.putNowait('data');
      const joinTask = createTask(q.join());
      const putTask = createTask(q.put('data2'));

      // Ensure put() task is not finished
      yield* sleep(0);
      expect(putTask.done()).toBe(false);

      // Perform shut-down
      q.shutdown(false); // unfinished tasks: 1 -> 1

      expect(q.qsize()).toBe(1);

      // Ensure put() task is finished, and raised ShutDown
      yield* sleep(0);
      expect(putTask.done()).toBe(true);
      yield* raisesAsync(QueueShutDown, awaitFuture(putTask));

      // Ensure get() succeeds on enqueued item
      expect(yield* q.get()).toBe('data');

      // Ensure join() task is not finished
      yield* sleep(0);
      expect(joinTask.done()).toBe(false);

      // Ensure put() and get() raise ShutDown
      yield* assertAllOpsRaiseShutDown(q);

      // Ensure there is 1 unfinished task, and join() task succeeds
      q.taskDone();

      yield* sleep(0);
      expect(joinTask.done()).toBe(true);
      yield* awaitFuture(joinTask);

      // "Didn't appear to mark all tasks done"
      raises(ValueError, () => q.taskDone());
    });
  });

  it('test_shutdown_immediate', () => {
    runAsync(function* () {
      // Setup queue with 1 item, and a join() task
      const q = qClass.make<string>();
      q.putNowait('data');
      const joinTask = createTask(q.join());

      // Perform shut-down
      q.shutdown(true); // unfinished tasks: 1 -> 0

      expect(q.qsize()).toBe(0);

      // Ensure join() task has successfully finished
      yield* sleep(0);
      expect(joinTask.done()).toBe(true);
      yield* awaitFuture(joinTask);

      // Ensure put() and get() raise ShutDown
      yield* assertAllOpsRaiseShutDown(q);

      // Ensure there are no unfinished tasks
      raises(ValueError, () => q.taskDone());
    });
  });

  it('test_shutdown_immediate_with_unfinished', () => {
    runAsync(function* () {
      // Setup queue with 2 items (1 retrieved), and a join() task
      const q = qClass.make<string>();
      q.putNowait('data');
      q.putNowait('data');
      const joinTask = createTask(q.join());
      expect(yield* q.get()).toBe('data');

      // Perform shut-down
      q.shutdown(true); // unfinished tasks: 2 -> 1

      expect(q.qsize()).toBe(0);

      // Ensure join() task is not finished
      yield* sleep(0);
      expect(joinTask.done()).toBe(false);

      // Ensure put() and get() raise ShutDown
      yield* assertAllOpsRaiseShutDown(q);

      // Ensure there is 1 unfinished task
      q.taskDone();
      raises(ValueError, () => q.taskDone());

      // Ensure join() task has successfully finished
      yield* sleep(0);
      expect(joinTask.done()).toBe(true);
      yield* awaitFuture(joinTask);
    });
  });
});
