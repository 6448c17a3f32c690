import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';

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
    private readonly sink: ((line: string) => void) | null = null,
    private readonly keep = true,
  ) {}

  print(site: number, text: string): void {
    const loop = getRunningLoop();
    const line = this.timePrefix ? `[t=${formatFixed(loop.time(), 3)}] ${text}` : text;
    if (this.sink !== null) this.sink(line);
    else if (this.keep) this.lines.push(line);
    loop.log?.print(loop.currentTaskId(), site, line);
  }

  /**
   * `print(site, head + n + tail)`: where only the event log takes the line,
   * it is stored from its pieces and never made (a million-job run prints two
   * million lines of this kind).
   */
  printJoined(site: number, head: string, n: number, tail: string): void {
    const log = getRunningLoop().log;
    if (this.timePrefix || this.sink !== null || this.keep || log === null) this.print(site, head + n + tail);
    else log.printJoined(getRunningLoop().currentTaskId(), site, head, n, tail);
  }
}
