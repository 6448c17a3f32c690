import type { Plan, Ranges } from './plan';

export const QUEUE_KINDS = ['fifo', 'priority', 'lifo'] as const;
/** asyncio.Queue, PriorityQueue (items are `(priority, n, job)`), LifoQueue. */
export type QueueKind = (typeof QUEUE_KINDS)[number];

export const SHUTDOWNS = ['sentinel', 'none', 'cancel', 'shutdown', 'shutdown-immediate'] as const;
/**
 * How the workers stop: one `None` per worker; nothing (they wait forever);
 * `await queue.join()` then cancel them; Python 3.13's `queue.shutdown()`;
 * `queue.shutdown(immediate=True)`, which drops what is still queued.
 */
export type Shutdown = (typeof SHUTDOWNS)[number];

export const ON_ERRORS = ['crash', 'log', 'retry'] as const;
/** What a worker does when a job raises: nothing (it escapes), log and go on, retry then dead-letter. */
export type OnError = (typeof ON_ERRORS)[number];

/** Everything that decides a run. Names follow seed_scenario.py's options, plus the lesson variants. */
export interface ScenarioSettings extends Ranges {
  readonly jobs: number;
  readonly workers: number;
  /** `asyncio.Queue(maxsize)`; 0 or less means unbounded. */
  readonly maxsize: number;
  readonly seed: bigint;
  /** Prefix each printed line with `[t=0.000] `, the virtual time. */
  readonly timePrefix: boolean;
  /** Numbers read from a plan file instead of drawn from `seed`. */
  readonly plan: Plan | null;
  readonly queue: QueueKind;
  readonly shutdown: Shutdown;
  /** Job numbers that raise on every attempt. */
  readonly fail: readonly number[];
  /** Job numbers that raise on their first attempt only. */
  readonly flaky: readonly number[];
  readonly onError: OnError;
  /** With `onError: 'retry'`: attempts after the first before dead-lettering. */
  readonly retries: number;
}

export const DEFAULT_SETTINGS: ScenarioSettings = {
  jobs: 20,
  workers: 3,
  maxsize: 5,
  seed: 42n,
  minDuration: 0.5,
  maxDuration: 2.0,
  minInterval: 0.1,
  maxInterval: 0.5,
  timePrefix: false,
  plan: null,
  queue: 'fifo',
  shutdown: 'sentinel',
  fail: [],
  flaky: [],
  onError: 'crash',
  retries: 2,
};

/** Bounds the lab accepts (the event log's task column is 16-bit; memory bounds the jobs). */
export const LIMITS = {
  maxJobs: 1_000_000,
  maxWorkers: 10_000,
  maxRetries: 20,
} as const;

/** Why a combination of settings cannot run, one readable sentence each; empty when it can. */
export function settingsProblems(settings: ScenarioSettings): string[] {
  const problems: string[] = [];
  const jobs = settings.plan?.jobs ?? settings.jobs;
  if (!Number.isSafeInteger(jobs) || jobs < 0 || jobs > LIMITS.maxJobs) problems.push(`--jobs must be a whole number from 0 to ${LIMITS.maxJobs}`);
  if (!Number.isSafeInteger(settings.workers) || settings.workers < 1 || settings.workers > LIMITS.maxWorkers) {
    problems.push(`--workers must be a whole number from 1 to ${LIMITS.maxWorkers} (with no workers nobody takes jobs off the queue)`);
  }
  if (!Number.isSafeInteger(settings.maxsize)) problems.push('--maxsize must be a whole number (0 or less means unbounded)');
  const ranges: [string, number][] = [
    ['--min-duration', settings.minDuration],
    ['--max-duration', settings.maxDuration],
    ['--min-interval', settings.minInterval],
    ['--max-interval', settings.maxInterval],
  ];
  for (const [name, value] of ranges) if (!Number.isFinite(value) || value < 0) problems.push(`${name} must be a finite number >= 0`);
  if (settings.minDuration > settings.maxDuration) problems.push('--min-duration is larger than --max-duration');
  if (settings.minInterval > settings.maxInterval) problems.push('--min-interval is larger than --max-interval');
  for (const [name, list] of [
    ['--fail', settings.fail],
    ['--flaky', settings.flaky],
  ] as const) {
    const outside = list.filter((job) => !Number.isSafeInteger(job) || job < 1 || job > jobs);
    if (outside.length > 0) problems.push(`${name} names job ${outside[0]}, but the jobs are numbered 1 to ${jobs}`);
  }
  const both = settings.fail.filter((job) => settings.flaky.includes(job));
  if (both.length > 0) problems.push(`job ${both[0]} is in both --fail and --flaky: a job either always fails or fails once`);
  if (!Number.isSafeInteger(settings.retries) || settings.retries < 0 || settings.retries > LIMITS.maxRetries) problems.push(`--retries must be a whole number from 0 to ${LIMITS.maxRetries}`);
  if (settings.queue === 'priority' && settings.plan !== null && settings.plan.priorities === null) {
    problems.push('--queue priority needs priorities, and the plan file has none: add a "priorities" list (1 to 3 per job) or draw the plan from --seed');
  }
  return problems;
}
