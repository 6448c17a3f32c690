/**
 * Port of CPython 3.11.7 Lib/test/test_asyncio/test_queues.py: QueueBasicTests,
 * LifoQueueTests and PriorityQueueTests.
 *
 * Skipped (Python-object details with no engine meaning):
 * - QueueBasicTests.test_repr and test_str: they check the text of `repr(q)` / `str(q)`
 *   (`<Queue at 0x…`, `_getters[1]`, `_putters[1]`, `_queue=[1]`); the engine has no
 *   repr. The waiting getter/putter behaviour they drive along the way is covered by
 *   get.test.ts and put.test.ts.
 * - QueueBasicTests.test_generic_alias: `asyncio.Queue[int]` is a `types.GenericAlias`,
 *   a Python typing detail (in TypeScript `Queue<number>` is a compile-time type).
 */
import { describe, expect, it } from 'vitest';
import type { Coro } from '../../../src/engine/future';
import { Queue } from '../../../src/engine/queue';
import { LifoStore, PriorityStore } from '../../../src/engine/queue-stores';
import { sleep } from '../../../src/engine/sleep';
import { createTask } from '../../../src/engine/task';
import { pyCompare, runAsync } from './support';

describe('QueueBasicTests', () => {
  it('test_empty', () => {
    runAsync(function* () {
      const q = new Queue<number>();
      expect(q.empty()).toBe(true);
      yield* q.put(1);
      expect(q.empty()).toBe(false);
      expect(yield* q.get()).toBe(1);
      expect(q.empty()).toBe(true);
    });
  });

  it('test_full', () => {
    runAsync(function* () {
      let q = new Queue<number>();
      expect(q.full()).toBe(false);

      q = new Queue<number>({ maxsize: 1 });
      yield* q.put(1);
      expect(q.full()).toBe(true);
    });
  });

  it('test_order', () => {
    runAsync(function* () {
      const q = new Queue<number>();
      for (const i of [1, 3, 2]) yield* q.put(i);

      const items: number[] = [];
      for (let n = 0; n < 3; n++) items.push(yield* q.get());
      expect(items).toEqual([1, 3, 2]);
    });
  });

  it('test_maxsize', () => {
    runAsync(function* () {
      const q = new Queue<number>({ maxsize: 2 });
      expect(q.maxsize).toBe(2);
      const haveBeenPut: number[] = [];

      function* putter(): Coro<boolean> {
        for (let i = 0; i < 3; i++) {
          yield* q.put(i);
          haveBeenPut.push(i);
        }
        return true;
      }

      const t = createTask(putter());
      for (let i = 0; i < 2; i++) yield* sleep(0);

      // The putter is blocked after putting two items.
      expect(haveBeenPut).toEqual([0, 1]);
      expect(yield* q.get()).toBe(0);

      // Let the putter resume and put last item.
      yield* sleep(0);
      expect(haveBeenPut).toEqual([0, 1, 2]);
      expect(yield* q.get()).toBe(1);
      expect(yield* q.get()).toBe(2);

      expect(t.done()).toBe(true);
      expect(t.result()).toBe(true);
    });
  });
});

describe('LifoQueueTests', () => {
  it('test_order', () => {
    runAsync(function* () {
      const q = new Queue<number>({ store: new LifoStore() });
      for (const i of [1, 3, 2]) yield* q.put(i);

      const items: number[] = [];
      for (let n = 0; n < 3; n++) items.push(yield* q.get());
      expect(items).toEqual([2, 3, 1]);
    });
  });
});

describe('PriorityQueueTests', () => {
  it('test_order', () => {
    runAsync(function* () {
      const q = new Queue<number>({ store: new PriorityStore(pyCompare) });
      for (const i of [1, 3, 2]) yield* q.put(i);

      const items: number[] = [];
      for (let n = 0; n < 3; n++) items.push(yield* q.get());
      expect(items).toEqual([1, 2, 3]);
    });
  });
});
