import { type EventLog, type EventKind, doubled } from '../engine/index';

/**
 * The queue's length over virtual time, as a step function: point i holds from
 * `time(i)` until `time(i + 1)`. Point 0 is the empty queue at t = 0 before any
 * event; every other point is one event that changed the length, and
 * `cursor[i]` is the cursor just after it (that event's index + 1), so a chart
 * can map a point back to the event that made it. Typed arrays keep a
 * million-job run compact; a point's time is its event's, read from the log
 * (a column of its own was 16 MiB of a million-job run's page).
 */
export interface QueueLengthSeries extends QueueLengthSeriesData {
  /** Points in the series (at least 1: the empty queue at 0). */
  readonly points: number;
  /** When point `point` starts. */
  time(point: number): number;
  /** The first event at time `t` or later (the log's length if none): points made before it are the points before `t`. */
  firstEventAt(t: number): number;
}

/** The series as plain data, to send from a worker (the page pairs it with its log again: primeQueueLengthSeries). */
export interface QueueLengthSeriesData {
  readonly length: Int32Array;
  readonly cursor: Int32Array;
  /** The longest the queue got, for the y scale. */
  readonly maxLength: number;
  /** When it first got that long. */
  readonly maxAt: number;
  /** Time of the run's last event (0 for an empty log). */
  readonly lastTime: number;
}

/** How each kind changes the queue's length; kinds not listed leave it alone. */
const DELTA: Partial<Record<EventKind, number>> = { 'queue.put': 1, 'queue.get': -1, 'queue.drop': -1 };

// Derived from an immutable, finished log: one computation per run and queue, dropped with the run.
const cache = new WeakMap<EventLog, Map<number, QueueLengthSeries>>();

function cached(log: EventLog): Map<number, QueueLengthSeries> {
  let perQueue = cache.get(log);
  if (perQueue === undefined) {
    perQueue = new Map();
    cache.set(log, perQueue);
  }
  return perQueue;
}

/** A series computed elsewhere (a worker) for this log's queue 0: later calls return it instead of walking the log. */
export function primeQueueLengthSeries(log: EventLog, series: QueueLengthSeriesData): void {
  cached(log).set(0, withTimes(log, series));
}

/** The series' data alone, without its log (what a worker posts). */
export function seriesData({ length, cursor, maxLength, maxAt, lastTime }: QueueLengthSeries): QueueLengthSeriesData {
  return { length, cursor, maxLength, maxAt, lastTime };
}

function withTimes(log: EventLog, data: QueueLengthSeriesData): QueueLengthSeries {
  const { cursor } = data;
  return { ...data, points: cursor.length, time: (point) => (point === 0 ? 0 : log.time(cursor[point]! - 1)), firstEventAt: (t) => log.firstAtOrAfter(t) };
}

/** The series of queue `queue` (0: a scenario's one queue) in a finished run's log (memoized per log and queue). */
export function queueLengthSeries(log: EventLog, queue = 0): QueueLengthSeries {
  const known = cached(log).get(queue);
  if (known !== undefined) return known;
  // Grown by doubling rather than sized to the log: most events do not change the length.
  let length = new Int32Array(1024);
  let cursor = new Int32Array(1024);
  let count = 1;
  let current = 0;
  let maxLength = 0;
  let maxAt = 0;
  for (let i = 0; i < log.length; i++) {
    // Kinds that leave the length alone are skipped without decoding them.
    const delta = DELTA[log.kindAt(i)];
    if (delta === undefined) continue;
    const event = log.at(i);
    if (!('queue' in event) || event.queue !== queue) continue;
    if (count === length.length) {
      length = doubled(length);
      cursor = doubled(cursor);
    }
    current += delta;
    length[count] = current;
    cursor[count] = event.seq + 1;
    count++;
    if (current > maxLength) {
      maxLength = current;
      maxAt = event.t;
    }
  }
  const lastTime = log.length === 0 ? 0 : log.time(log.length - 1);
  const series = withTimes(log, { length: length.slice(0, count), cursor: cursor.slice(0, count), maxLength, maxAt, lastTime });
  cached(log).set(queue, series);
  return series;
}

/** Index of the last point at or before time `t` (0 before the first change). */
export function pointAtTime(series: QueueLengthSeries, t: number): number {
  let low = 1;
  let high = series.points;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (series.time(mid) <= t) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The queue's length once everything at time `t` has happened. */
export function lengthAtTime(series: QueueLengthSeries, t: number): number {
  return series.length[pointAtTime(series, t)]!;
}

/**
 * The series in `buckets` equal slices of [0, until]: the lowest and highest
 * length in each slice, including the length carried in from the slice before.
 * A chart a few hundred pixels wide draws this instead of millions of steps.
 */
export function seriesEnvelope(series: QueueLengthSeries, buckets: number, until: number): { low: Int32Array; high: Int32Array } {
  const low = new Int32Array(buckets);
  const high = new Int32Array(buckets);
  const width = until > 0 ? until / buckets : 1;
  let point = 0;
  let carried = 0;
  for (let b = 0; b < buckets; b++) {
    let lo = carried;
    let hi = carried;
    // The last slice takes everything left, so no point is lost to rounding.
    const end = b === buckets - 1 ? Infinity : (b + 1) * width;
    // Points before `end` are those made by events before the first event at `end`: one search a slice, not a time per point.
    // Point 0 (the empty queue at t = 0, made by no event) counts as made by event -1.
    const stop = end === Infinity ? Infinity : series.firstEventAt(end);
    while (point < series.points && series.cursor[point]! - 1 < stop) {
      const value = series.length[point++]!;
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
      carried = value;
    }
    low[b] = lo;
    high[b] = hi;
  }
  return { low, high };
}
