import { parseArgs } from 'node:util';
import { type ClassicSettings, DEFAULT_SETTINGS, type Plan, parsePlan, parsePyFloat, parsePyInt } from '../engine/index';
import { OPTIONS } from './options';

export type Command = 'run' | 'export';

export interface ParsedArgs {
  readonly command: Command;
  readonly settings: ClassicSettings;
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
  const settings: ClassicSettings = {
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
  };
  const planOut = typeof values['plan-out'] === 'string' ? values['plan-out'] : null;
  return { ok: true, args: { command, settings, planPath, planOut } };
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
