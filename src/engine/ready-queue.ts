import { emptySlots } from './deque';

/** A loop callback and the one argument it is called with. */
export type Callback = (arg: never) => void;

/**
 * The loop's `_ready` deque of handles, without the handles: CPython allocates
 * an `events.Handle` per `call_soon`, the engine stores the (callback, arg)
 * pair in a ring buffer instead. Nothing is lost: the engine never cancels a
 * `call_soon` handle, and a due timer goes in as (runTimer, its heap slot), so
 * its cancelled flag is still checked when it runs, as `_run_once` does.
 */
export class ReadyQueue {
  /** callback, arg, callback, arg, ... ; a power-of-two number of pairs. */
  private slots: unknown[] = emptySlots<unknown>(64);
  private mask = 31;
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(callback: Callback, arg: unknown): void {
    if (this.size > this.mask) this.grow();
    const at = ((this.head + this.size) & this.mask) << 1;
    this.slots[at] = callback;
    this.slots[at + 1] = arg;
    this.size++;
  }

  /** Take the oldest pair off the front and call it. */
  runFirst(): void {
    const slots = this.slots;
    const at = this.head << 1;
    const callback = slots[at] as (arg: unknown) => void;
    const arg = slots[at + 1];
    slots[at] = undefined;
    slots[at + 1] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    callback(arg);
  }

  private grow(): void {
    const pairs = this.mask + 1;
    const slots = emptySlots<unknown>(pairs * 4);
    for (let i = 0; i < this.size; i++) {
      const from = ((this.head + i) & this.mask) << 1;
      slots[i << 1] = this.slots[from];
      slots[(i << 1) + 1] = this.slots[from + 1];
    }
    this.slots = slots;
    this.mask = pairs * 2 - 1;
    this.head = 0;
  }
}
