import { Deque } from './deque';

/** Where a queue keeps its items (`_init/_put/_get/_qsize` of queues.py). */
export interface ItemStore<T> {
  readonly size: number;
  add(item: T): void;
  take(): T;
  /** The items in the order `get()` would return them. */
  items(): T[];
  /** Where a stored item stands in get() order (0 = next out). */
  positionOf(item: T): number;
}

/** `asyncio.Queue`: a deque, first in first out. */
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
  positionOf(): number {
    return this.deque.length - 1;
  }
}

/** `asyncio.LifoQueue`: a list used as a stack. */
export class LifoStore<T> implements ItemStore<T> {
  private readonly stack: T[] = [];
  get size(): number {
    return this.stack.length;
  }
  add(item: T): void {
    this.stack.push(item);
  }
  take(): T {
    return this.stack.pop() as T;
  }
  items(): T[] {
    return this.stack.toReversed();
  }
  positionOf(): number {
    return 0;
  }
}

/**
 * `asyncio.PriorityQueue`: `heapq.heappush`/`heappop` on a list, lowest first.
 * `compare` must order items as Python compares them (tuples field by field);
 * the sift loops are heapq's own (`_siftdown`, `_siftup`), so even items that
 * compare equal come out in the order CPython's heap gives them.
 */
export class PriorityStore<T> implements ItemStore<T> {
  private readonly heap: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}
  get size(): number {
    return this.heap.length;
  }
  add(item: T): void {
    this.heap.push(item);
    this.siftDown(0, this.heap.length - 1);
  }
  take(): T {
    const last = this.heap.pop() as T;
    if (this.heap.length === 0) return last;
    const top = this.heap[0] as T;
    this.heap[0] = last;
    this.siftUp(0);
    return top;
  }
  items(): T[] {
    return this.heap.toSorted(this.compare);
  }
  /** Items that compare lower come out first (O(n): only the recording lab asks). */
  positionOf(item: T): number {
    let before = 0;
    for (const other of this.heap) if (other !== item && this.compare(other, item) < 0) before++;
    return before;
  }

  /** heapq._siftdown: move the item at `pos` up towards `start`. */
  private siftDown(start: number, pos: number): void {
    const heap = this.heap;
    const item = heap[pos] as T;
    while (pos > start) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos] as T;
      if (this.compare(item, parent) < 0) {
        heap[pos] = parent;
        pos = parentPos;
        continue;
      }
      break;
    }
    heap[pos] = item;
  }

  /** heapq._siftup: bubble the smaller child up to a leaf, then sift the item down. */
  private siftUp(pos: number): void {
    const heap = this.heap;
    const end = heap.length;
    const start = pos;
    const item = heap[pos] as T;
    let child = 2 * pos + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !(this.compare(heap[child] as T, heap[right] as T) < 0)) child = right;
      heap[pos] = heap[child] as T;
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    this.siftDown(start, pos);
  }
}
