/**
 * A growable ring buffer: O(1) push at the back and shift at the front, the two
 * operations of CPython's `collections.deque` that the loop's ready queue and the
 * queue's waiter lists use.
 */
export class Deque<T> {
  private buffer: (T | undefined)[] = emptySlots<T>(16);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.buffer.length) this.grow();
    this.buffer[(this.head + this.size) & (this.buffer.length - 1)] = item;
    this.size++;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.buffer[this.head];
    this.buffer[this.head] = undefined;
    this.head = (this.head + 1) & (this.buffer.length - 1);
    this.size--;
    return item;
  }

  /** Remove the first occurrence of `item`, as `deque.remove`; false when absent. */
  remove(item: T): boolean {
    const items = this.toArray();
    const at = items.indexOf(item);
    if (at < 0) return false;
    items.splice(at, 1);
    this.clear();
    for (const kept of items) this.push(kept);
    return true;
  }

  clear(): void {
    this.buffer = emptySlots<T>(16);
    this.head = 0;
    this.size = 0;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.buffer[(this.head + i) & (this.buffer.length - 1)] as T);
    return out;
  }

  /** Double the ring, copying the items to its start in order (no intermediate array). */
  private grow(): void {
    const old = this.buffer;
    const mask = old.length - 1;
    const fresh = emptySlots<T>(old.length * 2);
    for (let i = 0; i < this.size; i++) fresh[i] = old[(this.head + i) & mask];
    this.buffer = fresh;
    this.head = 0;
  }
}

/**
 * A pre-sized (holey) array: what a ring buffer wants. `Array.from({ length })`
 * takes the generic iterable path, and pushing grows through copies that the
 * young-generation GC then copies again; for a queue holding a million items
 * both cost more than the run itself.
 */
export function emptySlots<T>(size: number): (T | undefined)[] {
  // oxlint-disable-next-line unicorn/no-new-array -- a length, on purpose (see above)
  return new Array<T | undefined>(size);
}
