/**
 * Python's `int(text)` and `float(text)` for command-line and URL values, so
 * `--maxsize 1_000` means what argparse would make of it and `--maxsize 2.5`
 * is refused the same way. Non-finite floats are refused here: a lab run with
 * an infinite duration never ends.
 */

const INT = /^[+-]?\d+(?:_\d+)*$/;
const DIGITS = String.raw`\d+(?:_\d+)*`;
const FLOAT = new RegExp(String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** `int(text)` as a BigInt, or null when Python would raise ValueError. */
export function parsePyInt(text: string): bigint | null {
  const trimmed = text.trim();
  if (!INT.test(trimmed)) return null;
  return BigInt(trimmed.replaceAll('_', ''));
}

/** `float(text)` for finite decimal text, or null. */
export function parsePyFloat(text: string): number | null {
  const trimmed = text.trim();
  if (!FLOAT.test(trimmed)) return null;
  const value = Number(trimmed.replaceAll('_', ''));
  return Number.isFinite(value) ? value : null;
}
