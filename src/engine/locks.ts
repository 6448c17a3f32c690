import { type Coro, Future, awaitFuture } from './future';
import { getRunningLoop } from './loop';

/** `asyncio.Event` (locks.Event): what `Queue.join()` waits on. */
export class AsyncEvent {
  private value = false;

  constructor(private readonly description = 'Event.wait()') {}

  private readonly waiters: Future<boolean>[] = [];

  isSet(): boolean {
    return this.value;
  }

  /** Wake every waiter (each resumes next iteration, in the order it waited). */
  set(): void {
    if (this.value) return;
    this.value = true;
    for (const waiter of this.waiters) if (!waiter.done()) waiter.setResult(true);
  }

  clear(): void {
    this.value = false;
  }

  /** How many tasks wait in `wait()`. */
  get waiting(): number {
    return this.waiters.length;
  }

  *wait(): Coro<boolean> {
    if (this.value) return true;
    const waiter = new Future<boolean>(getRunningLoop());
    waiter.description = this.description;
    this.waiters.push(waiter);
    try {
      yield* awaitFuture(waiter);
      return true;
    } finally {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
    }
  }
}
