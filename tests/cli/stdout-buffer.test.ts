import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StdoutBuffer } from '../../src/cli/stdout-buffer';

/** A stream that keeps a copy of every write and lets go of the bytes at once, as a file does. */
function collector() {
  const writes: Uint8Array[] = [];
  return {
    writes,
    stream: { write: (bytes: Uint8Array) => writes.push(bytes.slice()), writableLength: 0 },
    text: () => Buffer.concat(writes).toString('utf8'),
  };
}

describe('StdoutBuffer', () => {
  it('writes exactly the UTF-8 of what it was given, in order, whatever the lines and their pieces', () => {
    const joinedNumber = fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 99, 100, 999_999, 1_000_000, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, -1, 1.5, Number.NaN));
    const piece = fc.oneof(
      fc.record({ line: fc.string({ unit: 'grapheme', maxLength: 60 }) }),
      fc.record({ head: fc.string({ unit: 'grapheme', maxLength: 30 }), n: joinedNumber, tail: fc.constantFrom('', ' (took 1.5s)', ' \u2014 é', '0') }),
      fc.record({ head: fc.constant('x'.repeat(1 << 20)), n: fc.nat(), tail: fc.constant('') }),
      fc.record({ text: fc.string({ unit: 'binary', maxLength: 40 }) }),
      // Longer than a piece, and sometimes than the whole buffer once encoded.
      fc.record({ line: fc.nat({ max: 400_000 }).map((n) => 'é€x'.repeat(n)) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const out = collector();
        const buffer = new StdoutBuffer(out.stream);
        let expected = '';
        for (const p of pieces) {
          if ('line' in p) {
            buffer.line(p.line);
            expected += `${p.line}\n`;
          } else if ('head' in p) {
            buffer.joined(p.head, p.n, p.tail);
            expected += `${p.head}${p.n}${p.tail}\n`;
          } else {
            buffer.text(p.text);
            expected += p.text;
          }
        }
        buffer.flush();
        expect(Buffer.concat(out.writes).equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('holds lines until a megabyte is filled, then writes large pieces', () => {
    const out = collector();
    const buffer = new StdoutBuffer(out.stream);
    for (let i = 0; i < 200_000; i++) buffer.line(`[Worker-${i % 100}] Processing: process_item_${i} (took 1.5s)`);
    expect(out.writes.length).toBeGreaterThan(5);
    // Every write but the last is close to 1 MiB: a write is not a line or a piece.
    for (const bytes of out.writes) expect(bytes.length).toBeGreaterThan((1 << 20) - 3 * 32 * 1024 - 200);
    buffer.flush();
    expect(out.text().split('\n')).toHaveLength(200_001);
  });

  it.each([
    ['a stream that does not say', {}],
    ['a stream still holding bytes', { writableLength: 1 }],
  ])('never changes bytes it has handed to %s (a full pipe keeps them until it drains)', (_, holding) => {
    const handed: Uint8Array[] = [];
    const copies: Uint8Array[] = [];
    const buffer = new StdoutBuffer({ write: (bytes) => (handed.push(bytes), copies.push(bytes.slice())), ...holding });
    for (let i = 0; i < 100_000; i++) {
      buffer.line(`line ${i} ${'x'.repeat(i % 50)}`);
      buffer.joined('joined ', i, ' tail');
    }
    buffer.flush();
    expect(handed.length).toBeGreaterThan(2);
    handed.forEach((bytes, i) => expect(Buffer.from(bytes).equals(Buffer.from(copies[i]!))).toBe(true));
  });

  it('fills one buffer over and over for a stream that has let go of the bytes', () => {
    const out = collector();
    const handed = new Set<ArrayBufferLike>();
    const buffer = new StdoutBuffer({ write: (bytes) => (handed.add(bytes.buffer), out.stream.write(bytes)), writableLength: 0 });
    for (let i = 0; i < 100_000; i++) {
      buffer.line(`line ${i}`);
      buffer.joined('joined ', i, ' tail');
    }
    buffer.flush();
    expect(out.writes.length).toBeGreaterThan(2);
    expect(handed.size).toBe(1);
    expect(out.text()).toBe(Array.from({ length: 100_000 }, (_, i) => `line ${i}\njoined ${i} tail\n`).join(''));
  });
});
