/**
 * Standard output as UTF-8 bytes in large writes. Lines are appended to a
 * short string; each time it passes PIECE_CHARS characters it is encoded
 * (`TextEncoder.encodeInto`) into a 1 MiB byte buffer, and the buffer is
 * written when the next piece might not fit. A million-job run prints two
 * million lines (93 MiB).
 *
 * Why pieces this small: a string of 16,384 lines (~780 KB) handed to the
 * stream was a rope that V8 flattened and then encoded on the write, and the
 * profile of the 1M run put 0.76 s of its 2.0 s there. A rope of a few
 * hundred lines is flattened while its lines are still in cache. Measured
 * (scratch, the run's two line shapes, 2M lines to /dev/null): the old
 * 16,384-line strings 0.77-0.80 s; encodeInto per line 0.35 s; pieces of
 * 512-2,048 lines 0.23-0.25 s; pieces of 4,096 lines 0.56 s (a flat string
 * over 128 KiB is a large object in V8).
 */
const PIECE_CHARS = 32 * 1024;
const BUFFER_BYTES = 1 << 20;
/** Digits of the largest safe integer. */
const MAX_DIGITS = 16;
/** Heads and tails of joined lines whose bytes are remembered. */
const MAX_PIECES = 4096;
/** UTF-8 takes at most three bytes per UTF-16 code unit (a surrogate pair: four bytes for two units). */
const MAX_BYTES_PER_UNIT = 3;
const NO_BYTES = new Uint8Array(0);

export interface ByteStream {
  write(bytes: Uint8Array): unknown;
  /**
   * Bytes handed over and not yet written out (Node's `Writable.writableLength`).
   * 0 after a write means the stream let go of the bytes (a file, or a pipe
   * that had room: both take the write at once), so the buffer is filled
   * again; a stream without it, or one still holding bytes, gets a fresh one.
   */
  readonly writableLength?: number;
}

export class StdoutBuffer {
  private pending = '';
  private readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(BUFFER_BYTES);
  private used = 0;
  private readonly pieces = new Map<string, Uint8Array>();

  constructor(private readonly stream: ByteStream) {}

  readonly line = (line: string): void => {
    this.pending += `${line}\n`;
    if (this.pending.length >= PIECE_CHARS) this.encodePending();
  };

  /**
   * The line `head + n + tail`, written as bytes: the bytes of each head and
   * tail are made once, and the number's digits written directly, so no
   * string is made for the line (two million in a million-job run).
   */
  readonly joined = (head: string, n: number, tail: string): void => {
    if (!(Number.isSafeInteger(n) && n >= 0)) {
      this.line(head + n + tail);
      return;
    }
    this.encodePending();
    const headBytes = this.bytesOf(head);
    // The producer's lines end at the number: no lookup for them.
    const tailBytes = tail === '' ? NO_BYTES : this.bytesOf(tail);
    const size = headBytes.length + MAX_DIGITS + tailBytes.length + 1;
    if (size > BUFFER_BYTES) {
      this.line(head + n + tail);
      return;
    }
    if (this.used + size > BUFFER_BYTES) this.writeBuffer();
    const buffer = this.buffer;
    buffer.set(headBytes, this.used);
    let at = this.used + headBytes.length;
    // The digits, last first (powers of ten are exact doubles up to 1e22).
    let end = at + 1;
    for (let power = 10; power <= n; power *= 10) end++;
    if (n <= 0x7fffffff) {
      // In int32 arithmetic: a double's `%` is a call to fmod (a tenth of the CLI's run went to the digits).
      for (let k = end - 1, rest = n | 0; k >= at; k--) {
        const tenth = (rest / 10) | 0;
        buffer[k] = 48 + rest - tenth * 10;
        rest = tenth;
      }
    } else {
      for (let k = end - 1, rest = n; k >= at; k--, rest = Math.floor(rest / 10)) buffer[k] = 48 + (rest % 10);
    }
    buffer.set(tailBytes, end);
    at = end + tailBytes.length;
    buffer[at++] = 10;
    this.used = at;
  };

  readonly text = (text: string): void => {
    this.pending += text;
    this.encodePending();
  };

  /** The UTF-8 of a head or tail, made once: a run joins the same few thousand over and over. */
  private bytesOf(piece: string): Uint8Array {
    let bytes = this.pieces.get(piece);
    if (bytes === undefined) {
      bytes = this.encoder.encode(piece);
      // Bounded: a run joining endless distinct pieces still writes each, it only stops remembering them.
      if (this.pieces.size < MAX_PIECES) this.pieces.set(piece, bytes);
    }
    return bytes;
  }

  /** Write everything held so far. */
  flush(): void {
    this.encodePending();
    this.writeBuffer();
  }

  private encodePending(): void {
    const piece = this.pending;
    if (piece === '') return;
    this.pending = '';
    const most = piece.length * MAX_BYTES_PER_UNIT;
    if (this.used + most > BUFFER_BYTES) this.writeBuffer();
    if (most > BUFFER_BYTES) {
      this.stream.write(this.encoder.encode(piece));
      return;
    }
    this.used += this.encoder.encodeInto(piece, this.buffer.subarray(this.used)).written;
  }

  /**
   * Hand the filled part to the stream. The buffer is filled again only if the
   * stream says it holds nothing (see ByteStream.writableLength): a pipe that
   * was full keeps the bytes until it drains, and they must not change. Reuse
   * matters: a fresh megabyte is a megabyte of new pages to fault in and of
   * garbage to collect, 93 times in a million-job run.
   */
  private writeBuffer(): void {
    if (this.used === 0) return;
    this.stream.write(this.buffer.subarray(0, this.used));
    if (this.stream.writableLength !== 0) this.buffer = new Uint8Array(BUFFER_BYTES);
    this.used = 0;
  }
}
