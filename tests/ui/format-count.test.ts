import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/ui/format-count';

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
