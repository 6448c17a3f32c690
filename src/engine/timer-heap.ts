/**
 * The loop's `_scheduled` heap. CPython orders TimerHandles by `when` alone and
 * leaves exact ties in heap order; the lab and the oracle both break ties by
 * scheduling order, so the key is `(when, seq)` (asyncio-semantics.md §1).
 *
 * The keys are given to `push` and kept only in typed arrays beside the
 * items, so sifting compares numbers in two flat arrays instead of loading
 * `when` from each handle, and a timer needs no boxed `when` of its own; the
 * items array keeps its length (a `size` field counts), so a pop followed by
 * a push, the loop's steady state, never resizes it. It is a 4-ary heap
 * (half the depth of heapq's binary one): `(when, seq)` keys are unique, so
 * any heap pops them in the same order.
 */
export class TimerHeap<T> {
  private readonly items: (T | undefined)[] = [];
  private size = 0;
  private whens = new Float64Array(64);
  private seqs = new Float64Array(64);

  get length(): number {
    return this.size;
  }

  peek(): T | undefined {
    return this.size === 0 ? undefined : this.items[0];
  }

  /** The head's `when`, read from the key array: no load of the handle and its boxed double. */
  peekWhen(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.whens[0]!;
  }

  /** Add `item` due at `when`, `seq` breaking ties; the keys live here only, not on the item. */
  push(item: T, when: number, seq: number): void {
    const items = this.items;
    let at = this.size++;
    if (at === this.whens.length) this.grow();
    const whens = this.whens;
    const seqs = this.seqs;
    if (at === items.length) items.push(item);
    while (at > 0) {
      const parent = (at - 1) >> 2;
      const pw = whens[parent]!;
      if (!(when < pw || (when === pw && seq < seqs[parent]!))) break;
      items[at] = items[parent]!;
      whens[at] = pw;
      seqs[at] = seqs[parent]!;
      at = parent;
    }
    items[at] = item;
    whens[at] = when;
    seqs[at] = seq;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const items = this.items;
    const top = items[0];
    const size = --this.size;
    const last = items[size]!;
    items[size] = undefined;
    if (size === 0) return top;
    const whens = this.whens;
    const seqs = this.seqs;
    const when = whens[size]!;
    const seq = seqs[size]!;
    let at = 0;
    for (;;) {
      const first = 4 * at + 1;
      if (first >= size) break;
      // The earliest of up to four children.
      let child = first;
      let cw = whens[first]!;
      const end = Math.min(first + 4, size);
      for (let c = first + 1; c < end; c++) {
        const w = whens[c]!;
        if (w < cw || (w === cw && seqs[c]! < seqs[child]!)) {
          child = c;
          cw = w;
        }
      }
      if (!(cw < when || (cw === when && seqs[child]! < seq))) break;
      items[at] = items[child]!;
      whens[at] = cw;
      seqs[at] = seqs[child]!;
      at = child;
    }
    items[at] = last;
    whens[at] = when;
    seqs[at] = seq;
    return top;
  }

  private grow(): void {
    const whens = new Float64Array(this.whens.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    whens.set(this.whens);
    seqs.set(this.seqs);
    this.whens = whens;
    this.seqs = seqs;
  }
}
