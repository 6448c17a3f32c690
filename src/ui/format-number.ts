/**
 * A whole number with thousands separators, as `n.toLocaleString('en')`
 * writes it: `1,000,000`. Not toLocaleString itself: its first call in a page
 * loads ICU's number formatter, 31-52 ms of a cold page's first render in
 * Chromium here (scratch measure), all of it to put commas in a job count.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** An axis number: a whole one grouped by thousands (250,000), any other as String writes it (2.5). */
export function formatAxisNumber(x: number): string {
  return Number.isSafeInteger(x) ? formatCount(x) : String(x);
}

/** Powers of a thousand, largest first, as English compact notation names them. */
const COMPACT_UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A chart label: below 10,000 with one decimal (`1234.5`); from there on at
 * three significant digits, as
 * `Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 })`
 * writes it (`12.3K`, `1.25M`), so a million-job run's 1,250,054.2 s fits
 * beside the axis. Not Intl itself, for formatCount's reason: the chart draws
 * while the page is young.
 */
export function formatCompact(x: number): string {
  if (!(x >= 10_000 && x < 1e21)) return x.toFixed(1);
  let exponent = Math.floor(Math.log10(x));
  // Three digits, rounded half up as Intl rounds; Math.log10 may land one off near a power of ten, and 999.5 rounds to 1000.
  let digits = Math.round(x / 10 ** (exponent - 2));
  if (digits < 100) digits = Math.round(x / 10 ** (--exponent - 2));
  if (digits >= 1000) digits = Math.round(x / 10 ** (++exponent - 2));
  const [size, name] = COMPACT_UNITS.find(([unit]) => 10 ** exponent >= unit)!;
  // The three digits are exact in decimal, so the division's nearest double prints as them; past 9999T, a whole number, grouped (as Intl groups compact numbers: from five digits).
  const amount = (digits * 10 ** (exponent - 2)) / size;
  return `${amount >= 10_000 ? formatCount(amount) : amount}${name}`;
}
