import { Deque } from './deque';
import { QueueEmpty, QueueFull, ValueError } from './errors';
import { NO_JOB, type JobId, type WaiterKind } from './events';
import { type Coro, Future, awaitFuture } from './future';
import { AsyncEvent } from './locks';
import { type EventLoop, getRunningLoop } from './loop';

/** Where the items live: FIFO deque, LIFO stack or priority heap (`_init/_put/_get`). */
export interface ItemStore<T> {
  readonly size: number;
  add(item: T): void;
  take(): T;
  items(): T[];
}

export interface QueueOptions<T> {
  /** `maxsize`; 0 or less means unbounded, a float such as 1.3 holds 2 items. */
  readonly maxsize?: number;
  /** The job an item stands for, to label events (a sentinel is `SENTINEL`). */
  readonly jobOf?: (item: T) => JobId;
  readonly store?: ItemStore<T>;
}

/**
 * `asyncio.Queue` (queues.py, 3.11): one wake per item (`_wakeup_next`), woken
 * waiters re-check when they run and may lose their place, cancelled waiters
 * hand their wake to the next one. Every state change is also an event.
 * `site` arguments say which line of the exported program made the call.
 */
export class Queue<T> {
  readonly maxsize: number;
  private readonly store: ItemStore<T>;
  private readonly jobOf: (item: T) => JobId;
  private readonly getters = new Deque<Future<null>>();
  private readonly putters = new Deque<Future<null>>();
  private readonly waiterTasks = new Map<Future<null>, number>();
  private unfinished = 0;
  private readonly finished = new AsyncEvent('queue.join()');

  constructor(options: QueueOptions<T> = {}) {
    this.maxsize = options.maxsize ?? 0;
    this.store = options.store ?? new FifoStore<T>();
    this.jobOf = options.jobOf ?? (() => NO_JOB);
    this.finished.set();
  }

  qsize(): number {
    return this.store.size;
  }

  empty(): boolean {
    return this.store.size === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.store.size >= this.maxsize;
  }

  get unfinishedTasks(): number {
    return this.unfinished;
  }

  /** The items in the order `get()` would return them. */
  snapshot(): T[] {
    return this.store.items();
  }

  /** `await queue.put(item)`: wait while full, then `put_nowait`. */
  *put(item: T, site = 0): Coro<void> {
    while (this.full()) {
      const loop = getRunningLoop();
      const putter = this.newWaiter(loop, this.putters);
      loop.log?.putWait(loop.time(), loop.currentTaskId(), site, this.jobOf(item), this.qsize());
      try {
        yield* awaitFuture(putter);
      } catch (error) {
        this.abandon(putter, this.putters, !this.full());
        throw error;
      } finally {
        this.waiterTasks.delete(putter);
      }
    }
    this.putNowait(item, site);
  }

  putNowait(item: T, site = 0): void {
    if (this.full()) throw new QueueFull();
    this.store.add(item);
    this.unfinished++;
    this.finished.clear();
    const loop = getRunningLoop();
    loop.log?.put(loop.time(), loop.currentTaskId(), site, this.jobOf(item), this.qsize(), this.unfinished);
    this.wakeupNext(this.getters, 'getter', site);
  }

  /** `await queue.get()`: wait while empty, then `get_nowait`. */
  *get(site = 0): Coro<T> {
    while (this.empty()) {
      const loop = getRunningLoop();
      const getter = this.newWaiter(loop, this.getters);
      loop.log?.getWait(loop.time(), loop.currentTaskId(), site, this.qsize());
      try {
        yield* awaitFuture(getter);
      } catch (error) {
        this.abandon(getter, this.getters, !this.empty());
        throw error;
      } finally {
        this.waiterTasks.delete(getter);
      }
    }
    return this.getNowait(site);
  }

  getNowait(site = 0): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this.store.take();
    const loop = getRunningLoop();
    loop.log?.get(loop.time(), loop.currentTaskId(), site, this.jobOf(item), this.qsize());
    this.wakeupNext(this.putters, 'putter', site);
    return item;
  }

  /** `queue.task_done()`: not tied to any item; at 0 it releases `join()`. */
  taskDone(site = 0): void {
    if (this.unfinished <= 0) throw new ValueError('task_done() called too many times');
    this.unfinished--;
    const loop = getRunningLoop();
    loop.log?.taskDoneCall(loop.time(), loop.currentTaskId(), site, this.unfinished);
    if (this.unfinished === 0) this.finished.set();
  }

  /** `await queue.join()`: returns at once when nothing is unfinished. */
  *join(): Coro<void> {
    if (this.unfinished > 0) yield* this.finished.wait();
  }

  private newWaiter(loop: EventLoop, waiters: Deque<Future<null>>): Future<null> {
    const waiter = new Future<null>(loop);
    waiter.description = waiters === this.getters ? 'queue.get()' : 'queue.put()';
    waiters.push(waiter);
    this.waiterTasks.set(waiter, loop.currentTaskId());
    return waiter;
  }

  /** The except-branch of `get()`/`put()`: leave the line, pass an unused wake on. */
  private abandon(waiter: Future<null>, waiters: Deque<Future<null>>, canProceed: boolean): void {
    waiter.cancel();
    waiters.remove(waiter);
    if (canProceed && !waiter.cancelled()) {
      this.wakeupNext(waiters, waiters === this.getters ? 'getter' : 'putter', 0);
    }
  }

  /** `_wakeup_next`: wake the oldest waiter that is not done yet, and only it. */
  private wakeupNext(waiters: Deque<Future<null>>, kind: WaiterKind, site: number): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (waiter.done()) continue;
      waiter.setResult(null);
      const loop = getRunningLoop();
      loop.log?.wake(loop.time(), loop.currentTaskId(), site, this.waiterTasks.get(waiter) ?? -1, kind);
      return;
    }
  }
}

/** `asyncio.Queue`'s deque. */
export class FifoStore<T> implements ItemStore<T> {
  private readonly deque = new Deque<T>();
  get size(): number {
    return this.deque.length;
  }
  add(item: T): void {
    this.deque.push(item);
  }
  take(): T {
    return this.deque.shift() as T;
  }
  items(): T[] {
    return this.deque.toArray();
  }
}
