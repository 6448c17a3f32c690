import { type Coro, Future } from './future';
import { getRunningLoop } from './loop';

/** `asyncio.Event` (locks.Event): what `Queue.join()` waits on. */
export class AsyncEvent {
  private value = false;
  private readonly waiters: Future<boolean>[] = [];

  constructor(private readonly description = 'Event.wait()') {}

  isSet(): boolean {
    return this.value;
  }

  /** Wake every waiter (each resumes next iteration, in the order it waited); returns their task ids. */
  set(): number[] {
    if (this.value) return [];
    this.value = true;
    const woken: number[] = [];
    for (const waiter of this.waiters) {
      if (waiter.done()) continue;
      waiter.setResult(true);
      woken.push(waiter.waiterTask);
    }
    return woken;
  }

  clear(): void {
    this.value = false;
  }

  *wait(): Coro<boolean> {
    if (this.value) return true;
    const loop = getRunningLoop();
    const waiter = new Future<boolean>(loop);
    waiter.description = this.description;
    this.waiters.push(waiter);
    waiter.waiterTask = loop.currentTaskId();
    try {
      // `await fut` (Future.__await__) written out: no generator per wait.
      if (!waiter.done()) yield waiter as Future<unknown>;
      waiter.result();
      return true;
    } finally {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
    }
  }
}
