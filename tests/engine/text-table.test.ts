import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextTable } from '../../src/engine/text-table';

/** Strings of every kind the table treats differently: empty, ASCII, Latin-1, wider than a byte, astral, and longer than 65,535 characters. */
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', 'a'.repeat(65_535), 'b'.repeat(65_536), `${'c'.repeat(70_000)}é`, '\u0100', 'x\uffffy', '\ud83d\ude00'),
  // Digits every way a shape treats them: runs with leading zeros, all zeros, longer than a slot holds, beside the slot character.
  fc.string({ unit: fc.constantFrom('0', '1', '7', '9', 'a', '.', ' ', '\u0000', 'é'), maxLength: 30 }),
  fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.bigInt({ min: 0n, max: 10n ** 20n })).map(([n, zeros, big]) => `[Worker-${n}] took ${'0'.repeat(zeros)}${n}.${big}s`),
);

/** Letters spelled from a number: strings of a shape of their own each. */
const word = (i: number): string => [...i.toString(26)].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join('');

function tableOf(texts: readonly string[]): TextTable {
  const table = new TextTable();
  const indexes = texts.map((text) => table.push(text));
  expect(indexes.every((index, i) => index === i)).toBe(true);
  return table;
}

/** Pieces a line is joined from: digits at either end, leading zeros, text that cannot be a shape (a NUL, above U+00FF). */
const piece = fc.oneof(fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', ' ', '[', '\u0000', 'é', '\u2014'), maxLength: 12 }), fc.constantFrom('', '[Worker-3] Processing: process_item_', ' (took 1.5s)', '0', '07', 'x'.repeat(70_000)));
const joinedNumber = fc.oneof(fc.nat({ max: 2_000_000 }), fc.constantFrom(0, 999_999_999, 1_000_000_000, -1, 1.5, 2 ** 40));

describe('TextTable', () => {
  it('pushJoined gives back head + n + tail, as push does, whatever the pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, joinedNumber, piece, fc.boolean()), { maxLength: 40 }), (calls) => {
        const table = new TextTable();
        const texts = calls.map(([head, n, tail, joined]) => {
          const text = `${head}${n}${tail}`;
          expect(joined ? table.pushJoined(head, n, tail) : table.push(text)).toBe(table.length - 1);
          return text;
        });
        expect(table.slice()).toEqual(texts);
        const copy = TextTable.fromData(table.toData());
        expect(copy.slice()).toEqual(texts);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back a string holding a NUL and a character above U+00FF (fast-check found it stored as Latin-1 bytes)', () => {
    const texts = ['\u0000\u0100', 'a\u0000b 12 \u20ac', '\u0000 7'];
    expect(tableOf(texts).slice()).toEqual(texts);
  });

  it('gives back every string it was given, by index and by slice, as an array would', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 60 }), fc.integer({ min: -70, max: 70 }), fc.integer({ min: -70, max: 70 }), (texts, start, end) => {
        const table = tableOf(texts);
        expect(table.length).toBe(texts.length);
        expect(table.slice()).toEqual(texts);
        expect(table.slice(start, end)).toEqual(texts.slice(start, end));
        expect(table.slice(start)).toEqual(texts.slice(start));
        for (const i of [-1, -texts.length, -texts.length - 1, texts.length, 0.5, -0.5, 1.9, Number.NaN]) expect(table.at(i)).toBe(texts.at(i));
      }),
      { numRuns: 200 },
    );
  });

  it('fills chunk after chunk of 1 MiB without a string straddling two, and stays near a byte a character', () => {
    // 7-character lines: 1 MiB is not a multiple of 7, so lines meet the chunk ends at every offset.
    const texts = Array.from({ length: 400_000 }, (_, i) => `L${String(i).padStart(6, '0')}`);
    const table = tableOf(texts);
    for (const i of [0, 1, 149_795, 149_796, 149_797, 299_592, 299_593, 399_999]) expect(table.at(i)).toBe(texts[i]);
    expect(table.slice(149_790, 149_800)).toEqual(texts.slice(149_790, 149_800));
    // 7 bytes a line, 6 for its place and size (growth by doubling leaves up to as much again), one chunk of slack.
    expect(table.byteSize() / texts.length).toBeLessThan(7 + 2 * 6 + (1 << 20) / texts.length);
  });

  it("keeps a program's lines as shapes and numbers: a few bytes a line, and each comes back exactly", () => {
    const texts = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? `[Producer] Added job: process_item_${i}` : `[Worker-${i % 97}] Processing: process_item_${i} (took ${(i % 50) / 10}s)`));
    const table = tableOf(texts);
    for (const i of [0, 1, 2, 99_999, 100_000, 199_999]) expect(table.at(i)).toBe(texts[i]);
    expect(table.slice(150_000, 150_020)).toEqual(texts.slice(150_000, 150_020));
    // 4 bytes of place, a shape number and three numbers (the job takes 3 bytes), against about 45 characters a line.
    expect(table.byteSize() / texts.length).toBeLessThan(4 * 2 + 8 + (1 << 20) / texts.length);
  });

  it('stores strings of shapes past the most it keeps as bytes, and gives them all back', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => `${word(i)} ${i}`);
    const table = tableOf(texts);
    expect(table.slice()).toEqual(texts);
  });

  it('reads back the same strings on another thread: toData survives a structured clone with its buffers transferred', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 40 }), (texts) => {
        const data = tableOf(texts).toData();
        const copy = TextTable.fromData(structuredClone(data, { transfer: TextTable.buffersOf(data) as ArrayBuffer[] }));
        expect(copy.slice()).toEqual(texts);
        // A table read back can still grow, without overwriting what it holds.
        copy.push('after');
        expect(copy.slice()).toEqual([...texts, 'after']);
      }),
      { numRuns: 100 },
    );
  });
});
