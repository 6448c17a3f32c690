import { doubled } from './typed-arrays';
/**
 * The loop's `_scheduled` heap. CPython orders TimerHandles by `when` alone and
 * leaves exact ties in heap order; the lab and the oracle both break ties by
 * scheduling order, so the key is `(when, seq)` (asyncio-semantics.md §1).
 *
 * Why it holds numbers only: a timer (a sleep, once per job) is short-lived
 * and the heap is long-lived, and every store of a young object into an old
 * array runs V8's write barrier slow path and adds a slot for the next
 * scavenge to visit. So each timer is stored once, in a slot of `items`, and
 * the heap orders `(when, seq, slot)` triples kept in typed arrays: sifting
 * moves plain numbers. A popped timer keeps its slot until `take(slot)`, so
 * the loop can queue the slot number (a small int) as a due timer instead of
 * the timer itself. `(when, seq)` keys are unique, so any heap pops them in
 * the same order as heapq's.
 */
export class TimerHeap<T> {
  /** slot -> timer; a slot is free once taken. */
  private readonly items: (T | undefined)[] = [];
  /** Free slots, a stack. */
  private free = new Int32Array(64);
  private freeCount = 0;
  private size = 0;
  private whens = new Float64Array(64);
  private seqs = new Float64Array(64);
  private slots = new Int32Array(64);

  get length(): number {
    return this.size;
  }

  peek(): T | undefined {
    return this.size === 0 ? undefined : this.items[this.slots[0]!];
  }

  /** The head's `when`, read from the key array: no load of the handle and its boxed double. */
  peekWhen(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.whens[0]!;
  }

  /** Add `item` due at `when`, `seq` breaking ties; the keys live here only, not on the item. */
  push(item: T, when: number, seq: number): void {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else {
      slot = this.items.length;
      this.items.push(undefined);
    }
    this.items[slot] = item;
    const at = this.size++;
    if (at === this.whens.length) this.grow();
    this.siftUp(at, when, seq, slot);
  }

  /** Remove the earliest timer and return it. */
  pop(): T | undefined {
    return this.size === 0 ? undefined : this.take(this.popSlot());
  }

  /**
   * Remove the earliest timer from the order (the heap must not be empty) and
   * return its slot: the timer stays there until `take(slot)`.
   */
  popSlot(): number {
    const whens = this.whens;
    const seqs = this.seqs;
    const slots = this.slots;
    const top = slots[0]!;
    const size = --this.size;
    if (size === 0) return top;
    // heapq._siftup: move the hole at the root down along the earlier child to
    // a leaf, then sift the last entry up into it. Which child is earlier is
    // as good as random, so it is chosen by arithmetic, not by a branch the
    // CPU would mispredict half the time (a quarter of the heap's cost at 100 timers).
    let at = 0;
    let child = 1;
    while (child + 1 < size) {
      const w = whens[child]!;
      const wRight = whens[child + 1]!;
      child += bit(wRight < w) | (bit(wRight === w) & bit(seqs[child + 1]! < seqs[child]!));
      whens[at] = whens[child]!;
      seqs[at] = seqs[child]!;
      slots[at] = slots[child]!;
      at = child;
      child = 2 * at + 1;
    }
    if (child < size) {
      whens[at] = whens[child]!;
      seqs[at] = seqs[child]!;
      slots[at] = slots[child]!;
      at = child;
    }
    this.siftUp(at, whens[size]!, seqs[size]!, slots[size]!);
    return top;
  }

  /** The timer in `slot` (from popSlot), freeing the slot. */
  take(slot: number): T {
    const item = this.items[slot]!;
    this.items[slot] = undefined;
    if (this.freeCount === this.free.length) this.free = doubled(this.free);
    this.free[this.freeCount++] = slot;
    return item;
  }

  /** heapq._siftdown: move the entry for position `at` up past later parents. */
  private siftUp(at: number, when: number, seq: number, slot: number): void {
    const whens = this.whens;
    const seqs = this.seqs;
    const slots = this.slots;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const pw = whens[parent]!;
      if (!(when < pw || (when === pw && seq < seqs[parent]!))) break;
      whens[at] = pw;
      seqs[at] = seqs[parent]!;
      slots[at] = slots[parent]!;
      at = parent;
    }
    whens[at] = when;
    seqs[at] = seq;
    slots[at] = slot;
  }

  private grow(): void {
    this.whens = doubled(this.whens);
    this.seqs = doubled(this.seqs);
    this.slots = doubled(this.slots);
  }
}

/**
 * A comparison for index arithmetic, with no branch (V8 keeps it a flag). It
 * returns the boolean itself, typed as a number: only use it as an operand of
 * `|` or `&`, which turn true and false into 1 and 0.
 */
function bit(condition: boolean): number {
  return condition as unknown as number;
}
