import { type EventLog, SENTINEL, coroutineOfLabel } from '../engine/index';

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
  /** Total time the producer spent blocked in put() on a full queue. */
  readonly producerBlocked: number;
  /** Per worker (by label): share of the elapsed time spent holding a job. */
  readonly utilization: readonly { readonly label: string; readonly busy: number }[];
  /** Little's law on the queue: L (mean length over time), lambda (arrivals per second), W (mean time in queue). */
  readonly little: { readonly L: number; readonly lambda: number; readonly W: number };
}

/**
 * Fold the first `cursor` events into the run's measures. Items (sentinels
 * included, since they occupy the queue too) are followed from put to get;
 * the time-average queue length is integrated separately, so L = lambda x W
 * is a real check: two computations meet.
 */
export function measureRun(log: EventLog, cursor: number, until: number): RunMetrics {
  const end = Math.min(cursor, log.length);
  const labels = new Map<number, string>();
  const enteredAt = new Map<string, number>(); // item key -> put time
  const holding = new Map<number, { job: number; since: number }>();
  const busy = new Map<number, number>();
  let queueArea = 0;
  let queueLength = 0;
  let lastT = 0;
  let arrivals = 0;
  let waitSum = 0;
  let waits = 0;
  let processingSum = 0;
  let processed = 0;
  let blockedSince: number | null = null;
  let producerBlocked = 0;
  let sentinelSeq = 0;
  const keyOf = (job: number, put: boolean): string => (job === SENTINEL ? `s${put ? sentinelSeq++ : sentinelSeq}` : `j${job}`);
  const sentinelQueue: string[] = [];
  for (let i = 0; i < end; i++) {
    const event = log.at(i);
    queueArea += queueLength * (event.t - lastT);
    lastT = event.t;
    switch (event.kind) {
      case 'task.create':
        labels.set(event.created, event.name);
        break;
      case 'queue.put': {
        const key = keyOf(event.job, true);
        if (event.job === SENTINEL) sentinelQueue.push(key);
        enteredAt.set(key, event.t);
        queueLength++;
        arrivals++;
        if (blockedSince !== null && coroutineOfLabel(labels.get(event.task) ?? '') === 'producer') {
          producerBlocked += event.t - blockedSince;
          blockedSince = null;
        }
        break;
      }
      case 'queue.put_wait':
        if (coroutineOfLabel(labels.get(event.task) ?? '') === 'producer') blockedSince = event.t;
        break;
      case 'queue.get':
      case 'queue.drop': {
        const key = event.job === SENTINEL ? sentinelQueue.shift() : `j${event.job}`;
        const since = key === undefined ? undefined : enteredAt.get(key);
        if (since !== undefined) {
          waitSum += event.t - since;
          waits++;
          enteredAt.delete(key!);
        }
        queueLength--;
        if (event.kind === 'queue.get' && event.job !== SENTINEL) holding.set(event.task, { job: event.job, since: event.t });
        break;
      }
      case 'queue.task_done': {
        const held = holding.get(event.task);
        if (held !== undefined) {
          holding.delete(event.task);
          processingSum += event.t - held.since;
          processed++;
          busy.set(event.task, (busy.get(event.task) ?? 0) + event.t - held.since);
        }
        break;
      }
      default:
        break;
    }
  }
  const elapsed = Math.max(until, lastT);
  queueArea += queueLength * (elapsed - lastT);
  if (blockedSince !== null) producerBlocked += elapsed - blockedSince;
  // Items still queued have waited until now: counting them keeps L = lambda W exact.
  for (const since of enteredAt.values()) {
    waitSum += elapsed - since;
    waits++;
  }
  for (const [task, held] of holding) busy.set(task, (busy.get(task) ?? 0) + elapsed - held.since);
  const utilization = [...labels]
    .filter(([, label]) => coroutineOfLabel(label) === 'worker')
    .map(([task, label]) => ({ label, busy: elapsed > 0 ? (busy.get(task) ?? 0) / elapsed : 0 }));
  return {
    elapsed,
    processed,
    throughput: elapsed > 0 ? processed / elapsed : 0,
    meanWait: waits > 0 ? waitSum / waits : 0,
    meanProcessing: processed > 0 ? processingSum / processed : 0,
    producerBlocked,
    utilization,
    little: { L: elapsed > 0 ? queueArea / elapsed : 0, lambda: elapsed > 0 ? arrivals / elapsed : 0, W: waits > 0 ? waitSum / waits : 0 },
  };
}
