import { CoroOp, FINISHED_VOID, finished, suspend } from './coro-op';
import type { Future, Yielded } from './future';
import type { Queue } from './queue';

const START = 0;
/** Suspended at `await getter` / `await putter`, inside the try of the while loop. */
const WAITING = 1;
const DONE = 2;

/**
 * `Queue.get()` (queues.py) as a state machine (see CoroOp), equivalent to:
 *
 *     while self.empty():
 *         getter = <new waiter>            # queue.waitToGet(): null when not empty
 *         try: await getter
 *         except: <abandon getter>; raise  # queue.abandonGetter()
 *     return self.get_nowait()
 *
 * Every exit but a suspension finishes it, so `next()` marks it DONE first
 * and only a suspension sets WAITING again.
 */
export class QueueGet<T> extends CoroOp<T> {
  private state = START;
  private waiter: Future<null> | null = null;

  constructor(
    private readonly queue: Queue<T>,
    private readonly site: number,
  ) {
    super();
  }

  next(): IteratorResult<Yielded, T> {
    const state = this.state;
    this.state = DONE;
    if (state === DONE) return finished(undefined as T);
    if (state === WAITING) this.resumed(this.waiter!);
    for (;;) {
      const waiter = this.queue.waitToGet(this.site);
      if (waiter === null) return finished(this.queue.getNowait(this.site));
      if (!waiter.done()) {
        this.waiter = waiter;
        this.state = WAITING;
        return suspend(waiter as Future<unknown>);
      }
      this.resumed(waiter);
    }
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    const state = this.state;
    this.state = DONE;
    if (state === WAITING) this.queue.abandonGetter(this.waiter!);
    throw error;
  }

  /** A generator's return() runs finally blocks only; get() has none. */
  return(value: T): IteratorResult<Yielded, T> {
    this.state = DONE;
    return finished(value);
  }

  /** After `await getter`: its result, or the except branch. */
  private resumed(waiter: Future<null>): void {
    try {
      waiter.result();
    } catch (error) {
      this.queue.abandonGetter(waiter);
      throw error;
    }
  }
}

/** `Queue.put(item)`: the mirror image of QueueGet, with `full()`, the putters and `put_nowait`. */
export class QueuePut<T> extends CoroOp<void> {
  private state = START;
  private waiter: Future<null> | null = null;

  constructor(
    private readonly queue: Queue<T>,
    private readonly item: T,
    private readonly site: number,
  ) {
    super();
  }

  next(): IteratorResult<Yielded, void> {
    const state = this.state;
    this.state = DONE;
    if (state === DONE) return FINISHED_VOID;
    if (state === WAITING) this.resumed(this.waiter!);
    for (;;) {
      const waiter = this.queue.waitToPut(this.item, this.site);
      if (waiter === null) {
        this.queue.putNowait(this.item, this.site);
        return FINISHED_VOID;
      }
      if (!waiter.done()) {
        this.waiter = waiter;
        this.state = WAITING;
        return suspend(waiter as Future<unknown>);
      }
      this.resumed(waiter);
    }
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    const state = this.state;
    this.state = DONE;
    if (state === WAITING) this.queue.abandonPutter(this.waiter!);
    throw error;
  }

  return(value: void): IteratorResult<Yielded, void> {
    this.state = DONE;
    return finished(value);
  }

  private resumed(waiter: Future<null>): void {
    try {
      waiter.result();
    } catch (error) {
      this.queue.abandonPutter(waiter);
      throw error;
    }
  }
}
