import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';

/** What the program prints (`print()`), line by line, each line also an event. */
export class Output {
  readonly lines: string[] = [];

  constructor(private readonly timePrefix: boolean) {}

  print(site: number, text: string): void {
    const loop = getRunningLoop();
    const line = this.timePrefix ? `[t=${formatFixed(loop.time(), 3)}] ${text}` : text;
    this.lines.push(line);
    loop.log?.print(loop.currentTaskId(), site, line);
  }
}
