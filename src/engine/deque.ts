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

  private grow(): void {
    const items = this.toArray();
    this.buffer = emptySlots<T>(this.buffer.length * 2);
    for (let i = 0; i < items.length; i++) this.buffer[i] = items[i];
    this.head = 0;
  }
}

function emptySlots<T>(size: number): (T | undefined)[] {
  return Array.from<T | undefined>({ length: size });
}
