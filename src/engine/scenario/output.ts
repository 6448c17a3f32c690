import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';

/**
 * What the program prints (`print()`), line by line, each line also an event.
 * Kept in `lines`, or handed to `sink` as printed (the CLI streams a million
 * lines out in large writes instead of holding them all).
 */
export class Output {
  readonly lines: string[] = [];

  constructor(
    private readonly timePrefix: boolean,
    private readonly sink: ((line: string) => void) | null = null,
  ) {}

  print(site: number, text: string): void {
    const loop = getRunningLoop();
    const line = this.timePrefix ? `[t=${formatFixed(loop.time(), 3)}] ${text}` : text;
    if (this.sink === null) this.lines.push(line);
    else this.sink(line);
    loop.log?.print(loop.currentTaskId(), site, line);
  }
}
