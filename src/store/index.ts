/** The store's one public door, for the UI. */
export { type LabActions, type LabState, type LabStore, SPEEDS, createLabStore } from './lab-store';
export {
  type ChoiceRule,
  type JobsRule,
  LAB_SETTING_NAMES,
  type LabSettingName,
  type NumberRule,
  SETTING_RULES,
  type SettingRule,
  applySetting,
  settingValue,
} from './settings-rules';
export { type UrlState, formatUrlState, lessonSettings, parseUrlState } from './url-state';
export { type RunQueue, type RunShape, itemLabel, itemToken } from './run-shape';
export { type StageColumn, type StageLayout, stageLayout } from './pipeline';
export { computeRecordedRunData } from './recorded-run';
export { narrationOf } from './fold';
export type { QueueView, TaskRole, TaskStatus, TaskView, ViewState } from './view-state';
export { type TaskTable, allTasks, taskAt } from './task-table';
export { SITE, SENTINEL, type EventLog, type JobId, type ScenarioSettings } from '../engine/index';
export { type QueueLengthSeries, lengthAtTime, pointAtTime, queueLengthSeries, seriesEnvelope } from './series';
export { type RunMetrics, measureRun } from './metrics';
export { COMPARE_VALUES, type ComparedRun, type ComparedSetting, compareRun, compareRuns } from './compare';
export { LESSONS, type Lesson, type LessonGroup, lessonById } from './lessons/catalog';
export { type MasteryQuestion, masteryQuestionMakers } from './lessons/mastery';
export { exportThreads } from '../engine/index';
export { type CPythonComparison, type CPythonRun, type EndingComparison, type LineComparison, type RunEnding, type StuckTask, type LabResult, compareLines, compareWithCPython, describeEnding, engineEnding, exitStatusOf, printedLines, sameEnding } from './compare-output';
export { type QueueItems, type RunIndex, failedAt, itemMotionKey, itemPutAt, outcomesAt, queueAt, sentinelMotionKey } from './run-index';
export {
  type ComputePhase,
  type ComputedRun,
  type ComputedRunData,
  type RunFacts,
  computeRunData,
  fromRunData,
  isLargeRun,
  transferablesOf,
} from './computed-run';
