import { floatRepr, pyRound } from '../python/format';
import { PyRandom } from '../python/random';

/** The random numbers of one run: each job's duration and each gap between two puts. */
export interface Plan {
  readonly jobs: number;
  /** The seed it was drawn from; null for a plan read from a file without one. */
  readonly seed: bigint | null;
  /** Float64Arrays: a million-job plan is two million numbers, drawn faster into typed arrays than pushed onto arrays. */
  readonly durations: Float64Array;
  /** `intervals[i]` is slept after job i+1 is put, before job i+2. */
  readonly intervals: Float64Array;
  /** Each job's priority, 1 (first) to 3, for a PriorityQueue; null when not drawn. */
  readonly priorities: readonly number[] | null;
}

/** Priorities are 1 to 3; the sentinels of a PriorityQueue use 4 so they come after every job. */
export const PRIORITY_RANGE = { low: 1, high: 3 } as const;

export interface Ranges {
  readonly minDuration: number;
  readonly maxDuration: number;
  readonly minInterval: number;
  readonly maxInterval: number;
}

/**
 * seed_scenario.make_plan: `random.Random(seed)` draws
 * `round(uniform(dmin, dmax), 1)` for every job, then for every gap, in that order;
 * then, for a PriorityQueue, `randint(1, 3)` for every job.
 */
export function makePlan(jobs: number, seed: bigint, ranges: Ranges, withPriorities = false): Plan {
  const rng = new PyRandom(seed);
  // Draws nothing reads are not made: a one-value range gives its value whatever random() returns, so its draws
  // matter only by moving the generator on, and that matters only to draws made after them (for "no gaps",
  // --min-interval 0 --max-interval 0, a million-job plan skips a million draws: about 50 ms of the CLI's run).
  const intervalsFixed = !withPriorities && isOneValue(ranges.minInterval, ranges.maxInterval);
  const durationsFixed = intervalsFixed && isOneValue(ranges.minDuration, ranges.maxDuration);
  const durations = draws(rng, jobs, ranges.minDuration, ranges.maxDuration, durationsFixed);
  const intervals = draws(rng, Math.max(jobs - 1, 0), ranges.minInterval, ranges.maxInterval, intervalsFixed);
  let priorities: number[] | null = null;
  if (withPriorities) {
    priorities = [];
    for (let i = 0; i < jobs; i++) priorities.push(rng.randint(PRIORITY_RANGE.low, PRIORITY_RANGE.high));
  }
  return { jobs, seed, durations, intervals, priorities };
}

/** Whether uniform(low, high) is one value for every random() in [0, 1): `low + (high - low) * r` with `high - low` zero. */
function isOneValue(low: number, high: number): boolean {
  return high - low === 0;
}

/** `count` times `round(rng.uniform(low, high), 1)`; `fixed` (see isOneValue, and nothing drawn after): the value, with no draw. */
function draws(rng: PyRandom, count: number, low: number, high: number, fixed: boolean): Float64Array {
  const values = new Float64Array(count);
  // uniform's own expression with random() = 0: the same double for any draw when high - low is zero (-0 + 0 is +0 there too).
  if (fixed) values.fill(pyRound(low + (high - low) * 0, 1));
  else for (let i = 0; i < count; i++) values[i] = pyRound(rng.uniform(low, high), 1);
  return values;
}

/** A plan read from JSON, or the reason it cannot be used (seed_scenario.load_plan's checks). */
export function parsePlan(text: string, source: string): Plan | { readonly error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { error: `plan ${source}: not valid JSON (${(error as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `plan ${source}: expected a JSON object with "durations" and "intervals"` };
  const record = raw as Record<string, unknown>;
  const durations = numberList(record['durations'] ?? []);
  const intervals = numberList(record['intervals'] ?? []);
  if (durations === null) return { error: `plan ${source}: "durations" must be a list of numbers` };
  if (intervals === null) return { error: `plan ${source}: "intervals" must be a list of numbers` };
  const jobs = record['jobs'] ?? durations.length;
  if (typeof jobs !== 'number' || !Number.isSafeInteger(jobs) || jobs < 0) return { error: `plan ${source}: "jobs" must be a whole number >= 0` };
  if (durations.length !== jobs) return { error: `plan ${source}: ${durations.length} durations for ${jobs} jobs` };
  if (intervals.length !== Math.max(jobs - 1, 0)) return { error: `plan ${source}: need ${Math.max(jobs - 1, 0)} intervals, got ${intervals.length}` };
  if ([...durations, ...intervals].some((d) => d < 0)) return { error: `plan ${source}: durations and intervals must be >= 0` };
  let priorities: number[] | null = null;
  if (record['priorities'] !== undefined) {
    const list = numberList(record['priorities']);
    if (list === null || list.length !== jobs || list.some((p) => !Number.isInteger(p) || p < PRIORITY_RANGE.low || p > PRIORITY_RANGE.high)) {
      return { error: `plan ${source}: "priorities" must list one whole number from 1 to 3 per job` };
    }
    priorities = list;
  }
  const seed = record['seed'];
  return { jobs, seed: typeof seed === 'number' && Number.isSafeInteger(seed) ? BigInt(seed) : null, durations: Float64Array.from(durations), intervals: Float64Array.from(intervals), priorities };
}

/** `json.dumps(plan, indent=2)`, as seed_scenario's `--plan-out` writes it. */
export function planToJson(plan: Plan): string {
  const seed = plan.seed === null ? 'null' : plan.seed.toString();
  const priorities = plan.priorities === null ? '' : `,\n  "priorities": ${jsonList(plan.priorities.map(String))}`;
  return `{\n  "jobs": ${plan.jobs},\n  "seed": ${seed},\n  "durations": ${jsonList(Array.from(plan.durations, floatRepr))},\n  "intervals": ${jsonList(Array.from(plan.intervals, floatRepr))}${priorities}\n}`;
}

/** A list as json.dumps(indent=2) lays it out one level down. */
function jsonList(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${item}`).join(',\n')}\n  ]`;
}

function numberList(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  return value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (value as number[]) : null;
}
