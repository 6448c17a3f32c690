import { writeSync } from 'node:fs';

/** What FdStream does when the reader has gone (EPIPE). */
export type OnClosed = () => never;

/**
 * A file descriptor as a ByteStream: every write is finished, with
 * `writeSync`, before `write` returns, so it never holds a caller's bytes
 * (`writableLength` is always 0) and StdoutBuffer fills one buffer over and
 * over. Why not `process.stdout`: for a pipe it reports a failed write only
 * from a later tick, and the CLI's run is synchronous, so `queue-lab run | head`
 * ended in an unhandled EPIPE stack trace after computing the whole run; here
 * the first write after the reader left calls `onClosed` at once.
 */
export class FdStream {
  readonly writableLength = 0;
  /** One int32 to Atomics.wait on: a pause without spinning. */
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly fd: number,
    private readonly onClosed: OnClosed,
  ) {}

  write(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(this.fd, bytes, at);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A non-blocking pipe that is full (its mode is the parent's to set): wait a millisecond for the reader.
        if (code === 'EAGAIN') Atomics.wait(this.pause, 0, 0, 1);
        else if (code === 'EPIPE') this.onClosed();
        else throw error;
      }
    }
  }
}
