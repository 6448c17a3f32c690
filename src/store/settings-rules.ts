import { DEFAULT_SETTINGS, ON_ERRORS, type OnError, QUEUE_KINDS, type QueueKind, SHUTDOWNS, type ScenarioSettings, type Shutdown } from '../engine/index';

/** Number settings the page shows as sliders or fields, with their ranges. */
export type NumberSettingName = 'jobs' | 'workers' | 'maxsize' | 'seed' | 'retries' | 'minDuration' | 'maxDuration' | 'minInterval' | 'maxInterval';
/** Settings chosen from a list. */
export type ChoiceSettingName = 'queue' | 'shutdown' | 'onError';
/** Settings that name jobs. */
export type JobsSettingName = 'fail' | 'flaky';
export type LabSettingName = NumberSettingName | ChoiceSettingName | JobsSettingName;

export interface NumberRule {
  readonly kind: 'number';
  readonly label: string;
  /** The CLI's long option name, also the URL key. */
  readonly option: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly hint: string;
}

export interface ChoiceRule {
  readonly kind: 'choice';
  readonly label: string;
  readonly option: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  readonly hint: string;
}

export interface JobsRule {
  readonly kind: 'jobs';
  readonly label: string;
  readonly option: string;
  readonly hint: string;
}

export type SettingRule = NumberRule | ChoiceRule | JobsRule;

const number = (label: string, option: string, min: number, max: number, step: number, hint: string): NumberRule => ({ kind: 'number', label, option, min, max, step, hint });

/** The page's controls, in the order they are shown. */
export const SETTING_RULES: Readonly<Record<LabSettingName, SettingRule>> = {
  jobs: number('Jobs', 'jobs', 0, 1_000_000, 1, 'how many jobs the producer puts (over 2,000: computed in the background)'),
  workers: number('Workers', 'workers', 1, 32, 1, 'worker tasks taking jobs off the queue'),
  maxsize: number('Queue maxsize', 'maxsize', 0, 20, 1, '0 means unbounded'),
  queue: {
    kind: 'choice',
    label: 'Queue kind',
    option: 'queue',
    hint: 'which asyncio queue class',
    choices: [
      { value: 'fifo', label: 'asyncio.Queue (first in, first out)' },
      { value: 'priority', label: 'asyncio.PriorityQueue (priority 1 first)' },
      { value: 'lifo', label: 'asyncio.LifoQueue (last in, first out)' },
    ],
  },
  shutdown: {
    kind: 'choice',
    label: 'Shutdown',
    option: 'shutdown',
    hint: 'how the workers are told to stop',
    choices: [
      { value: 'sentinel', label: 'None sentinel per worker' },
      { value: 'none', label: 'No sentinels (workers wait forever)' },
      { value: 'cancel', label: 'queue.join(), then cancel the workers' },
      { value: 'shutdown', label: 'queue.shutdown() (Python 3.13)' },
      { value: 'shutdown-immediate', label: 'queue.shutdown(immediate=True)' },
    ],
  },
  onError: {
    kind: 'choice',
    label: 'When a job raises',
    option: 'on-error',
    hint: 'what the worker does with the exception',
    choices: [
      { value: 'crash', label: 'Nothing: the exception escapes' },
      { value: 'log', label: 'try/except: log it and go on' },
      { value: 'retry', label: 'Retry, then a dead-letter queue' },
    ],
  },
  fail: { kind: 'jobs', label: 'Failing jobs', option: 'fail', hint: 'job numbers that raise every time, e.g. 3, 7' },
  flaky: { kind: 'jobs', label: 'Flaky jobs', option: 'flaky', hint: 'job numbers that raise on the first attempt only' },
  retries: number('Retries', 'retries', 0, 5, 1, 'with retry: attempts after the first'),
  minDuration: number('Shortest job (s)', 'min-duration', 0, 10, 0.1, 'job durations are drawn between these'),
  maxDuration: number('Longest job (s)', 'max-duration', 0, 10, 0.1, ''),
  minInterval: number('Shortest pause (s)', 'min-interval', 0, 5, 0.1, 'pauses between two puts are drawn between these'),
  maxInterval: number('Longest pause (s)', 'max-interval', 0, 5, 0.1, ''),
  seed: number('Seed', 'seed', 0, 2_147_483_647, 1, 'random.Random(seed) draws durations and intervals'),
};

export const LAB_SETTING_NAMES = Object.keys(SETTING_RULES) as LabSettingName[];

/** The settings after a change, and what was wrong with the value asked for (null if nothing). */
export interface Applied {
  readonly settings: ScenarioSettings;
  readonly notice: string | null;
}

/** The value a control shows. */
export function settingValue(settings: ScenarioSettings, name: LabSettingName): string | number {
  const value = settings[name];
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'bigint' ? Number(value) : (value as string | number);
}

/**
 * Change one setting from what a person (or a URL) asked for. Never throws:
 * a bad value is clamped or replaced, and the notice says what was done. The
 * result is always runnable (min <= max, failing jobs within the job count).
 */
export function applySetting(settings: ScenarioSettings, name: LabSettingName, requested: string | number): Applied {
  const rule = SETTING_RULES[name];
  let notice: string | null = null;
  let next: ScenarioSettings;
  if (rule.kind === 'choice') {
    const value = String(requested);
    const known = rule.choices.some((c) => c.value === value);
    if (!known) notice = `${rule.label}: "${value}" is not one of ${rule.choices.map((c) => c.value).join(', ')}; using ${settings[name as ChoiceSettingName]}.`;
    next = known ? { ...settings, [name]: value as QueueKind & Shutdown & OnError } : settings;
  } else if (rule.kind === 'jobs') {
    const parts = String(requested).split(/[\s,]+/).filter((p) => p !== '');
    const jobs = parts.map(Number).filter((n) => Number.isSafeInteger(n) && n >= 1 && n <= settings.jobs);
    let unique = [...new Set(jobs)].toSorted((a, b) => a - b);
    if (unique.length !== parts.length) notice = `${rule.label}: kept ${unique.join(', ') || 'none'} (job numbers run from 1 to ${settings.jobs}).`;
    // A job that fails every time cannot also fail only once.
    if (name === 'flaky' && unique.some((job) => settings.fail.includes(job))) {
      unique = unique.filter((job) => !settings.fail.includes(job));
      notice = `${rule.label}: kept ${unique.join(', ') || 'none'} (a failing job is not also flaky).`;
    }
    next = { ...settings, [name]: unique };
  } else {
    const { value, notice: numberNotice } = checkNumber(rule, name, requested);
    notice = numberNotice;
    next = name === 'seed' ? { ...settings, seed: BigInt(value) } : { ...settings, [name]: value };
  }
  return { settings: keepRunnable(next, name), notice };
}

function checkNumber(rule: NumberRule, name: LabSettingName, requested: string | number): { value: number; notice: string | null } {
  const fallback = Number(DEFAULT_SETTINGS[name as NumberSettingName]);
  const asNumber = typeof requested === 'number' ? requested : requested.trim() === '' ? Number.NaN : Number(requested);
  if (!Number.isFinite(asNumber)) return { value: fallback, notice: `${rule.label}: "${String(requested)}" is not a number; using ${fallback}.` };
  const stepped = rule.step === 1 ? Math.round(asNumber) : Math.round(asNumber / rule.step) / Math.round(1 / rule.step);
  const value = Math.min(rule.max, Math.max(rule.min, stepped));
  if (value === asNumber) return { value, notice: null };
  const why = stepped !== asNumber ? (rule.step === 1 ? 'must be a whole number' : `goes in steps of ${rule.step}`) : `must be from ${rule.min} to ${rule.max}`;
  return { value, notice: `${rule.label} ${why}; using ${value}.` };
}

/** The settings that are the two ends of one range: keepRunnable keeps each ordered by moving the end not being changed. */
export const RANGES = [
  ['minDuration', 'maxDuration'],
  ['minInterval', 'maxInterval'],
] as const satisfies readonly (readonly [NumberSettingName, NumberSettingName])[];

/** Keep ranges ordered (moving the other end) and failing jobs within the job count. */
function keepRunnable(settings: ScenarioSettings, changed: LabSettingName): ScenarioSettings {
  let next = settings;
  for (const [low, high] of RANGES) {
    if (next[low] > next[high]) next = changed === high ? { ...next, [low]: next[high] } : { ...next, [high]: next[low] };
  }
  const within = (jobs: readonly number[]): number[] => jobs.filter((job) => job <= next.jobs);
  next = { ...next, fail: within(next.fail), flaky: within(next.flaky).filter((job) => !next.fail.includes(job)) };
  return next;
}

export { QUEUE_KINDS, SHUTDOWNS, ON_ERRORS };
