/**
 * Python's float formatting, for every number the lab prints or exports.
 *
 * `f"{x:.{d}f}"` and `round(x, d)` round the exact binary value of x, ties to
 * even (Python/dtoa.c, mode 3). JavaScript's `toFixed` rounds the same exact
 * value but sends ties up, and switches to exponent notation from 1e21, so it is
 * used only where it provably agrees. `repr(x)` is the shortest round-trip digit
 * string, as JavaScript's `String(x)`, laid out by Python's rules (float_repr_style
 * 'short': exponent form when the decimal exponent is < -4 or >= 16).
 */

/** `format(x, f".{digits}f")`. */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const magnitude = Math.abs(x);
  const body =
    magnitude < 1e21 && !isExactTie(magnitude, digits)
      ? magnitude.toFixed(digits)
      : exactFixed(magnitude, digits);
  return negative ? `-${body}` : body;
}

/** `round(x, digits)` for a float x and a non-negative digit count. */
export function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  return roundFar(x, digits) ?? Number(formatFixed(x, digits));
}

/**
 * `round(x, digits)` without text, when x * 10^digits is far from a tie.
 * y = |x| * 10^digits is the exact product within half an ulp (2^-53 y); when
 * y's fraction is farther than that from .5, the integer nearest y is the one
 * nearest the exact product, and n / 10^digits, one correctly rounded division
 * of exact integers, is the double nearest the decimal n·10^-digits: what
 * Python's round() returns (it converts that decimal back). Null near a tie,
 * for the exact path.
 */
function roundFar(x: number, digits: number): number | null {
  if (digits > 15) return null;
  const scale = 10 ** digits;
  const y = Math.abs(x) * scale;
  if (!(y < 2 ** 52)) return null;
  const fraction = y - Math.floor(y);
  if (Math.abs(fraction - 0.5) <= y * 2 ** -50 + 2 ** -1000) return null;
  // floor(y + 0.5), not `fraction < 0.5 ? ...`: the plan rounds two million random draws, and a branch taken at
  // random was mispredicted half the time (1M draws: 80 -> 70 ms). It is the nearest integer here: the sum's
  // rounding error is at most 2^-53 (y + 0.5), inside the excluded band around .5 whenever y >= 1/14, and
  // below that the fraction is y itself, far from .5; rounding cannot fall below an integer the exact sum reaches.
  const n = Math.floor(y + 0.5);
  const rounded = n / scale;
  return x < 0 || Object.is(x, -0) ? -rounded : rounded;
}

/** `repr(x)` for a float. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digitString = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const rest = digitString.length > 1 ? `.${digitString.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digitString[0]}${rest}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const pointAt = exponent + 1;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digitString}`;
  if (pointAt >= digitString.length) return `${sign}${digitString}${'0'.repeat(pointAt - digitString.length)}.0`;
  return `${sign}${digitString.slice(0, pointAt)}.${digitString.slice(pointAt)}`;
}

/**
 * x * 10^digits lies exactly halfway between two integers iff x * 2^(digits+1)
 * is an odd integer (a tie needs a dyadic x whose odd part absorbs 5^digits).
 * Multiplying by a power of two is exact, so this test is exact too.
 */
function isExactTie(magnitude: number, digits: number): boolean {
  const scaled = magnitude * 2 ** (digits + 1);
  return Number.isInteger(scaled) && scaled % 2 === 1 && scaled < 2 ** 53;
}

/** Exact decimal rounding with BigInt: the slow path for ties and huge values. */
function exactFixed(magnitude: number, digits: number): string {
  const [mantissa, exponent] = decompose(magnitude);
  const scale = 10n ** BigInt(digits);
  let quotient: bigint;
  if (exponent >= 0) {
    quotient = (mantissa << BigInt(exponent)) * scale;
  } else {
    const denominator = 1n << BigInt(-exponent);
    const numerator = mantissa * scale;
    quotient = numerator / denominator;
    const twiceRemainder = (numerator % denominator) * 2n;
    if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
      quotient += 1n;
    }
  }
  const text = quotient.toString().padStart(digits + 1, '0');
  if (digits === 0) return text;
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A finite non-negative double as mantissa * 2^exponent, both exact. */
function decompose(value: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), biased - 1075];
}
