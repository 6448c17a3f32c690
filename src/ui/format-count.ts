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
