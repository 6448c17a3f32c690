import type { Plan, Ranges } from './plan';

/** Everything that decides a classic run. Names follow seed_scenario.py's options. */
export interface ClassicSettings extends Ranges {
  readonly jobs: number;
  readonly workers: number;
  /** `asyncio.Queue(maxsize)`; 0 or less means unbounded. */
  readonly maxsize: number;
  readonly seed: bigint;
  /** Prefix each printed line with `[t=0.000] `, the virtual time. */
  readonly timePrefix: boolean;
  /** Numbers read from a plan file instead of drawn from `seed`. */
  readonly plan: Plan | null;
}

export const DEFAULT_SETTINGS: ClassicSettings = {
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
};

/** Bounds the lab accepts (the event log's task column is 16-bit; memory bounds the jobs). */
export const LIMITS = {
  maxJobs: 1_000_000,
  maxWorkers: 10_000,
} as const;

/** Why a combination of settings cannot run, one readable sentence each; empty when it can. */
export function settingsProblems(settings: ClassicSettings): string[] {
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
  return problems;
}
