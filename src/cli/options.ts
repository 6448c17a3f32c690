import { DEFAULT_SETTINGS } from '../engine/index';

/** One command-line option: seed_scenario.py's names, defaults and meanings. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'int' | 'float' | 'path' | 'flag';
  readonly help: string;
  readonly fallback: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  { name: 'jobs', kind: 'int', help: 'number of jobs N', fallback: String(DEFAULT_SETTINGS.jobs) },
  { name: 'workers', kind: 'int', help: 'number of worker tasks W (at least 1)', fallback: String(DEFAULT_SETTINGS.workers) },
  { name: 'maxsize', kind: 'int', help: 'asyncio.Queue(maxsize=M); 0 or less means unbounded', fallback: String(DEFAULT_SETTINGS.maxsize) },
  { name: 'seed', kind: 'int', help: 'random.Random(seed) draws the durations and intervals', fallback: String(DEFAULT_SETTINGS.seed) },
  { name: 'min-duration', kind: 'float', help: 'shortest job, seconds', fallback: String(DEFAULT_SETTINGS.minDuration) },
  { name: 'max-duration', kind: 'float', help: 'longest job, seconds', fallback: '2.0' },
  { name: 'min-interval', kind: 'float', help: 'shortest pause between two puts, seconds', fallback: String(DEFAULT_SETTINGS.minInterval) },
  { name: 'max-interval', kind: 'float', help: 'longest pause between two puts, seconds', fallback: String(DEFAULT_SETTINGS.maxInterval) },
  { name: 'plan', kind: 'path', help: 'read durations and intervals from this JSON file instead of drawing them', fallback: '' },
  { name: 'plan-out', kind: 'path', help: "write the plan used as JSON to this file ('-' = stderr)", fallback: '' },
  { name: 'time-prefix', short: 't', kind: 'flag', help: 'start every line with the virtual time, as [t=0.000]', fallback: 'off' },
];

export const USAGE = `usage: npm run --silent cli -- <command> [options]

Runs the classic asyncio producer-consumer exercise on Queue Lab's engine.

commands:
  run      print exactly what the Python program prints (CPython on a virtual clock)
  export   print that Python program

options:
${OPTIONS.map((o) => `  ${`${o.short ? `-${o.short}, ` : ''}--${o.name}${o.kind === 'flag' ? '' : ` ${o.kind === 'path' ? 'FILE' : o.kind.toUpperCase()}`}`.padEnd(26)}${o.help}${o.fallback ? ` (default ${o.fallback})` : ''}`).join('\n')}
  -h, --help                show this help

exit codes: 0 done, 2 bad arguments, 3 the program would hang forever (deadlock),
4 the run passed the iteration limit`;
