/** The engine's one public door: what the store, the CLI and the tests may use. */
export { EventLog } from './event-log';
export { type EventKind, type JobId, type LabEvent, type TaskOutcome, type WaiterKind, EVENT_KINDS, NO_JOB, SENTINEL, exhaustive } from './events';
export { type PendingTask, type RunStatus, type RunResult, type RunOptions, runMain } from './runner';
export { formatFixed, floatRepr, pyRound } from './python/format';
export { parsePyFloat, parsePyInt } from './python/literals';
export { PyRandom } from './python/random';
export { type ClassicRun, type RunClassicOptions, planFor, runClassic } from './scenario/run-classic';
export { type ExportedProgram, exportClassic } from './scenario/export-classic';
export { type Plan, type Ranges, makePlan, parsePlan, planToJson } from './scenario/plan';
export { type ClassicSettings, DEFAULT_SETTINGS, LIMITS, settingsProblems } from './scenario/settings';
export { SITE, type Site } from './scenario/sites';
