/**
 * Port of the four ordering checks in shared/oracle/experiments/shutdown_tests.py
 * (not part of CPython's test suite: the oracle's own checks of 3.13's shutdown
 * semantics, shared/asyncio-semantics.md §9), run for Queue, LifoQueue and
 * PriorityQueue like the file's _ShutdownChecks. The 3.13 tests themselves are in
 * shutdown.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { QueueShutDown } from '../../../src/engine/errors';
import { type Coro, awaitFuture } from '../../../src/engine/future';
import { gather } from '../../../src/engine/gather';
import { sleep } from '../../../src/engine/sleep';
import { createTask } from '../../../src/engine/task';
import { QUEUE_CLASSES, raisesAsync, runAsync } from './support';

describe.each(QUEUE_CLASSES)('$name Shutdown ordering checks', (qClass) => {
  it('test_blocked_waiters_raise_in_blocking_order', () => {
    runAsync(function* () {
      const log: string[] = [];
      const getq = qClass.make<string>();
      const putq = qClass.make<number | string>(1);
      putq.putNowait(0);

      function* getter(name: string): Coro<void> {
        try {
          yield* getq.get();
        } catch (error) {
          if (!(error instanceof QueueShutDown)) throw error;
          log.push(name);
        }
      }

      function* putter(name: string): Coro<void> {
        try {
          yield* putq.put(name);
        } catch (error) {
          if (!(error instanceof QueueShutDown)) throw error;
          log.push(name);
        }
      }

      // getters block only on an empty queue, putters only on a full one,
      // so each kind is shown on its own queue
      const tasks = [createTask(putter('p1')), createTask(getter('g1')), createTask(putter('p2')), createTask(getter('g2'))];
      yield* sleep(0);
      getq.shutdown();
      putq.shutdown();
      yield* awaitFuture(gather(tasks));
      expect(log).toEqual(['g1', 'g2', 'p1', 'p2']);
    });
  });

  it('test_put_on_full_shut_queue_raises_without_blocking', () => {
    runAsync(function* () {
      const q = qClass.make<number>(1);
      q.putNowait(1);
      q.shutdown();
      yield* raisesAsync(QueueShutDown, q.put(2));
      expect(q.getNowait()).toBe(1);
    });
  });

  it('test_workers_drain_then_stop', () => {
    const done: [string, number | 'stop'][] = [];
    runAsync(function* () {
      const q = qClass.make<number>();

      function* worker(name: string): Coro<void> {
        for (;;) {
          let item: number;
          try {
            item = yield* q.get();
          } catch (error) {
            if (!(error instanceof QueueShutDown)) throw error;
            done.push([name, 'stop']);
            return;
          }
          yield* sleep(1);
          done.push([name, item]);
          q.taskDone();
        }
      }

      const workers = ['w1', 'w2'].map((name) => createTask(worker(name)));
      for (const item of [1, 2, 3]) q.putNowait(item);
      q.shutdown();
      yield* q.join();
      yield* awaitFuture(gather(workers));
    });
    const items = done.flatMap(([, item]) => (item === 'stop' ? [] : [item])).toSorted((a, b) => a - b);
    expect(items).toEqual([1, 2, 3]);
    expect(done.filter(([, item]) => item === 'stop').map(([name]) => name)).toEqual(['w2', 'w1']);
  });

  it('test_immediate_drops_items_and_releases_join', () => {
    runAsync(function* () {
      const q = qClass.make<number>();
      for (let i = 0; i < 5; i++) q.putNowait(i);
      const j = createTask(q.join());
      yield* sleep(0);
      expect(j.done()).toBe(false);
      q.shutdown(true);
      yield* sleep(0);
      expect(j.done()).toBe(true);
      expect(q.unfinishedTasks).toBe(0);
    });
  });
});
