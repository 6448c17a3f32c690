import { doubled } from './typed-arrays';
/**
 * A growing list of strings stored as bytes rather than as string objects:
 * a million-job run prints two million lines, and the page must receive them
 * from a Web Worker without decoding two million strings in one task (typed
 * arrays are transferred, not copied) and without 40 bytes of object per line.
 *
 * Each string is one byte per character (Latin-1: every character the
 * program prints is below U+0100, digits and ASCII words), packed into chunks
 * of up to 1 MiB; a string never straddles two chunks. A string with a wider
 * character, or too long for the length column, is kept as it is in a map
 * (rare: a message a user typed, or a dead-letter report of every job).
 */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const OFFSET_MASK = CHUNK - 1;
/** Longest string packed as bytes (its length fits the Uint16 column); longer ones are kept whole. */
const MAX_PACKED = 0xffff;

/** Read access to a list of lines: what `string[]` and a TextTable both offer. */
export interface TextList {
  readonly length: number;
  at(index: number): string | undefined;
  slice(start?: number, end?: number): string[];
}

/** A table as plain data (typed arrays and a small map), to send to another thread. */
export interface TextTableData {
  readonly count: number;
  readonly chunks: readonly Uint8Array[];
  /** Where entry i starts: chunk << 20 | byte offset. */
  readonly places: Int32Array;
  readonly sizes: Uint16Array;
  readonly kept: ReadonlyMap<number, string>;
}

export class TextTable implements TextList {
  private count = 0;
  private readonly chunks: Uint8Array[] = [];
  /** The chunk being filled, and how many of its bytes are used. */
  private current: Uint8Array = new Uint8Array(0);
  private used = 0;
  private places: Int32Array = new Int32Array(16);
  private sizes: Uint16Array = new Uint16Array(16);
  private readonly kept = new Map<number, string>();

  get length(): number {
    return this.count;
  }

  /** Append `text`; returns its index. */
  push(text: string): number {
    const index = this.count;
    if (index === this.places.length) this.growEntries();
    this.count = index + 1;
    const size = text.length;
    if (size > MAX_PACKED || !this.pack(index, text)) {
      this.kept.set(index, text);
      this.places[index] = 0;
      this.sizes[index] = 0;
    }
    return index;
  }

  /** As Array's `at`: a fraction is truncated, a negative index counts from the end. */
  at(position: number): string | undefined {
    const whole = Math.trunc(position) || 0;
    const index = whole < 0 ? this.count + whole : whole;
    if (!(index >= 0 && index < this.count)) return undefined;
    const size = this.sizes[index]!;
    if (size === 0) return this.kept.get(index) ?? '';
    const place = this.places[index]!;
    const bytes = this.chunks[place >>> CHUNK_BITS]!;
    const start = place & OFFSET_MASK;
    // Below V8's limit on arguments (MAX_PACKED = 65,535 characters).
    return String.fromCharCode.apply(null, bytes.subarray(start, start + size) as unknown as number[]);
  }

  /** As Array's `slice` (integer bounds). */
  slice(start = 0, end = this.count): string[] {
    const from = Math.max(0, start < 0 ? this.count + start : start);
    const to = Math.min(this.count, end < 0 ? this.count + end : end);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i)!);
    return out;
  }

  /** Bytes held by the columns and chunks (kept strings at 2 bytes a character). */
  byteSize(): number {
    let bytes = this.places.byteLength + this.sizes.byteLength;
    for (const chunk of this.chunks) bytes += chunk.byteLength;
    for (const text of this.kept.values()) bytes += 2 * text.length;
    return bytes;
  }

  toData(): TextTableData {
    return { count: this.count, chunks: this.chunks, places: this.places, sizes: this.sizes, kept: this.kept };
  }

  /** A table read back from `toData` (for reading: it shares the arrays). */
  static fromData(data: TextTableData): TextTable {
    const table = new TextTable();
    table.count = data.count;
    for (const chunk of data.chunks) table.chunks.push(chunk);
    table.places = data.places;
    table.sizes = data.sizes;
    for (const [index, text] of data.kept) table.kept.set(index, text);
    // Appending after this would start a fresh chunk, never overwrite one.
    table.used = CHUNK;
    table.current = table.chunks.at(-1) ?? new Uint8Array(0);
    return table;
  }

  /** The typed arrays behind the table, to transfer to another thread. */
  static buffersOf(data: TextTableData): ArrayBufferLike[] {
    return [...data.chunks.map((chunk) => chunk.buffer), data.places.buffer, data.sizes.buffer];
  }

  /** Write `text` as bytes; false (nothing written) if a character is above U+00FF. */
  private pack(index: number, text: string): boolean {
    const size = text.length;
    if (size === 0) {
      this.places[index] = 0;
      this.sizes[index] = 0;
      return true;
    }
    if (this.used + size > this.current.length) this.growBytes(size);
    const bytes = this.current;
    const start = this.used;
    for (let i = 0; i < size; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff) return false;
      bytes[start + i] = code;
    }
    this.used = start + size;
    this.places[index] = ((this.chunks.length - 1) << CHUNK_BITS) | start;
    this.sizes[index] = size;
    return true;
  }

  /**
   * Room for `size` more bytes: the first chunk starts small (most runs print
   * a few dozen lines) and doubles up to 1 MiB; after that a fresh chunk.
   */
  private growBytes(size: number): void {
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

  private growEntries(): void {
    this.places = doubled(this.places);
    this.sizes = doubled(this.sizes);
  }
}
