import { type EventLogData, EventLog, type ExportedProgram, type ScenarioRun, type ScenarioSettings, exportScenario, runScenario } from '../engine/index';
import { describeOutcome } from './messages';
import { type RunMetrics, measureRun } from './metrics';
import { type QueueLengthSeries, primeQueueLengthSeries, queueLengthSeries } from './series';
import { type RunIndex, indexRun } from './run-index';
import { Timeline } from './timeline';
import type { ViewState } from './view-state';

/** How a run ends, in words. */
export interface Outcome {
  readonly kind: 'returned' | 'raised' | 'deadlock' | 'limit';
  readonly text: string;
}

/** Everything the lab derives from one run of the settings. */
export interface ComputedRun {
  readonly run: ScenarioRun;
  readonly timeline: Timeline;
  readonly index: RunIndex;
  readonly program: ExportedProgram;
  readonly outcome: Outcome;
  /** A large run's measures over the whole run (live measures up to the cursor are for small runs). */
  readonly finalMetrics?: RunMetrics;
}

/** A large run's checkpoints: one every 4,096 events (a seek folds at most that many, a few milliseconds). */
const LARGE_RUN_CHECKPOINTS = 4096;

/** Loop iterations before a run counts as runaway (the page's limit). */
const MAX_ITERATIONS = 50_000_000;

/** Runs this big are computed in a Web Worker, with progress, instead of on the page's thread. */
export function isLargeRun(settings: ScenarioSettings): boolean {
  return (settings.plan?.jobs ?? settings.jobs) > 2000;
}

export function computeRun(settings: ScenarioSettings): ComputedRun {
  const run = runScenario(settings, { record: true, maxIterations: MAX_ITERATIONS });
  const index = indexRun(run.log!, settings.queue, run.plan.priorities, run.plan.jobs);
  return { run, timeline: new Timeline(run.log!), index, program: exportScenario(settings), outcome: describeOutcome(run.status, run.endTime), finalMetrics: undefined };
}

/** A computed run as plain data (typed arrays, strings, plain objects) that a worker can post back. */
export interface ComputedRunData {
  readonly settings: ScenarioSettings;
  readonly run: Omit<ScenarioRun, 'log' | 'status' | 'unretrieved' | 'lines'> & { readonly status: { readonly kind: Outcome['kind'] } };
  /** The printed lines joined by newlines (none contains one): one string crosses threads far faster than 200,000. */
  readonly linesText: string;
  readonly log: EventLogData;
  readonly index: RunIndex;
  readonly checkpoints: readonly ViewState[];
  readonly outcome: Outcome;
  /** The timeline chart's data and the whole run's measures: walks of the whole log, done here too. */
  readonly series: QueueLengthSeries;
  readonly metrics: RunMetrics;
}

export type ComputePhase = 'running' | 'indexing' | 'folding';

/** In a worker: run, index and fold the whole run; `progress` gets a phase and a fraction (0 to 1). */
export function computeRunData(settings: ScenarioSettings, progress: (phase: ComputePhase, fraction: number) => void): ComputedRunData {
  const jobs = settings.plan?.jobs ?? settings.jobs;
  // About six loop iterations per job: a guess good enough for a progress bar.
  const run = runScenario(settings, { record: true, maxIterations: MAX_ITERATIONS, onProgress: (_t, iterations) => progress('running', Math.min(0.99, iterations / (6 * jobs + 1))) });
  progress('indexing', 0);
  const log = run.log!;
  const index = indexRun(log, settings.queue, run.plan.priorities, run.plan.jobs);
  const checkpoints = new Timeline(log, undefined, LARGE_RUN_CHECKPOINTS).allCheckpoints((fraction) => progress('folding', fraction));
  const { log: _log, status, unretrieved: _unretrieved, lines, ...rest } = run;
  const series = queueLengthSeries(log);
  const metrics = measureRun(log, log.length, run.endTime);
  return { settings, run: { ...rest, status: { kind: status.kind } }, linesText: lines.join('\n'), log: log.toData(), index, checkpoints, outcome: describeOutcome(status, run.endTime), series, metrics };
}

/**
 * The same data in three parts, each posted as its own message: the page
 * decodes one per task, so no single task blocks it for long. The plan's lists
 * travel as typed arrays (a list of 100,000 numbers clones one by one).
 */
export interface RunDataParts {
  readonly log: EventLogData;
  readonly linesText: string;
  readonly rest: Omit<ComputedRunData, 'log' | 'linesText' | 'run'> & {
    readonly run: Omit<ComputedRunData['run'], 'plan'>;
    readonly plan: { readonly jobs: number; readonly seed: bigint | null; readonly durations: Float64Array; readonly intervals: Float64Array; readonly priorities: Int32Array | null };
  };
}

export function splitRunData(data: ComputedRunData): RunDataParts {
  const { log, linesText, run, ...others } = data;
  const { plan, ...runRest } = run;
  const typedPlan = {
    jobs: plan.jobs,
    seed: plan.seed,
    durations: Float64Array.from(plan.durations),
    intervals: Float64Array.from(plan.intervals),
    priorities: plan.priorities === null ? null : Int32Array.from(plan.priorities),
  };
  return { log, linesText, rest: { ...others, run: runRest, plan: typedPlan } };
}

/** Part one on the page: the event log (its typed arrays were transferred; its strings are split here). */
export function restoreLog(data: EventLogData): EventLog {
  return EventLog.fromData(data);
}

/** Part two: the printed lines. */
export function restoreLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** Part three, with the first two: the ComputedRun, without folding anything again. */
export function assembleRun(log: EventLog, lines: string[], rest: RunDataParts['rest']): ComputedRun {
  primeQueueLengthSeries(log, rest.series);
  const plan = {
    ...rest.plan,
    durations: Array.from(rest.plan.durations),
    intervals: Array.from(rest.plan.intervals),
    priorities: rest.plan.priorities === null ? null : Array.from(rest.plan.priorities),
  };
  // status carries only its kind across threads (an exception object does not clone); the page reads `outcome`.
  const run = { ...rest.run, plan, lines, log, unretrieved: [] } as unknown as ScenarioRun;
  return { run, timeline: new Timeline(log, rest.checkpoints, LARGE_RUN_CHECKPOINTS), index: rest.index, program: exportScenario(rest.settings), outcome: rest.outcome, finalMetrics: rest.metrics };
}

/** On one thread (tests): the worker's data as a ComputedRun. */
export function fromRunData(data: ComputedRunData): ComputedRun {
  const parts = splitRunData(data);
  return assembleRun(restoreLog(parts.log), restoreLines(parts.linesText), parts.rest);
}
