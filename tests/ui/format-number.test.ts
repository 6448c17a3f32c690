import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAxisNumber, formatCompact, formatCount } from '../../src/ui/format-number';

describe('formatCount', () => {
  it("writes any safe integer as toLocaleString('en') does (Node's ICU as the reference)", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatCount(n) === n.toLocaleString('en')));
    fc.assert(fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (n) => formatCount(n) === n.toLocaleString('en')));
  });

  it('groups at each length, and hands anything else to toLocaleString', () => {
    expect([0, 7, 42, 999, 1000, 20_000, 100_000, 1_000_000, -1234].map(formatCount)).toEqual(['0', '7', '42', '999', '1,000', '20,000', '100,000', '1,000,000', '-1,234']);
    expect([1.5, Number.NaN, Number.POSITIVE_INFINITY].map(formatCount)).toEqual([(1.5).toLocaleString('en'), 'NaN', '∞']);
  });
});

describe('formatCompact', () => {
  const intl = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

  it('writes 10,000 and up as Intl compact notation does, at three significant digits (Node\'s ICU as the reference)', () => {
    fc.assert(fc.property(fc.integer({ min: 10_000, max: Number.MAX_SAFE_INTEGER }), (n) => formatCompact(n) === intl.format(n)));
    // Times as the lab shows them: tenths of a second.
    fc.assert(fc.property(fc.integer({ min: 100_000, max: 1e12 }), (tenths) => formatCompact(tenths / 10) === intl.format(tenths / 10)));
  });

  it('rounds into the next unit, and keeps one decimal below 10,000', () => {
    expect([10_000, 99_949, 99_950, 999_950, 1_250_054.2, 1_255_000, 1e9, 2.5e12].map(formatCompact)).toEqual(['10K', '99.9K', '100K', '1M', '1.25M', '1.26M', '1B', '2.5T']);
    expect([0, 4.25, 9999.9, 416.7].map(formatCompact)).toEqual(['0.0', '4.3', '9999.9', '416.7']);
  });
});

describe('formatAxisNumber', () => {
  it('groups whole numbers and leaves fractions as they are', () => {
    expect([0, 10, 50_000, 250_000, 0.5, 2.5, 1e-7].map(formatAxisNumber)).toEqual(['0', '10', '50,000', '250,000', '0.5', '2.5', '1e-7']);
  });
});
