import { type EventLog, SENTINEL, coroutineOfLabel } from '../engine/index';
import type { RunShape } from './run-shape';

/** Measures of a run up to some event, computed from its log alone. */
export interface RunMetrics {
  /** Virtual seconds covered. */
  readonly elapsed: number;
  /** Jobs whose work finished and whose task_done() was called. */
  readonly processed: number;
  /** processed / elapsed. */
  readonly throughput: number;
  /** Mean time a job spent waiting in the queue (put to get), over jobs got so far. */
  readonly meanWait: number;
  /** Mean time from get to task_done, over jobs finished so far. */
  readonly meanProcessing: number;
  /** Total time the producer (a recorded program: every task) spent blocked in put() on a full queue. */
  readonly producerBlocked: number;
  /** Per worker (a recorded program: per task that got items), by label: share of the elapsed time spent holding a job. */
  readonly utilization: readonly { readonly label: string; readonly busy: number }[];
  /** Little's law over all the queues together: L (mean items queued over time), lambda (arrivals per second), W (mean time in a queue). */
  readonly little: Little;
  /** Little's law for each queue, by queue number. */
  readonly queues: readonly Little[];
}

export interface Little {
  readonly L: number;
  readonly lambda: number;
  readonly W: number;
}

/** One queue's running sums: the area under its length, arrivals, and each item's time inside. */
class QueueSums {
  area = 0;
  length = 0;
  arrivals = 0;
  waitSum = 0;
  waits = 0;
  readonly enteredAt = new Map<number, number>(); // job -> put time (sentinels: the list below)
  readonly sentinels: number[] = [];

  enter(job: number, t: number): void {
    if (job === SENTINEL) this.sentinels.push(t);
    else this.enteredAt.set(job, t);
    this.length++;
    this.arrivals++;
  }

  /** Sentinels are alike: taking the oldest one's time keeps the sum of waits (the area) the same. */
  leave(job: number, t: number): void {
    const since = job === SENTINEL ? this.sentinels.shift() : this.enteredAt.get(job);
    if (job !== SENTINEL) this.enteredAt.delete(job);
    if (since !== undefined) {
      this.waitSum += t - since;
      this.waits++;
    }
    this.length--;
  }

  /** Items still queued have waited until now: counting them keeps L = lambda W exact. */
  close(elapsed: number): void {
    for (const since of [...this.enteredAt.values(), ...this.sentinels]) {
      this.waitSum += elapsed - since;
      this.waits++;
    }
  }

  little(elapsed: number): Little {
    return { L: elapsed > 0 ? this.area / elapsed : 0, lambda: elapsed > 0 ? this.arrivals / elapsed : 0, W: this.waits > 0 ? this.waitSum / this.waits : 0 };
  }
}


/**
 * Fold the first `cursor` events into the run's measures. Items (sentinels
 * included, since they occupy a queue too) are followed from put to get; the
 * time-average length of each queue is integrated separately, so L = lambda x W
 * is a real check: two computations meet. `shape` says whose blocked time and
 * utilization count: a scenario's producer and workers, or a recorded
 * program's tasks.
 */
export function measureRun(log: EventLog, cursor: number, until: number, shape: RunShape | null = null): RunMetrics {
  const end = Math.min(cursor, log.length);
  const scenario = shape === null || shape.source === 'scenario';
  const sums = Array.from({ length: shape?.queues.length ?? 1 }, () => new QueueSums());
  const labels = new Map<number, string>();
  const holding = new Map<number, { job: number; since: number }>();
  const busy = new Map<number, number>();
  const takers = new Set<number>();
  const blockedSince = new Map<number, number>();
  let lastT = 0;
  let processingSum = 0;
  let processed = 0;
  let producerBlocked = 0;
  const counts = (task: number): boolean => !scenario || coroutineOfLabel(labels.get(task) ?? '') === 'producer';
  const release = (task: number, t: number): { job: number; since: number } | undefined => {
    const held = holding.get(task);
    if (held === undefined) return undefined;
    holding.delete(task);
    busy.set(task, (busy.get(task) ?? 0) + t - held.since);
    return held;
  };
  for (let i = 0; i < end; i++) {
    const event = log.at(i);
    for (const q of sums) q.area += q.length * (event.t - lastT);
    lastT = event.t;
    switch (event.kind) {
      case 'task.create':
        labels.set(event.created, event.name);
        break;
      case 'queue.put': {
        sums[event.queue]?.enter(event.job, event.t);
        const since = blockedSince.get(event.task);
        if (since !== undefined) {
          producerBlocked += event.t - since;
          blockedSince.delete(event.task);
        }
        // A job passed on down a pipeline is no longer held by the task that got it.
        if (holding.get(event.task)?.job === event.job) release(event.task, event.t);
        break;
      }
      case 'queue.put_wait':
        if (counts(event.task)) blockedSince.set(event.task, event.t);
        break;
      case 'queue.get':
      case 'queue.drop':
        sums[event.queue]?.leave(event.job, event.t);
        if (event.kind === 'queue.get' && event.job !== SENTINEL) {
          release(event.task, event.t);
          holding.set(event.task, { job: event.job, since: event.t });
          takers.add(event.task);
        }
        break;
      case 'queue.task_done': {
        const held = release(event.task, event.t);
        if (held !== undefined) {
          processingSum += event.t - held.since;
          processed++;
        }
        break;
      }
      default:
        break;
    }
  }
  const elapsed = Math.max(until, lastT);
  for (const q of sums) {
    q.area += q.length * (elapsed - lastT);
    q.close(elapsed);
  }
  for (const since of blockedSince.values()) producerBlocked += elapsed - since;
  for (const [task, held] of holding) busy.set(task, (busy.get(task) ?? 0) + elapsed - held.since);
  const measured = scenario ? [...labels].filter(([, label]) => coroutineOfLabel(label) === 'worker') : [...labels].filter(([task]) => takers.has(task));
  const all = sums.reduce((total, q) => ({ area: total.area + q.area, arrivals: total.arrivals + q.arrivals, waitSum: total.waitSum + q.waitSum, waits: total.waits + q.waits }), { area: 0, arrivals: 0, waitSum: 0, waits: 0 });
  return {
    elapsed,
    processed,
    throughput: elapsed > 0 ? processed / elapsed : 0,
    meanWait: all.waits > 0 ? all.waitSum / all.waits : 0,
    meanProcessing: processed > 0 ? processingSum / processed : 0,
    producerBlocked,
    utilization: measured.map(([task, label]) => ({ label, busy: elapsed > 0 ? (busy.get(task) ?? 0) / elapsed : 0 })),
    little: { L: elapsed > 0 ? all.area / elapsed : 0, lambda: elapsed > 0 ? all.arrivals / elapsed : 0, W: all.waits > 0 ? all.waitSum / all.waits : 0 },
    queues: sums.map((q) => q.little(elapsed)),
  };
}
