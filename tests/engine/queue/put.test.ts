/**
 * Port of CPython 3.11.7 Lib/test/test_asyncio/test_queues.py: QueuePutTests, the 8
 * tests without a cancellation; the other 6 are in put-cancel.test.ts.
 *
 * Adaptation: `async with asyncio.TaskGroup()` is `createTask` + `awaitAll` (support.ts).
 */
import { describe, expect, it } from 'vitest';
import { QueueFull } from '../../../src/engine/errors';
import { type Coro, awaitFuture } from '../../../src/engine/future';
import { AsyncEvent } from '../../../src/engine/locks';
import { getRunningLoop } from '../../../src/engine/loop';
import { Queue } from '../../../src/engine/queue';
import { sleep } from '../../../src/engine/sleep';
import { createTask } from '../../../src/engine/task';
import { awaitAll, raises, runAsync, runSync } from './support';

describe('QueuePutTests', () => {
  it('test_blocking_put', () => {
    runAsync(function* () {
      const q = new Queue<number>();

      // No maxsize, won't block.
      yield* q.put(1);
      expect(yield* q.get()).toBe(1);
    });
  });

  it('test_blocking_put_wait', () => {
    runAsync(function* () {
      const q = new Queue<number>({ maxsize: 1 });
      const started = new AsyncEvent();
      let finished = false;

      function* queuePut(): Coro<void> {
        started.set();
        yield* q.put(1);
        yield* q.put(2);
        finished = true;
      }

      const loop = getRunningLoop();
      loop.callLater(0.01, (queue) => queue.getNowait(), q);
      const queuePutTask = createTask(queuePut());
      yield* started.wait();
      expect(finished).toBe(false);
      yield* awaitFuture(queuePutTask);
      expect(finished).toBe(true);
    });
  });

  it('test_nonblocking_put', () => {
    runSync(() => {
      const q = new Queue<number>();
      q.putNowait(1);
      expect(q.getNowait()).toBe(1);
    });
  });

  it('test_nonblocking_put_exception', () => {
    runSync(() => {
      const q = new Queue<number>({ maxsize: 1 });
      q.putNowait(1);
      raises(QueueFull, () => q.putNowait(2));
    });
  });

  it('test_float_maxsize', () => {
    runAsync(function* () {
      let q = new Queue<number>({ maxsize: 1.3 });
      q.putNowait(1);
      q.putNowait(2);
      expect(q.full()).toBe(true);
      raises(QueueFull, () => q.putNowait(3));

      q = new Queue<number>({ maxsize: 1.3 });

      yield* q.put(1);
      yield* q.put(2);
      expect(q.full()).toBe(true);
    });
  });

  it('test_put_cancelled', () => {
    runAsync(function* () {
      const q = new Queue<number>();

      function* queuePut(): Coro<boolean> {
        yield* q.put(1);
        return true;
      }

      const t = createTask(queuePut());

      expect(yield* q.get()).toBe(1);
      expect(t.done()).toBe(true);
      expect(t.result()).toBe(true);
    });
  });

  it('test_put_with_waiting_getters', () => {
    runAsync(function* () {
      const q = new Queue<string>();
      const t = createTask(q.get());
      yield* sleep(0);
      yield* q.put('a');
      expect(yield* awaitFuture(t)).toBe('a');
    });
  });

  it('test_why_are_putters_waiting', () => {
    runAsync(function* () {
      const queue = new Queue<number>({ maxsize: 2 });

      function* putter(item: number): Coro<void> {
        yield* queue.put(item);
      }

      function* getter(): Coro<void> {
        yield* sleep(0);
        const num = queue.qsize();
        for (let n = 0; n < num; n++) queue.getNowait();
      }

      // async with asyncio.TaskGroup() as tg: (finishing is the assertion: no deadlock)
      const tg = [createTask(getter()), createTask(putter(0)), createTask(putter(1)), createTask(putter(2)), createTask(putter(3))];
      yield* awaitAll(tg);
    });
  });
});
