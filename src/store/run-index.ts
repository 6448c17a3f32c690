import { type EventKind, type EventLog, type JobId, SENTINEL } from '../engine/index';
import type { RunShape } from './run-shape';

/** How a queue's items come out: in put order, in reverse (LIFO), or by a key (a priority, or a recorded order). */
export type ItemOrder = 'put' | 'reverse' | 'key';

/**
 * One queue's items, one entry per put, in put order. `reach[i]` is the latest
 * `leave` of items 0..i: it never decreases, so a binary search finds the first
 * item still in the queue at a cursor without walking every item before it.
 */
export interface QueueItems {
  readonly order: ItemOrder;
  readonly job: Int32Array;
  readonly put: Int32Array;
  readonly leave: Int32Array;
  readonly reach: Int32Array;
  readonly key: Float64Array;
}

/**
 * Where every job is at any event, computed once per run so the view state
 * stays small (no list of jobs copied per event: a 100,000-job run folds and
 * seeks in constant work per event). A queue's contents at an event are the
 * items put before it and not yet got, ordered by the queue's own rule.
 */
export interface RunIndex {
  /** Each queue's items, by queue number. */
  readonly queues: readonly QueueItems[];
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

/** Outcomes while the log is walked: events and jobs, each in a list of numbers (a pair an outcome made a million small arrays). */
class OutcomeList {
  private readonly at: number[] = [];
  private readonly job: number[] = [];

  add(at: number, job: number): void {
    this.at.push(at);
    this.job.push(job);
  }

  build(): Outcomes {
    return { at: Int32Array.from(this.at), job: Int32Array.from(this.job) };
  }
}

/** The kinds indexRun reads; it skips the others without decoding them. */
const INDEXED_KINDS: ReadonlySet<EventKind> = new Set(['queue.put', 'queue.get', 'queue.drop', 'sleep', 'job.failed', 'job.dead_letter', 'queue.task_done']);

/**
 * A recorded queue's get() order, learned from where each put went (`position`,
 * 0 = next out): the items form one list in which every new item goes just
 * before the one now at its position, so any two items in the queue at the
 * same time are in the order get() takes them. An item's key is its rank.
 */
class RecordedOrder {
  private readonly next: number[] = [];
  private readonly present: number[] = [];
  private head = -1;

  add(item: number, position: number): void {
    const before = this.present[position];
    this.next[item] = -1;
    if (before === undefined) {
      const last = this.present.at(-1);
      if (last === undefined) {
        this.next[item] = this.head;
        this.head = item;
      } else {
        this.next[item] = this.next[last]!;
        this.next[last] = item;
      }
    } else {
      const previous = this.present[position - 1];
      // Just before `before`: after the previous present item, or at the list's head.
      if (previous === undefined) this.insertBefore(item, before);
      else this.insertBefore(item, before, previous);
    }
    this.present.splice(Math.min(position, this.present.length), 0, item);
  }

  remove(item: number): void {
    const at = this.present.indexOf(item);
    if (at >= 0) this.present.splice(at, 1);
  }

  /** The first present item among `candidates` (the one get() takes), or undefined. */
  first(candidates: readonly number[]): number | undefined {
    const wanted = new Set(candidates);
    return this.present.find((item) => wanted.has(item));
  }

  keys(count: number): Float64Array {
    const key = new Float64Array(count);
    let rank = 0;
    for (let item = this.head; item >= 0; item = this.next[item]!) key[item] = rank++;
    return key;
  }

  /** Link `item` in just before `before`, walking from `from` (or the head). */
  private insertBefore(item: number, before: number, from = -1): void {
    if (from < 0 && this.head === before) {
      this.next[item] = before;
      this.head = item;
      return;
    }
    let at = from < 0 ? this.head : from;
    while (this.next[at] !== before) at = this.next[at]!;
    this.next[item] = before;
    this.next[at] = item;
  }
}

/** One queue's items while the log is walked. */
class QueueBuilder {
  readonly job: number[] = [];
  readonly put: number[] = [];
  readonly leave: number[] = [];
  readonly key: number[] = [];
  readonly open = new Map<number, number>(); // job -> item index
  readonly openSentinels: number[] = [];
  readonly recorded: RecordedOrder | null;

  constructor(
    readonly order: ItemOrder,
    recorded: boolean,
  ) {
    this.recorded = recorded ? new RecordedOrder() : null;
  }

  build(): QueueItems {
    const key = this.recorded === null ? Float64Array.from(this.key) : this.recorded.keys(this.job.length);
    return { order: this.order, job: Int32Array.from(this.job), put: Int32Array.from(this.put), leave: Int32Array.from(this.leave), reach: runningMax(this.leave), key };
  }
}

/**
 * Walk the log once. A scenario's queue orders a PriorityQueue's items as
 * Python compares (priority, n) (`priorities`); a recorded program's queues
 * by where the recorder saw each item go.
 */
export function indexRun(log: EventLog, shape: RunShape, priorities: ArrayLike<number> | null, jobs: number): RunIndex {
  const recorded = shape.source === 'program';
  const queues = shape.queues.map((q) => new QueueBuilder(recorded ? 'key' : q.kind === 'priority' ? 'key' : q.kind === 'lifo' ? 'reverse' : 'put', recorded));
  const holding = new Map<number, number>(); // task -> job
  const lastFailure = new Map<number, number>(); // job -> index in failures
  const failures: { at: number; job: number; until: number }[] = [];
  const done = new OutcomeList();
  const dead = new OutcomeList();
  const deadJobs = new Set<number>();
  const standing = new Set<number>(); // jobs whose last attempt failed
  const dropped = new OutcomeList();
  let sentinels = 0;
  const leaveItem = (q: QueueBuilder, at: number, item: JobId, taker: number | null): void => {
    let index: number | undefined;
    if (item === SENTINEL) {
      // Sentinels are alike: which one leaves first does not change what is shown.
      if (q.recorded !== null) {
        index = q.recorded.first(q.openSentinels);
        if (index !== undefined) q.openSentinels.splice(q.openSentinels.indexOf(index), 1);
      } else index = q.order === 'reverse' ? q.openSentinels.pop() : q.openSentinels.shift();
    } else {
      index = q.open.get(item);
      q.open.delete(item);
    }
    if (index !== undefined) {
      q.leave[index] = at;
      q.recorded?.remove(index);
    }
    if (taker !== null && item !== SENTINEL) holding.set(taker, item);
  };
  for (let i = 0; i < log.length; i++) {
    if (!INDEXED_KINDS.has(log.kindAt(i))) continue;
    const event = log.at(i);
    switch (event.kind) {
      case 'queue.put': {
        const q = queues[event.queue];
        if (q === undefined) break;
        const index = q.job.length;
        const isSentinel = event.job === SENTINEL;
        const n = isSentinel ? jobs + ++sentinels : event.job;
        const priority = isSentinel ? 4 : (priorities?.[event.job - 1] ?? 0);
        q.job.push(event.job);
        q.put.push(i);
        q.leave.push(NEVER);
        q.key.push(q.order === 'key' ? priority * (jobs + 1e6) + n : q.order === 'reverse' ? -i : i);
        q.recorded?.add(index, event.position);
        if (isSentinel) q.openSentinels.push(index);
        else q.open.set(event.job, index);
        // A job passed on is no longer held by the task that got it.
        if (holding.get(event.task) === event.job) holding.delete(event.task);
        break;
      }
      case 'queue.get': {
        const q = queues[event.queue];
        if (q !== undefined) leaveItem(q, i, event.job, event.task);
        break;
      }
      case 'queue.drop': {
        const q = queues[event.queue];
        if (q !== undefined) leaveItem(q, i, event.job, null);
        dropped.add(i, event.job);
        break;
      }
      case 'sleep': {
        const failure = event.job > 0 ? lastFailure.get(event.job) : undefined;
        if (failure !== undefined) {
          failures[failure]!.until = i;
          lastFailure.delete(event.job);
          standing.delete(event.job);
        }
        break;
      }
      case 'job.failed':
        lastFailure.set(event.job, failures.push({ at: i, job: event.job, until: NEVER }) - 1);
        standing.add(event.job);
        break;
      case 'job.dead_letter':
        dead.add(i, event.job);
        deadJobs.add(event.job);
        lastFailure.delete(event.job);
        break;
      case 'queue.task_done': {
        const held = holding.get(event.task);
        holding.delete(event.task);
        if (held !== undefined && !standing.has(held) && !deadJobs.has(held)) done.add(i, held);
        break;
      }
      default:
        break;
    }
  }
  return {
    queues: queues.map((q) => q.build()),
    done: done.build(),
    deadLetters: dead.build(),
    dropped: dropped.build(),
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
 * How many items are in a queue after `cursor` events, and the first `limit`
 * in get() order. Only items put before the cursor and from the first one
 * still there are looked at (a million-job run's queue holds a handful).
 */
export function queueAt(items: QueueItems | undefined, cursor: number, limit: number): { length: number; items: JobId[]; at: number[] } {
  if (items === undefined) return { length: 0, items: [], at: [] };
  const { put, leave, reach, key } = items;
  const present: number[] = [];
  const end = firstAtLeast(put, cursor);
  for (let i = firstAtLeast(reach, cursor); i < end; i++) if (leave[i]! >= cursor) present.push(i);
  if (items.order === 'key') present.sort((a, b) => key[a]! - key[b]!);
  else if (items.order === 'reverse') present.reverse();
  const shown = present.slice(0, limit);
  return { length: present.length, items: shown.map((i) => items.job[i]!), at: shown };
}

/**
 * The name under which an item is drawn wherever it goes, so the picture can
 * glide it from the task that puts it to its slot to the task that gets it.
 * A job is its number; the `None`s are alike, so each is named by the task
 * that will take it out (known: the log is the whole run), or by its place.
 */
export function itemMotionKey(items: QueueItems, item: number, log: EventLog): string {
  const job = items.job[item]!;
  if (job !== SENTINEL) return `job-${job}`;
  const leave = items.leave[item]!;
  return leave < log.length ? sentinelMotionKey(log.at(leave).task) : `none-item-${item}`;
}

/** The `None` a task has taken (itemMotionKey's name for it). */
export function sentinelMotionKey(task: number): string {
  return `none-${task}`;
}

/** The item the put at event `at` added to this queue, or -1 (`put` is in event order). */
export function itemPutAt(items: QueueItems, at: number): number {
  const i = firstAtLeast(items.put, at);
  return items.put[i] === at ? i : -1;
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
