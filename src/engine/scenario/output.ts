import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';

/** Where printed lines go as they are printed: whole lines, and lines given as `head + n + tail` (`joined`, if the sink takes them as pieces). */
export interface LineSink {
  readonly line: (line: string) => void;
  readonly joined?: (head: string, n: number, tail: string) => void;
}

/**
 * What the program prints (`print()`), line by line, each line also an event.
 * Kept in `lines`, handed to `sink` as printed (the CLI streams a million
 * lines out in large writes instead of holding them all), or neither (`keep`
 * false: the event log keeps them, as the lab reads them).
 */
export class Output {
  readonly lines: string[] = [];

  constructor(
    private readonly timePrefix: boolean,
    private readonly sink: LineSink | null = null,
    private readonly keep = true,
  ) {}

  print(site: number, text: string): void {
    const loop = getRunningLoop();
    const line = this.timePrefix ? `[t=${formatFixed(loop.time(), 3)}] ${text}` : text;
    if (this.sink !== null) this.sink.line(line);
    else if (this.keep) this.lines.push(line);
    loop.log?.print(loop.currentTaskId(), site, line);
  }

  /**
   * `print(site, head + n + tail)`, the line made only where something reads
   * it as a string: the event log stores it from its pieces, and a sink that
   * takes pieces (the CLI's, which writes bytes) gets them (a million-job run
   * prints two million lines of this kind).
   */
  printJoined(site: number, head: string, n: number, tail: string): void {
    const joined = this.sink?.joined;
    // Made as a string wherever one is read: with the time prefix, by a sink that takes whole lines only, or to keep in `lines`.
    const asText = this.timePrefix || (this.sink === null ? this.keep : joined === undefined);
    if (asText) {
      this.print(site, head + n + tail);
      return;
    }
    joined?.(head, n, tail);
    const loop = getRunningLoop();
    loop.log?.printJoined(loop.currentTaskId(), site, head, n, tail);
  }
}
