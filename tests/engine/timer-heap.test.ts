import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap } from '../../src/engine/timer-heap';

interface Entry {
  readonly when: number;
  readonly seq: number;
}

describe('TimerHeap', () => {
  it('pops in (when, seq) order whatever the pushes and pops in between', () => {
    // Few distinct whens, so ties (broken by seq) are common.
    const op = fc.oneof(fc.constantFrom(0, 0.5, 1, 1.7000000000000002, 1.7, 3), fc.constant('pop' as const));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new TimerHeap<Entry>();
        const model: Entry[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o === 'pop') {
            model.sort((a, b) => a.when - b.when || a.seq - b.seq);
            expect(heap.pop()).toBe(model.shift());
          } else {
            const entry = { when: o, seq: seq++ };
            heap.push(entry, entry.when, entry.seq);
            model.push(entry);
          }
          expect(heap.length).toBe(model.length);
        }
        const rest: Entry[] = [];
        while (heap.length > 0) rest.push(heap.pop()!);
        expect(rest).toEqual(model.toSorted((a, b) => a.when - b.when || a.seq - b.seq));
        expect(heap.peek()).toBeUndefined();
        expect(heap.pop()).toBeUndefined();
      }),
    );
  });

  it('keeps a popped timer in its slot until taken, while pushes reuse freed slots', () => {
    const op = fc.oneof(fc.constantFrom(0, 0.5, 1, 1.7), fc.constant('pop' as const), fc.constant('take' as const));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new TimerHeap<Entry>();
        const model: Entry[] = [];
        // Popped slots not taken yet, oldest first, with the entry each must hold.
        const popped: [number, Entry][] = [];
        let seq = 0;
        for (const o of ops) {
          if (o === 'pop') {
            if (model.length === 0) continue;
            model.sort((a, b) => a.when - b.when || a.seq - b.seq);
            popped.push([heap.popSlot(), model.shift()!]);
          } else if (o === 'take') {
            const next = popped.shift();
            if (next !== undefined) expect(heap.take(next[0])).toBe(next[1]);
          } else {
            const entry = { when: o, seq: seq++ };
            heap.push(entry, entry.when, entry.seq);
            model.push(entry);
          }
          expect(heap.length).toBe(model.length);
        }
        for (const [slot, entry] of popped) expect(heap.take(slot)).toBe(entry);
      }),
    );
  });
});
