import { type EventLogData, EventLog, type ExportedProgram, type ScenarioRun, type ScenarioSettings, type TextList, exportScenario, runScenario } from '../engine/index';
import { type RunEnding, engineEnding } from './compare-output';
import { describeOutcome } from './messages';
import { type RunMetrics, measureRun } from './metrics';
import { type QueueLengthSeriesData, primeQueueLengthSeries, queueLengthSeries, seriesData } from './series';
import { type RunIndex, indexRun } from './run-index';
import { type StageLayout, primeStageLayout } from './pipeline';
import { type RunShape, scenarioShape } from './run-shape';
import { sourceAsProgram } from './source-program';
import { Timeline } from './timeline';
import type { ViewState } from './view-state';

/** How a run ends, in words. */
export interface Outcome {
  readonly kind: 'returned' | 'raised' | 'deadlock' | 'limit';
  readonly text: string;
}

/** What the page keeps of the engine's ScenarioRun besides its lines, log and ending (a large run's arrive from a worker as data). */
export interface RunFacts {
  readonly settings: ScenarioSettings;
  /** Jobs the producer puts (the plan's count). */
  readonly jobs: number;
  /** Job n's priority at n - 1, for a PriorityQueue; null when not drawn. */
  readonly priorities: ArrayLike<number> | null;
  /** Virtual time when the run ended. */
  readonly endTime: number;
  readonly iterations: number;
  /** Its queues and what its items are called. */
  readonly shape: RunShape;
}

const factsOf = (run: ScenarioRun): RunFacts => ({ settings: run.settings, jobs: run.plan.jobs, priorities: run.plan.priorities, endTime: run.endTime, iterations: run.iterations, shape: scenarioShape(run.settings) });

/** Everything the lab derives from one run of the settings. */
export interface ComputedRun {
  readonly run: RunFacts;
  /** Every line the program printed, in order. */
  readonly lines: TextList;
  readonly timeline: Timeline;
  readonly index: RunIndex;
  readonly program: ExportedProgram;
  readonly outcome: Outcome;
  /** How the run ends in the terms CPython reports, to compare with a real run. */
  readonly ending: RunEnding;
  /** A large run's measures over the whole run (live measures up to the cursor are for small runs). */
  readonly finalMetrics?: RunMetrics;
}

/** A large run's checkpoints: one every 4,096 events (a seek folds at most that many, a few milliseconds). */
export const LARGE_RUN_CHECKPOINTS = 4096;

/** Loop iterations before a run counts as runaway (the page's limit). */
const MAX_ITERATIONS = 50_000_000;

/** Runs this big are computed in a Web Worker, with progress, instead of on the page's thread. */
export function isLargeRun(settings: ScenarioSettings): boolean {
  return (settings.plan?.jobs ?? settings.jobs) > 2000;
}

/**
 * Printed lines are read from the log (log.lines): runs are made with
 * `keepLines: false`, so no second copy of every line is held through the run
 * (two million strings for a million jobs, which the garbage collector walked
 * again and again), and most lines are stored without being made.
 */
export function computeRun(settings: ScenarioSettings): ComputedRun {
  const run = runScenario(settings, { record: true, maxIterations: MAX_ITERATIONS, keepLines: false });
  const log = run.log!;
  const index = indexRun(log, scenarioShape(settings), run.plan.priorities, run.plan.jobs);
  const program = exportScenario(settings);
  return { run: factsOf(run), lines: log.lines, timeline: new Timeline(log), index, program, outcome: describeOutcome(run.status, run.endTime), ending: engineEnding(run, program), finalMetrics: undefined };
}

/**
 * A computed run as plain data that a worker can post back: typed arrays (the
 * log with its lines, the index, the series, the priorities: transferred, not
 * copied) and small objects (checkpoints, measures). Nothing in it is a list of
 * a million values; the checkpoints, a few thousand objects for a million
 * jobs, are the one part worth sending in slices (src/ui/run-worker.ts).
 */
export interface ComputedRunData {
  readonly run: RunFacts & { readonly priorities: Int32Array | null };
  readonly log: EventLogData;
  readonly index: RunIndex;
  readonly checkpoints: readonly ViewState[];
  readonly outcome: Outcome;
  readonly ending: RunEnding;
  /** The timeline chart's data and the whole run's measures: walks of the whole log, done here too. */
  readonly series: QueueLengthSeriesData;
  /** Null: the page measures the run up to the cursor itself (a recording small enough for that). */
  readonly metrics: RunMetrics | null;
  /** A recorded program's own source (its sites are its lines); null for a scenario, whose program is exported from its settings. */
  readonly source: string | null;
  /** A recorded program's stage layout (a walk of the whole log); null for a scenario, laid out by its tasks' names. */
  readonly layout: StageLayout | null;
}

export type ComputePhase = 'running' | 'indexing' | 'folding';

/** In a worker: run, index and fold the whole run; `progress` gets a phase and a fraction (0 to 1). */
export function computeRunData(settings: ScenarioSettings, progress: (phase: ComputePhase, fraction: number) => void): ComputedRunData {
  const jobs = settings.plan?.jobs ?? settings.jobs;
  // About six loop iterations per job: a guess good enough for a progress bar.
  const run = runScenario(settings, { record: true, maxIterations: MAX_ITERATIONS, keepLines: false, onProgress: (_t, iterations) => progress('running', Math.min(0.99, iterations / (6 * jobs + 1))) });
  progress('indexing', 0);
  const log = run.log!;
  const index = indexRun(log, scenarioShape(settings), run.plan.priorities, run.plan.jobs);
  const checkpoints = new Timeline(log, undefined, LARGE_RUN_CHECKPOINTS).allCheckpoints((fraction) => progress('folding', fraction));
  const { priorities } = run.plan;
  return {
    // Priorities as a typed array: a list of a million numbers would clone one by one.
    run: { ...factsOf(run), priorities: priorities === null ? null : Int32Array.from(priorities) },
    log: log.toData(),
    index,
    checkpoints,
    outcome: describeOutcome(run.status, run.endTime),
    ending: engineEnding(run, exportScenario(settings)),
    series: seriesData(queueLengthSeries(log)),
    metrics: measureRun(log, log.length, run.endTime),
    source: null,
    layout: null,
  };
}

/** The buffers to transfer with the data (each once: a transfer list may not repeat one). */
export function transferablesOf(data: ComputedRunData): ArrayBufferLike[] {
  const { run, index, series } = data;
  const items = index.queues.flatMap((q) => [q.job, q.put, q.leave, q.reach, q.key]);
  // Copied, the done list alone was 8 MB for a million jobs: 26-40 ms of the page's thread to read back.
  const outcomes = [index.done, index.deadLetters, index.dropped].flatMap((list) => [list.at, list.job]);
  const typed = [...(run.priorities === null ? [] : [run.priorities]), ...items, ...outcomes, series.length, series.cursor];
  return [...new Set([...EventLog.buffersOf(data.log), ...typed.map((array) => array.buffer)])];
}

/** On the page: the worker's data as a ComputedRun, without folding anything again. */
export function fromRunData(data: ComputedRunData): ComputedRun {
  const log = EventLog.fromData(data.log);
  primeQueueLengthSeries(log, data.series);
  if (data.layout !== null) primeStageLayout(log, data.layout);
  return {
    run: data.run,
    lines: log.lines,
    timeline: new Timeline(log, data.checkpoints, LARGE_RUN_CHECKPOINTS),
    index: data.index,
    program: data.source === null ? exportScenario(data.run.settings) : sourceAsProgram(data.source),
    outcome: data.outcome,
    ending: data.ending,
    finalMetrics: data.metrics ?? undefined,
  };
}
