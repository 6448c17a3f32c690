import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS, type OnError, type Plan, type QueueKind, type ScenarioSettings, type Shutdown, parsePlan, parsePyFloat, parsePyInt } from '../engine/index';
import { OPTIONS } from './options';

export type Command = 'run' | 'export';

export interface ParsedArgs {
  readonly command: Command;
  readonly settings: ScenarioSettings;
  readonly planPath: string | null;
  readonly planOut: string | null;
}

export type ArgsResult = { readonly ok: true; readonly args: ParsedArgs } | { readonly ok: false; readonly help: boolean; readonly message: string };

/** Reads a file's text, or throws (injected so the parser stays testable). */
export type ReadFile = (path: string) => string;

const fail = (message: string): ArgsResult => ({ ok: false, help: false, message });

/** Parse `run|export [options]` the way seed_scenario's argparse would, with one-line errors. */
export function parseCliArgs(argv: readonly string[], readFile: ReadFile): ArgsResult {
  if (argv.includes('-h') || argv.includes('--help')) return { ok: false, help: true, message: '' };
  const [command, ...rest] = argv;
  if (command !== 'run' && command !== 'export') return fail(command === undefined ? 'missing command: run or export' : `unknown command '${command}': use run or export`);
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: attachNegativeValues(rest),
      options: Object.fromEntries(OPTIONS.map((o) => [o.name, { type: o.kind === 'flag' ? 'boolean' : 'string', ...(o.short ? { short: o.short } : {}) }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    return fail((error as Error).message.split('\n')[0]!);
  }
  const ints: Record<string, bigint> = {};
  const floats: Record<string, number> = {};
  const choices: Record<string, string> = {};
  const lists: Record<string, number[]> = {};
  for (const option of OPTIONS) {
    const raw = values[option.name];
    if (typeof raw !== 'string') continue;
    if (option.kind === 'int') {
      const parsed = parsePyInt(raw);
      if (parsed === null) return fail(`--${option.name}: invalid int value: '${raw}'`);
      ints[option.name] = parsed;
    } else if (option.kind === 'float') {
      const parsed = parsePyFloat(raw);
      if (parsed === null) return fail(`--${option.name}: invalid number: '${raw}' (a finite decimal number)`);
      floats[option.name] = parsed;
    } else if (option.kind === 'choice') {
      if (!option.choices!.includes(raw)) return fail(`--${option.name}: invalid choice: '${raw}' (choose from ${option.choices!.join(', ')})`);
      choices[option.name] = raw;
    } else if (option.kind === 'jobs') {
      const parsed = parseJobList(raw);
      if (parsed === null) return fail(`--${option.name}: '${raw}' is not a list of job numbers (e.g. 3,7)`);
      lists[option.name] = parsed;
    }
  }
  const planPath = typeof values['plan'] === 'string' ? values['plan'] : null;
  let plan: Plan | null = null;
  if (planPath !== null) {
    let text: string;
    try {
      text = readFile(planPath);
    } catch (error) {
      return fail(`plan ${planPath}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const parsed = parsePlan(text, planPath);
    if ('error' in parsed) return fail(parsed.error);
    plan = parsed;
  }
  const whole = (name: string, fallback: number): number => (ints[name] === undefined ? fallback : Number(ints[name]));
  const settings: ScenarioSettings = {
    jobs: plan?.jobs ?? whole('jobs', DEFAULT_SETTINGS.jobs),
    workers: whole('workers', DEFAULT_SETTINGS.workers),
    maxsize: whole('maxsize', DEFAULT_SETTINGS.maxsize),
    seed: ints['seed'] ?? DEFAULT_SETTINGS.seed,
    minDuration: floats['min-duration'] ?? DEFAULT_SETTINGS.minDuration,
    maxDuration: floats['max-duration'] ?? DEFAULT_SETTINGS.maxDuration,
    minInterval: floats['min-interval'] ?? DEFAULT_SETTINGS.minInterval,
    maxInterval: floats['max-interval'] ?? DEFAULT_SETTINGS.maxInterval,
    timePrefix: values['time-prefix'] === true,
    plan,
    queue: (choices['queue'] as QueueKind | undefined) ?? DEFAULT_SETTINGS.queue,
    shutdown: (choices['shutdown'] as Shutdown | undefined) ?? DEFAULT_SETTINGS.shutdown,
    fail: lists['fail'] ?? DEFAULT_SETTINGS.fail,
    flaky: lists['flaky'] ?? DEFAULT_SETTINGS.flaky,
    onError: (choices['on-error'] as OnError | undefined) ?? DEFAULT_SETTINGS.onError,
    retries: whole('retries', DEFAULT_SETTINGS.retries),
  };
  if (ints['retries'] !== undefined && settings.onError !== 'retry') return fail('--retries applies only with --on-error retry');
  const planOut = typeof values['plan-out'] === 'string' ? values['plan-out'] : null;
  return { ok: true, args: { command, settings, planPath, planOut } };
}

/** `3,7` or `3 7` (or empty for none): job numbers, each a Python int. */
function parseJobList(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const jobs: number[] = [];
  for (const part of parts) {
    const job = parsePyInt(part);
    if (job === null || job > BigInt(Number.MAX_SAFE_INTEGER) || job < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
    if (!jobs.includes(Number(job))) jobs.push(Number(job));
  }
  return jobs;
}

/**
 * `--jobs -1` is a negative number to argparse but an "ambiguous" option to
 * node's parseArgs; pass such values as `--jobs=-1` so the range check can
 * say what is wrong with them.
 */
function attachNegativeValues(args: readonly string[]): string[] {
  const takesValue = new Set(OPTIONS.filter((o) => o.kind !== 'flag').map((o) => `--${o.name}`));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (takesValue.has(arg) && next !== undefined && /^-\d|^-\.\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
