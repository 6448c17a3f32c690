import { doubled } from './typed-arrays';
/**
 * A growing list of strings stored as bytes rather than as string objects:
 * a million-job run prints two million lines, and the page must receive them
 * from a Web Worker without decoding two million strings in one task (typed
 * arrays are transferred, not copied) and without 40 bytes of object per line.
 *
 * A program prints the same few lines over and over with other numbers in
 * them (`[Worker-3] Processing: process_item_17 (took 1.5s)`), so a string is
 * stored as its shape and its numbers: the shape (the text with each run of
 * digits taken out) is kept once in `templates`, and the entry is the shape's
 * number then each digit run's value, as variable-length integers (LEB128).
 * That line takes about 8 bytes instead of 52. Leading zeros stay in the shape
 * (`007` is the shape `00#` with 7), so every string comes back exactly. Once
 * there are MAX_TEMPLATES shapes (a program printing text of endless shapes),
 * a string of a new shape is stored as its bytes (Latin-1, one a character).
 * Entries live in chunks of up to 1 MiB; an entry never straddles two chunks.
 * A string with a character above U+00FF, or too long, is kept as it is in a
 * map (rare: a message a user typed, or a dead-letter report of every job).
 */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const OFFSET_MASK = CHUNK - 1;
/** Longest string packed into a chunk; longer ones are kept whole. */
const MAX_PACKED = 0xffff;
/** Most shapes a table keeps; strings of further shapes are stored as bytes. */
const MAX_TEMPLATES = 4096;
/** Most digits a number slot holds (below 2**30, so it is a small integer). */
const MAX_DIGITS = 9;
/** Where a shape has a number: a character a printed line never has (a line holding it is stored as bytes). */
const SLOT = '\u0000';
const SLOT_CODE = 0;
/** Buckets of the shapes' hash index: twice the most shapes a table keeps. */
const BUCKETS = 2 * MAX_TEMPLATES;
/** The place of an entry kept whole in the map. */
const KEPT = -1;
/** Bytes a LEB128 varint of up to 32 bits takes at most. */
const VARINT_MAX = 5;

/** Read access to a list of lines: what `string[]` and a TextTable both offer. */
export interface TextList {
  readonly length: number;
  at(index: number): string | undefined;
  slice(start?: number, end?: number): string[];
}

/** A table as plain data (typed arrays, the shapes and a small map), to send to another thread. */
export interface TextTableData {
  readonly count: number;
  readonly chunks: readonly Uint8Array[];
  /** Where entry i starts: chunk << 20 | byte offset; -1 for a string kept whole. */
  readonly places: Int32Array;
  /** The shapes, each with SLOT where a number goes. */
  readonly templates: readonly string[];
  readonly kept: ReadonlyMap<number, string>;
}

/** The shape of head + a number + tail, and the numbers in the head and in the tail. */
interface JoinedShape {
  readonly id: number;
  readonly head: readonly number[];
  readonly tail: readonly number[];
}

export class TextTable implements TextList {
  private count = 0;
  private readonly chunks: Uint8Array[] = [];
  /** The chunk being filled, and how many of its bytes are used. */
  private current: Uint8Array = new Uint8Array(0);
  private used = 0;
  private places: Int32Array = new Int32Array(16);
  private readonly kept = new Map<number, string>();
  private readonly templates: string[] = [];
  private readonly templateIds = new Map<string, number>();
  /** Each shape split at its slots, made when first read. */
  private readonly parts: (readonly string[] | undefined)[] = [];
  /** The numbers of the string being pushed. */
  private readonly numbers: number[] = [];
  /** The shape of the string being pushed, as character codes (see pack). */
  private tokens = new Int32Array(256);
  /** Each shape as character codes, made when first compared (templateOf). */
  private readonly templateCodes: (Int32Array | undefined)[] = [];
  /** A shape's id + 1 by its hash (0: none yet); see templateOf. */
  private readonly buckets = new Int32Array(BUCKETS);
  /** pushJoined's shapes, by head and tail (null: push does it), and how many it remembers. */
  private readonly joined = new Map<string, Map<string, JoinedShape | null>>();
  private joinedCount = 0;

  get length(): number {
    return this.count;
  }

  /** Append `text`; returns its index. */
  push(text: string): number {
    const index = this.count;
    if (index === this.places.length) this.places = doubled(this.places);
    this.count = index + 1;
    if (text.length > MAX_PACKED || !this.pack(index, text)) {
      this.kept.set(index, text);
      this.places[index] = KEPT;
    }
    return index;
  }

  /** As Array's `at`: a fraction is truncated, a negative index counts from the end. */
  at(position: number): string | undefined {
    const whole = Math.trunc(position) || 0;
    const index = whole < 0 ? this.count + whole : whole;
    if (!(index >= 0 && index < this.count)) return undefined;
    const place = this.places[index]!;
    if (place === KEPT) return this.kept.get(index) ?? '';
    const bytes = this.chunks[place >>> CHUNK_BITS]!;
    // The shape's number + 1, or 0: the bytes themselves follow.
    const shape = readVarint(bytes, place & OFFSET_MASK);
    let at = varintEnd;
    if (shape === 0) {
      const size = readVarint(bytes, at);
      at = varintEnd;
      // Below V8's limit on arguments (MAX_PACKED = 65,535 characters).
      return String.fromCharCode.apply(null, bytes.subarray(at, at + size) as unknown as number[]);
    }
    const parts = this.partsOf(shape - 1);
    let text = parts[0]!;
    for (let k = 1; k < parts.length; k++) {
      text += readVarint(bytes, at) + parts[k]!;
      at = varintEnd;
    }
    return text;
  }

  /** As Array's `slice` (integer bounds). */
  slice(start = 0, end = this.count): string[] {
    const from = Math.max(0, start < 0 ? this.count + start : start);
    const to = Math.min(this.count, end < 0 ? this.count + end : end);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i)!);
    return out;
  }

  /** Bytes held by the columns, chunks and shapes (strings at 2 bytes a character). */
  byteSize(): number {
    let bytes = this.places.byteLength;
    for (const chunk of this.chunks) bytes += chunk.byteLength;
    for (const text of this.kept.values()) bytes += 2 * text.length;
    for (const template of this.templates) bytes += 2 * template.length;
    return bytes;
  }

  toData(): TextTableData {
    return { count: this.count, chunks: this.chunks, places: this.places, templates: this.templates, kept: this.kept };
  }

  /** A table read back from `toData` (for reading: it shares the arrays). */
  static fromData(data: TextTableData): TextTable {
    const table = new TextTable();
    table.count = data.count;
    for (const chunk of data.chunks) table.chunks.push(chunk);
    table.places = data.places;
    data.templates.forEach((template, id) => {
      table.templates.push(template);
      table.templateIds.set(template, id);
    });
    for (const [index, text] of data.kept) table.kept.set(index, text);
    // Appending after this would start a fresh chunk, never overwrite one.
    table.used = CHUNK;
    table.current = table.chunks.at(-1) ?? new Uint8Array(0);
    return table;
  }

  /** The typed arrays behind the table, to transfer to another thread. */
  static buffersOf(data: TextTableData): ArrayBufferLike[] {
    return [...data.chunks.map((chunk) => chunk.buffer), data.places.buffer];
  }

  /**
   * Append the line `head + n + tail` (`n` a whole number), as push would,
   * without making the line: the shape of each (head, tail) pair is worked
   * out once. A million-job run prints two million lines of a few such
   * pairs; making each line a string and scanning it back was most of the
   * time the run spent recording.
   */
  pushJoined(head: string, n: number, tail: string): number {
    const joined = Number.isInteger(n) && n >= 0 && n < 10 ** MAX_DIGITS ? this.joinedShape(head, tail) : null;
    if (joined === null) return this.push(head + n + tail);
    const index = this.count;
    if (index === this.places.length) this.places = doubled(this.places);
    this.count = index + 1;
    this.reserve(VARINT_MAX * (joined.head.length + joined.tail.length + 2));
    let at = writeVarint(this.current, this.used, joined.id + 1);
    for (const number of joined.head) at = writeVarint(this.current, at, number);
    at = writeVarint(this.current, at, n);
    for (const number of joined.tail) at = writeVarint(this.current, at, number);
    this.place(index, at);
    return index;
  }

  /** The shape of `head` + a number + `tail`, with the numbers of each side; null where push must do it (see pushJoined). */
  private joinedShape(head: string, tail: string): JoinedShape | null {
    const known = this.joined.get(head)?.get(tail);
    if (known !== undefined) return known;
    let shape: JoinedShape | null = null;
    const size = head.length + 1 + tail.length;
    if (size <= MAX_PACKED) {
      const tokens = this.tokensFor(size);
      const headNumbers: number[] = [];
      const tailNumbers: number[] = [];
      let count = shapeCodes(head, tokens, 0, headNumbers);
      if (count >= 0) {
        tokens[count++] = SLOT_CODE;
        count = shapeCodes(tail, tokens, count, tailNumbers);
      }
      const id = count < 0 ? -1 : this.templateOf(tokens, count);
      if (id >= 0) shape = { id, head: headNumbers, tail: tailNumbers };
    }
    // Remembered up to a bound: a program joining endless distinct texts falls back to push.
    if (this.joinedCount < MAX_TEMPLATES) {
      let tails = this.joined.get(head);
      if (tails === undefined) this.joined.set(head, (tails = new Map()));
      tails.set(tail, shape);
      this.joinedCount++;
    }
    return shape;
  }

  /** Write `text` as its shape and numbers, or as bytes; false (nothing written) if a character is above U+00FF. */
  private pack(index: number, text: string): boolean {
    const numbers = this.numbers;
    numbers.length = 0;
    const size = text.length;
    // The shape as character codes, SLOT_CODE where a number goes: no string is made unless the shape is new.
    const tokens = this.tokensFor(size);
    const count = shapeCodes(text, tokens, 0, numbers);
    if (count === WIDE) return false;
    // A NUL would read as a slot: the text is stored as bytes, if the rest of it is Latin-1 too.
    if (count === HAS_NUL) return isLatin1From(text, 0) && this.packBytes(index, text);
    const id = this.templateOf(tokens, count);
    if (id < 0) return this.packBytes(index, text);
    this.reserve(VARINT_MAX * (numbers.length + 1));
    let at = writeVarint(this.current, this.used, id + 1);
    for (const number of numbers) at = writeVarint(this.current, at, number);
    this.place(index, at);
    return true;
  }

  /**
   * The id of the shape `tokens[0, count)`, added if new; -1 when the table
   * has MAX_TEMPLATES shapes and this is not one. Found by a hash of the
   * codes, checked against the shape it names (two shapes can share a
   * bucket): pushing two million lines, making each line's shape as a string
   * and looking it up in a Map was most of the table's time.
   */
  private templateOf(tokens: Int32Array, count: number): number {
    let hash = 0x811c9dc5 ^ count;
    for (let k = 0; k < count; k++) hash = Math.imul(hash ^ tokens[k]!, 0x01000193);
    const bucket = (hash ^ (hash >>> 15)) & (BUCKETS - 1);
    const cached = this.buckets[bucket]! - 1;
    if (cached >= 0 && sameCodes(this.tokensOf(cached), tokens, count)) return cached;
    let shape = '';
    for (let k = 0; k < count; k += 8192) shape += String.fromCharCode.apply(null, tokens.subarray(k, Math.min(count, k + 8192)) as unknown as number[]);
    let id = this.templateIds.get(shape);
    if (id === undefined) {
      if (this.templates.length >= MAX_TEMPLATES) return -1;
      id = this.templates.length;
      this.templates.push(shape);
      this.templateIds.set(shape, id);
    }
    this.buckets[bucket] = id + 1;
    return id;
  }

  /** The scratch array for a shape's codes, with room for `size` of them. */
  private tokensFor(size: number): Int32Array {
    if (size > this.tokens.length) this.tokens = new Int32Array(Math.max(size, 2 * this.tokens.length));
    return this.tokens;
  }

  /** Shape `id` as character codes (SLOT_CODE where a number goes), made when first compared. */
  private tokensOf(id: number): Int32Array {
    return (this.templateCodes[id] ??= Int32Array.from(this.templates[id]!, (char) => char.charCodeAt(0)));
  }

  /** Write `text` as a 0, its length and its bytes (every character is at most U+00FF). */
  private packBytes(index: number, text: string): boolean {
    const size = text.length;
    this.reserve(1 + VARINT_MAX + size);
    const bytes = this.current;
    let at = writeVarint(bytes, writeVarint(bytes, this.used, 0), size);
    for (let i = 0; i < size; i++) bytes[at++] = text.charCodeAt(i);
    this.place(index, at);
    return true;
  }

  /** Entry `index` starts where the chunk's used bytes ended, and ends at `end`. */
  private place(index: number, end: number): void {
    this.places[index] = ((this.chunks.length - 1) << CHUNK_BITS) | this.used;
    this.used = end;
  }

  private partsOf(id: number): readonly string[] {
    return (this.parts[id] ??= this.templates[id]!.split(SLOT));
  }

  /**
   * Room for `size` more bytes: the first chunk starts small (most runs print
   * a few dozen lines) and doubles up to 1 MiB; after that a fresh chunk.
   */
  private reserve(size: number): void {
    if (this.used + size <= this.current.length) return;
    if (this.chunks.length <= 1 && this.used + size <= CHUNK) {
      const grown = new Uint8Array(Math.min(CHUNK, Math.max(256, 2 * this.current.length, 2 * (this.used + size))));
      grown.set(this.current.subarray(0, this.used));
      this.current = grown;
      this.chunks[0] = grown;
      return;
    }
    this.current = new Uint8Array(CHUNK);
    this.chunks.push(this.current);
    this.used = 0;
  }
}

/** Whether `codes` is exactly the first `count` of `tokens`. */
function sameCodes(codes: Int32Array, tokens: Int32Array, count: number): boolean {
  if (codes.length !== count) return false;
  for (let k = 0; k < count; k++) if (codes[k] !== tokens[k]) return false;
  return true;
}

/** shapeCodes' answers for a text that has no shape: a character above U+00FF, or a NUL (which would read as a slot). */
const WIDE = -1;
const HAS_NUL = -2;

/**
 * Write the shape of `text` as character codes into `tokens` from `start`
 * (SLOT_CODE where a number goes) and push its numbers onto `numbers`;
 * returns where the codes end, or WIDE or HAS_NUL. A run of digits keeps its
 * leading zeros (all but a last one) in the shape, and the rest is a number
 * if it has at most MAX_DIGITS digits (else it stays in the shape as text).
 */
function shapeCodes(text: string, tokens: Int32Array, start: number, numbers: number[]): number {
  const size = text.length;
  let count = start;
  for (let i = 0; i < size; ) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return WIDE;
    if (code === 0) return HAS_NUL;
    if (!isDigit(code)) {
      tokens[count++] = code;
      i++;
      continue;
    }
    let first = i;
    while (first + 1 < size && text.charCodeAt(first) === 48 && isDigit(text.charCodeAt(first + 1))) first++;
    let end = first;
    let value = 0;
    while (end < size && isDigit(text.charCodeAt(end))) value = value * 10 + (text.charCodeAt(end++) - 48);
    if (end - first <= MAX_DIGITS) {
      for (; i < first; i++) tokens[count++] = 48;
      tokens[count++] = SLOT_CODE;
      numbers.push(value);
    } else for (; i < end; i++) tokens[count++] = text.charCodeAt(i);
    i = end;
  }
  return count;
}

function isLatin1From(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Where the varint readVarint read last ends (a second result without an object per call). */
let varintEnd = 0;

/** The LEB128 varint at `at`; `varintEnd` is set to the offset after it. */
function readVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = bytes[at++]!;
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  varintEnd = at;
  return value;
}

/** `value` (0 to 2**31 - 1) as LEB128 at `at`; returns the offset after it. */
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}
