import { type ScenarioSettings, runScenario } from '../engine/index';
import { measureRun } from './metrics';

/** One run of a comparison: the setting that varies, and what came of it. */
export interface ComparedRun {
  readonly value: number;
  readonly elapsed: number;
  readonly throughput: number;
  readonly producerBlocked: number;
  readonly meanUtilization: number;
  readonly maxQueue: number;
  /** Queue length over time, as (t, length) steps: at most one point per 1/100 of the run. */
  readonly queueOverTime: readonly (readonly [number, number])[];
  readonly ending: string;
}

export type ComparedSetting = 'workers' | 'maxsize';

/** Worker counts and maxsize values a comparison tries by default. */
export const COMPARE_VALUES: Readonly<Record<ComparedSetting, readonly number[]>> = {
  workers: [1, 2, 3, 5, 10],
  maxsize: [1, 2, 5, 10, 0],
};

/** Far beyond what a million-job run needs (about 1.4 million iterations at 100 workers). */
const MAX_ITERATIONS = 50_000_000;

/** The same seed, run once per value of one setting: the course's "how does speed change?" answered by runs. */
export function compareRuns(settings: ScenarioSettings, setting: ComparedSetting, values: readonly number[] = COMPARE_VALUES[setting]): ComparedRun[] {
  return values.map((value) => compareRun(settings, setting, value));
}

/** One run of a comparison (the page computes each in a Web Worker: ui/compare-worker.ts). */
export function compareRun(settings: ScenarioSettings, setting: ComparedSetting, value: number): ComparedRun {
  // Only measures are read: the run keeps no printed lines of its own (see computeRun).
  const run = runScenario({ ...settings, [setting]: value }, { maxIterations: MAX_ITERATIONS, keepLines: false });
  const log = run.log!;
  const metrics = measureRun(log, log.length, run.endTime);
  let length = 0;
  let maxQueue = 0;
  const queueOverTime: [number, number][] = [[0, 0]];
  const step = run.endTime / 100;
  for (let i = 0; i < log.length; i++) {
    // Only the queue's length is followed: the other kinds are skipped without decoding them.
    const kind = log.kindAt(i);
    if (kind === 'queue.put') maxQueue = Math.max(maxQueue, ++length);
    else if (kind === 'queue.get' || kind === 'queue.drop') length--;
    else continue;
    const t = log.time(i);
    const last = queueOverTime[queueOverTime.length - 1]!;
    if (t - last[0] < step) queueOverTime[queueOverTime.length - 1] = [last[0], Math.max(last[1], length)];
    else queueOverTime.push([t, length]);
  }
  const utilizations = metrics.utilization.map((u) => u.busy);
  return {
    value,
    elapsed: run.endTime,
    throughput: metrics.throughput,
    producerBlocked: metrics.producerBlocked,
    meanUtilization: utilizations.length > 0 ? utilizations.reduce((a, b) => a + b, 0) / utilizations.length : 0,
    maxQueue,
    queueOverTime,
    ending: run.status.kind,
  };
}
