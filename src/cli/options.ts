import { DEFAULT_SETTINGS, ON_ERRORS, QUEUE_KINDS, SHUTDOWNS } from '../engine/index';

/** One command-line option: seed_scenario.py's names, defaults and meanings, plus the lesson variants. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'int' | 'float' | 'path' | 'flag' | 'choice' | 'jobs';
  readonly help: string;
  readonly fallback: string;
  readonly choices?: readonly string[];
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
  { name: 'queue', kind: 'choice', choices: QUEUE_KINDS, help: 'asyncio.Queue, PriorityQueue (priorities 1-3 drawn per job) or LifoQueue', fallback: DEFAULT_SETTINGS.queue },
  {
    name: 'shutdown',
    kind: 'choice',
    choices: SHUTDOWNS,
    help: 'how workers stop: None sentinels; nothing (hangs); join() then cancel; 3.13 queue.shutdown(); shutdown(immediate=True)',
    fallback: DEFAULT_SETTINGS.shutdown,
  },
  { name: 'fail', kind: 'jobs', help: 'jobs that raise on every attempt, e.g. 3,7', fallback: 'none' },
  { name: 'flaky', kind: 'jobs', help: 'jobs that raise on their first attempt only', fallback: 'none' },
  { name: 'on-error', kind: 'choice', choices: ON_ERRORS, help: 'no try/except; log and go on; retry, then a dead-letter queue', fallback: DEFAULT_SETTINGS.onError },
  { name: 'retries', kind: 'int', help: 'with --on-error retry: attempts after the first', fallback: String(DEFAULT_SETTINGS.retries) },
  { name: 'plan', kind: 'path', help: 'read durations and intervals from this JSON file instead of drawing them', fallback: '' },
  { name: 'plan-out', kind: 'path', help: "write the plan used as JSON to this file ('-' = stderr)", fallback: '' },
  { name: 'time-prefix', short: 't', kind: 'flag', help: 'start every line with the virtual time, as [t=0.000]', fallback: 'off' },
];

function metavar(option: OptionSpec): string {
  if (option.kind === 'flag') return '';
  if (option.kind === 'path') return ' FILE';
  if (option.kind === 'choice') return ` {${option.choices!.join(',')}}`;
  if (option.kind === 'jobs') return ' LIST';
  return ` ${option.kind.toUpperCase()}`;
}

function optionLine(option: OptionSpec): string {
  const flag = `${option.short ? `-${option.short}, ` : ''}--${option.name}${metavar(option)}`;
  const help = `${option.help}${option.fallback ? ` (default ${option.fallback})` : ''}`;
  return flag.length > 24 ? `  ${flag}\n${' '.repeat(28)}${help}` : `  ${flag.padEnd(26)}${help}`;
}

export const USAGE = `usage: npm run --silent cli -- <command> [options]

Runs Queue Lab's asyncio producer-consumer scenario on its engine (CPython's
scheduling on a virtual clock).

commands:
  run      print exactly what the Python program prints
  export   print that Python program

options:
${OPTIONS.map(optionLine).join('\n')}
  -h, --help                show this help

exit codes: 0 done, 1 the program raised (its traceback's last line on stderr),
2 bad arguments, 3 the program would hang forever (deadlock: each pending task
and what it waits on, on stderr), 4 the run passed the iteration limit`;
