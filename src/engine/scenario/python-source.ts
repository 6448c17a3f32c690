import type { Site } from './sites';

/** Lines of Python being written, with the line number each site lands on. */
export class PythonSource {
  private readonly lines: string[] = [];
  readonly lineOf = new Map<Site, number>();

  /** Add a line; `site` marks it as the line that site's events point at. */
  line(text: string, site?: Site): this {
    this.lines.push(text);
    if (site !== undefined) this.lineOf.set(site, this.lines.length);
    return this;
  }

  /** Two blank lines, as PEP 8 puts between top-level definitions. */
  gap(): this {
    return this.line('').line('');
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** A Python set literal of job names: `{"process_item_3", "process_item_7"}`. */
export function jobSet(jobs: readonly number[]): string {
  return `{${jobs.map((job) => `"process_item_${job}"`).join(', ')}}`;
}
