import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatRepr, formatFixed, pyRound } from '../../../src/engine/python/format';
import { pythonJson } from '../../support/oracle';

const PYTHON = `
import json, struct, sys
def f(bits): return struct.unpack('<d', bytes.fromhex(bits))[0]
cases = json.load(sys.stdin)
print(json.dumps([[format(f(c["bits"]), "." + str(c["digits"]) + "f"), repr(round(f(c["bits"]), c["digits"])), repr(f(c["bits"]))] for c in cases]))
`;

/** Pass doubles to Python as their exact bits, so no decimal text rounds them on the way. */
function bitsOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x, true);
  return Array.from(new Uint8Array(view.buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

const EDGES = [
  0, -0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.5, 0.75, 1.25, 2.5, 3.5, 7.25, 0.125, 0.375, 2.675, 1.005, 1e-7, 5e-324, 2.2250738585072014e-308,
  1e15, 1e16, 1e21, 1e22, 123456789.125, 9007199254740994, 1.7976931348623157e308, 0.1 + 0.2, 0.8 + 0.9, 1.7, -7.25, -0.04, -2.5, 1e-5, 0.0001, 99.95, 9.95,
];

describe('Python float formatting', () => {
  it('matches format(x, ".Nf"), round(x, N) and repr(x) on ties, edges and random doubles', async () => {
    const randomDoubles = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 300);
    const quarterTies = Array.from({ length: 200 }, (_, i) => (i * 0.125) / (i % 3 === 0 ? 1 : 8));
    // What the plan rounds: uniform draws over a few seconds, and doubles a few ulps from a tie (x.x5), where the fast path must step aside.
    const draws = fc.sample(fc.double({ min: -50, max: 50, noNaN: true }), 300);
    const nearTies = Array.from({ length: 120 }, (_, i) => {
      const tie = (2 * (i % 40) + 1) / 20;
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, tie);
      view.setBigUint64(0, view.getBigUint64(0) + BigInt((i % 3) - 1) * BigInt(1 + (i % 5)));
      return view.getFloat64(0);
    });
    const values = [...EDGES, ...quarterTies, ...randomDoubles, ...draws, ...nearTies, ...EDGES];
    const cases = values.flatMap((x) => [0, 1, 2, 3].map((digits) => ({ bits: bitsOf(x), digits, x })));
    const expected = await pythonJson<[string, string, string][]>(PYTHON, cases.map(({ bits, digits }) => ({ bits, digits })));
    const actual = cases.map(({ x, digits }) => [formatFixed(x, digits), floatRepr(pyRound(x, digits)), floatRepr(x)]);
    expect(actual).toEqual(expected);
  });

  it('spells non-finite values as Python does', () => {
    expect([formatFixed(Number.NaN, 1), formatFixed(Number.POSITIVE_INFINITY, 1), formatFixed(Number.NEGATIVE_INFINITY, 2)]).toEqual(['nan', 'inf', '-inf']);
    expect([floatRepr(Number.NaN), floatRepr(Number.POSITIVE_INFINITY)]).toEqual(['nan', 'inf']);
  });
});
