import { Deque } from './deque';
import { QueueEmpty, QueueFull, QueueShutDown, ValueError } from './errors';
import { NO_JOB, type JobId, type WaiterKind } from './events';
import { type Coro, Future } from './future';
import { AsyncEvent } from './locks';
import { type EventLoop, getRunningLoop } from './loop';
import { QueueGet, QueuePut } from './queue-ops';
import { FifoStore, type ItemStore } from './queue-stores';

export interface QueueOptions<T> {
  /** `maxsize`; 0 or less means unbounded, a float such as 1.3 holds 2 items. */
  readonly maxsize?: number;
  /** The job an item stands for, to label events (a sentinel is `SENTINEL`). */
  readonly jobOf?: (item: T) => JobId;
  /** FIFO (asyncio.Queue) unless a LIFO or priority store is given. */
  readonly store?: ItemStore<T>;
  /** Record this queue's events (the lab shows one queue; a dead-letter queue is silent). */
  readonly record?: boolean;
}

/**
 * `asyncio.Queue` (queues.py 3.11, plus 3.13's `shutdown()` as in the oracle's
 * queue313.py): one wake per item (`_wakeup_next`), woken waiters re-check when
 * they run and may lose their place, cancelled waiters hand their wake to the
 * next one. Every state change is also an event; `site` says which line of the
 * exported program made the call.
 */
export class Queue<T> {
  readonly maxsize: number;
  private readonly store: ItemStore<T>;
  private readonly jobOf: (item: T) => JobId;
  private readonly record: boolean;
  private readonly getters = new Deque<Future<null>>();
  private readonly putters = new Deque<Future<null>>();
  private unfinished = 0;
  private readonly finished = new AsyncEvent('queue.join()');
  private isShutdown = false;

  constructor(options: QueueOptions<T> = {}) {
    this.maxsize = options.maxsize ?? 0;
    this.store = options.store ?? new FifoStore<T>();
    this.jobOf = options.jobOf ?? (() => NO_JOB);
    this.record = options.record ?? true;
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

  get shutDown(): boolean {
    return this.isShutdown;
  }

  /** The items in the order `get()` would return them. */
  snapshot(): T[] {
    return this.store.items();
  }

  /** `await queue.put(item)`: wait while full, then `put_nowait` (QueuePut). */
  put(item: T, site = 0): Coro<void> {
    return new QueuePut(this, item, site);
  }

  /**
   * One turn of put()'s `while self.full():` up to its `await putter`:
   * null when there is room; raises QueueShutDown on a shut-down queue.
   */
  waitToPut(item: T, site: number): Future<null> | null {
    if (!this.full()) return null;
    if (this.isShutdown) this.refuse('putter', site);
    const loop = getRunningLoop();
    const putter = this.newWaiter(loop, this.putters, 'queue.put()');
    this.log(loop)?.putWait(loop.currentTaskId(), site, this.jobOf(item), this.qsize());
    loop.suspendedAt(site);
    return putter;
  }

  /** put()'s except branch, for a putter that was cancelled or thrown into. */
  abandonPutter(putter: Future<null>): void {
    this.abandon(putter, this.putters, !this.full());
  }

  putNowait(item: T, site = 0): void {
    if (this.isShutdown) this.refuse('putter', site);
    if (this.full()) throw new QueueFull();
    this.store.add(item);
    this.unfinished++;
    this.finished.clear();
    const loop = getRunningLoop();
    const log = this.log(loop);
    log?.put(loop.currentTaskId(), site, this.jobOf(item), this.store.positionOf(item), this.unfinished);
    this.wakeupNext(this.getters, 'getter', site);
  }

  /** `await queue.get()`: wait while empty, then `get_nowait` (QueueGet). */
  get(site = 0): Coro<T> {
    return new QueueGet(this, site);
  }

  /** One turn of get()'s `while self.empty():` up to its `await getter`: null when an item is there. */
  waitToGet(site: number): Future<null> | null {
    if (!this.empty()) return null;
    if (this.isShutdown) this.refuse('getter', site);
    const loop = getRunningLoop();
    const getter = this.newWaiter(loop, this.getters, 'queue.get()');
    this.log(loop)?.getWait(loop.currentTaskId(), site, this.qsize());
    loop.suspendedAt(site);
    return getter;
  }

  /** get()'s except branch. */
  abandonGetter(getter: Future<null>): void {
    this.abandon(getter, this.getters, !this.empty());
  }

  getNowait(site = 0): T {
    if (this.empty()) {
      if (this.isShutdown) this.refuse('getter', site);
      throw new QueueEmpty();
    }
    const item = this.store.take();
    const loop = getRunningLoop();
    this.log(loop)?.get(loop.currentTaskId(), site, this.jobOf(item), this.qsize());
    this.wakeupNext(this.putters, 'putter', site);
    return item;
  }

  /** `queue.task_done()`: not tied to any item; at 0 it releases `join()`. */
  taskDone(site = 0): void {
    if (this.unfinished <= 0) throw new ValueError('task_done() called too many times');
    this.unfinished--;
    const loop = getRunningLoop();
    this.log(loop)?.taskDoneCall(loop.currentTaskId(), site, this.unfinished);
    if (this.unfinished === 0) this.releaseJoiners(loop, site);
  }

  /** `await queue.join()`: returns at once when nothing is unfinished. */
  *join(site = 0): Coro<void> {
    if (this.unfinished <= 0) return;
    const loop = getRunningLoop();
    this.log(loop)?.joinWait(loop.currentTaskId(), site, this.unfinished);
    loop.suspendedAt(site);
    yield* this.finished.wait();
  }

  /**
   * 3.13's `shutdown(immediate)`: put() refuses from now on, get() once the
   * queue is empty; immediate drops the queued items (each counted as done).
   * Every blocked getter, then every putter, is woken to re-check.
   */
  shutdown(immediate = false, site = 0): void {
    const loop = getRunningLoop();
    const log = this.log(loop);
    const task = loop.currentTaskId();
    this.isShutdown = true;
    let dropped = 0;
    if (immediate) {
      while (!this.empty()) {
        const item = this.store.take();
        if (this.unfinished > 0) this.unfinished--;
        dropped++;
        log?.drop(task, site, this.jobOf(item), this.unfinished);
      }
    }
    log?.shutdown(task, site, immediate, dropped);
    if (immediate && this.unfinished === 0) this.releaseJoiners(loop, site);
    for (const [waiters, kind] of [
      [this.getters, 'getter'],
      [this.putters, 'putter'],
    ] as const) {
      while (waiters.length > 0) {
        const waiter = waiters.shift()!;
        if (waiter.done()) continue;
        waiter.setResult(null);
        log?.wake(task, site, waiter.waiterTask, kind);
      }
    }
  }

  private log(loop: EventLoop) {
    return this.record ? loop.log : null;
  }

  private refuse(kind: WaiterKind, site: number): never {
    const loop = getRunningLoop();
    this.log(loop)?.refused(loop.currentTaskId(), site, kind);
    throw new QueueShutDown();
  }

  private releaseJoiners(loop: EventLoop, site: number): void {
    for (const target of this.finished.set()) this.log(loop)?.joinRelease(loop.currentTaskId(), site, target);
  }

  private newWaiter(loop: EventLoop, waiters: Deque<Future<null>>, description: string): Future<null> {
    const waiter = new Future<null>(loop);
    waiter.description = description;
    waiters.push(waiter);
    waiter.waiterTask = loop.currentTaskId();
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
      this.log(loop)?.wake(loop.currentTaskId(), site, waiter.waiterTask, kind);
      return;
    }
  }
}
