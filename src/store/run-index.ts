import { type EventLog, type JobId, type QueueKind, SENTINEL } from '../engine/index';

/**
 * Where every job is at any event, computed once per run so the view state
 * stays small (no list of jobs copied per event: a 100,000-job run folds and
 * seeks in constant work per event). Queue contents at an event are the items
 * put before it and not yet got, ordered by the queue's own rule.
 */
export interface RunIndex {
  readonly kind: QueueKind;
  /**
   * One entry per item put, in put order. `reach[i]` is the latest `leave` of
   * items 0..i: it never decreases, so a binary search finds the first item
   * still in the queue at a cursor without walking every item before it.
   */
  readonly items: { readonly job: Int32Array; readonly put: Int32Array; readonly leave: Int32Array; readonly reach: Int32Array; readonly key: Float64Array };
  /** Finished jobs, dead-lettered jobs and dropped jobs, each in event order. */
  readonly done: Outcomes;
  readonly deadLetters: Outcomes;
  readonly dropped: Outcomes;
  /** A failed attempt that stands until `until` (the job's next attempt), if it ever does. */
  readonly failures: readonly { readonly at: number; readonly job: JobId; readonly until: number }[];
}

interface Outcomes {
  readonly at: Int32Array;
  readonly job: Int32Array;
}

const NEVER = 0x7fffffff;

function outcomes(pairs: [number, number][]): Outcomes {
  return { at: Int32Array.from(pairs, (p) => p[0]), job: Int32Array.from(pairs, (p) => p[1]) };
}

/** Walk the log once. `priorities` orders a PriorityQueue's items as Python compares (priority, n). */
export function indexRun(log: EventLog, kind: QueueKind, priorities: readonly number[] | null, jobs: number): RunIndex {
  const job: number[] = [];
  const put: number[] = [];
  const leave: number[] = [];
  const key: number[] = [];
  const open = new Map<number, number>(); // job -> item index (sentinels: FIFO list below)
  const openSentinels: number[] = [];
  const holding = new Map<number, number>(); // task -> job
  const lastFailure = new Map<number, number>(); // job -> index in failures
  const failures: { at: number; job: number; until: number }[] = [];
  const done: [number, number][] = [];
  const dead: [number, number][] = [];
  const dropped: [number, number][] = [];
  let sentinels = 0;
  const leaveItem = (at: number, item: JobId, taker: number | null): void => {
    let index: number | undefined;
    if (item === SENTINEL) {
      // Sentinels are alike: which one leaves first does not change what is shown.
      index = kind === 'lifo' ? openSentinels.pop() : openSentinels.shift();
    } else {
      index = open.get(item);
      open.delete(item);
    }
    if (index !== undefined) leave[index] = at;
    if (taker !== null && item !== SENTINEL) holding.set(taker, item);
  };
  for (let i = 0; i < log.length; i++) {
    const event = log.at(i);
    switch (event.kind) {
      case 'queue.put': {
        const index = job.length;
        const isSentinel = event.job === SENTINEL;
        const n = isSentinel ? jobs + ++sentinels : event.job;
        const priority = isSentinel ? 4 : (priorities?.[event.job - 1] ?? 0);
        job.push(event.job);
        put.push(i);
        leave.push(NEVER);
        key.push(kind === 'priority' ? priority * (jobs + 1e6) + n : kind === 'lifo' ? -i : i);
        if (isSentinel) openSentinels.push(index);
        else open.set(event.job, index);
        break;
      }
      case 'queue.get':
        leaveItem(i, event.job, event.task);
        break;
      case 'queue.drop':
        leaveItem(i, event.job, null);
        dropped.push([i, event.job]);
        break;
      case 'sleep': {
        const failure = event.job > 0 ? lastFailure.get(event.job) : undefined;
        if (failure !== undefined) {
          failures[failure]!.until = i;
          lastFailure.delete(event.job);
        }
        break;
      }
      case 'job.failed':
        lastFailure.set(event.job, failures.push({ at: i, job: event.job, until: NEVER }) - 1);
        break;
      case 'job.dead_letter':
        dead.push([i, event.job]);
        lastFailure.delete(event.job);
        break;
      case 'queue.task_done': {
        const held = holding.get(event.task);
        holding.delete(event.task);
        const failed = held !== undefined && failures.some((f) => f.job === held && f.until === NEVER);
        if (held !== undefined && !failed && !dead.some(([, j]) => j === held)) done.push([i, held]);
        break;
      }
      default:
        break;
    }
  }
  return {
    kind,
    items: { job: Int32Array.from(job), put: Int32Array.from(put), leave: Int32Array.from(leave), reach: runningMax(leave), key: Float64Array.from(key) },
    done: outcomes(done),
    deadLetters: outcomes(dead),
    dropped: outcomes(dropped),
    failures,
  };
}

function runningMax(values: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  let max = -1;
  values.forEach((value, i) => {
    max = Math.max(max, value);
    out[i] = max;
  });
  return out;
}

/** The first index in the non-decreasing `sorted` whose value is at least `value` (its length if none). */
function firstAtLeast(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How many items are in the queue after `cursor` events, and the first `limit`
 * in get() order. Only items put before the cursor and from the first one
 * still there are looked at (a million-job run's queue holds a handful).
 */
export function queueAt(index: RunIndex, cursor: number, limit: number): { length: number; items: JobId[] } {
  const { put, leave, reach, key } = index.items;
  const present: number[] = [];
  const end = firstAtLeast(put, cursor);
  for (let i = firstAtLeast(reach, cursor); i < end; i++) if (leave[i]! >= cursor) present.push(i);
  if (index.kind === 'priority') present.sort((a, b) => key[a]! - key[b]!);
  else if (index.kind === 'lifo') present.reverse();
  return { length: present.length, items: present.slice(0, limit).map((i) => index.items.job[i]!) };
}

/** How many of these outcomes happened in the first `cursor` events, and the last `limit` of them. */
export function outcomesAt(outcomesList: Outcomes, cursor: number, limit: number): { count: number; recent: JobId[] } {
  let low = 0;
  let high = outcomesList.at.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (outcomesList.at[mid]! < cursor) low = mid + 1;
    else high = mid;
  }
  return { count: low, recent: Array.from(outcomesList.job.subarray(Math.max(0, low - limit), low)) };
}

/** Jobs whose last attempt failed, as of `cursor` events, and not dead-lettered. */
export function failedAt(index: RunIndex, cursor: number): JobId[] {
  const dead = new Set(outcomesAt(index.deadLetters, cursor, Number.MAX_SAFE_INTEGER).recent);
  return index.failures.filter((f) => f.at < cursor && f.until >= cursor && !dead.has(f.job)).map((f) => f.job);
}
