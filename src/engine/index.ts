/** The engine's one public door: what the store, the CLI and the tests may use. */
export { EventLog, type EventLogData, MAX_LINE, MAX_QUEUES, MAX_TASKS } from './event-log';
export { type TextList, TextTable } from './text-table';
export { doubled } from './typed-arrays';
export { type EventKind, type JobId, type LabEvent, type TaskOutcome, type WaiterKind, EVENT_KINDS, NO_JOB, SENTINEL, exhaustive } from './events';
export { EXIT_CODES, type PendingTask, type RunStatus, type RunResult, type RunOptions, type UnretrievedFailure, runMain } from './runner';
export { type Coroutine, coroutineOfLabel } from './scenario/roles';
export { describeError } from './task';
export { formatFixed, floatRepr, pyRound } from './python/format';
export { parsePyFloat, parsePyInt } from './python/literals';
export { PyRandom } from './python/random';
export { type ScenarioRun, type RunScenarioOptions, planFor, runScenario } from './scenario/run-scenario';
export { type ExportedProgram, exportScenario } from './scenario/export-python';
export type { LineSink } from './scenario/output';
export { exportThreads } from './scenario/export-threads';
export { type Plan, type Ranges, PRIORITY_RANGE, makePlan, parsePlan, planToJson } from './scenario/plan';
export {
  type OnError,
  type QueueKind,
  type ScenarioSettings,
  type Shutdown,
  DEFAULT_SETTINGS,
  LIMITS,
  ON_ERRORS,
  QUEUE_KINDS,
  SHUTDOWNS,
  settingsProblems,
} from './scenario/settings';
export { SITE, type Site } from './scenario/sites';
