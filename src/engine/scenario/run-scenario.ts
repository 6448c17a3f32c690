import { EventLog } from '../event-log';
import { type RunStatus, type UnretrievedFailure, runMain } from '../runner';
import { labelled } from '../task';
import { type LineSink, Output } from './output';
import { type Plan, makePlan } from './plan';
import { scenarioMain } from './program';
import { MAIN_LABEL } from './roles';
import type { ScenarioSettings } from './settings';

export interface ScenarioRun {
  readonly settings: ScenarioSettings;
  readonly plan: Plan;
  /** Every line the program printed, in order (none when they went to `onLine`, or `keepLines` was false). */
  readonly lines: readonly string[];
  readonly status: RunStatus;
  /** Tasks that raised with nobody retrieving the exception (CPython logs them to stderr). */
  readonly unretrieved: readonly UnretrievedFailure[];
  /** The events, when recorded. */
  readonly log: EventLog | null;
  /** Virtual time when the run ended. */
  readonly endTime: number;
  readonly iterations: number;
}

export interface RunScenarioOptions {
  /** Keep the event log (the lab needs it; the CLI does not). */
  readonly record?: boolean;
  /** Stop a runaway run after this many loop iterations. */
  readonly maxIterations?: number;
  /** Progress, every 65,536 loop iterations: the virtual time reached. */
  readonly onProgress?: (t: number, iterations: number) => void;
  /** Each printed line as it is printed, instead of keeping them in `lines`. */
  readonly onLine?: LineSink;
  /** False: keep no `lines` (read them from the log, `log.lines`, which always has them). */
  readonly keepLines?: boolean;
}

/** The plan a run uses: the plan file's numbers, or drawn from the seed. */
export function planFor(settings: ScenarioSettings): Plan {
  return settings.plan ?? makePlan(settings.jobs, settings.seed, settings, settings.queue === 'priority');
}

/** Run the scenario on the engine: `asyncio.run(main())` on a virtual clock. */
export function runScenario(settings: ScenarioSettings, options: RunScenarioOptions = {}): ScenarioRun {
  const plan = planFor(settings);
  const out = new Output(settings.timePrefix, options.onLine ?? null, options.keepLines ?? true);
  const log = options.record === false ? null : new EventLog();
  const main = labelled(scenarioMain({ settings, plan, out, attempts: new Map() }), MAIN_LABEL);
  const { status, loop, unretrieved } = runMain(main, { log, maxIterations: options.maxIterations, onProgress: options.onProgress });
  return { settings, plan, lines: out.lines, status, unretrieved, log, endTime: loop.time(), iterations: loop.iteration };
}
