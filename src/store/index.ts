/** The store's one public door, for the UI. */
export { type LabActions, type LabState, type LabStore, SPEEDS, createLabStore } from './lab-store';
export { LAB_SETTING_NAMES, type LabSettingName, SETTING_RULES, checkSetting, settingValue } from './settings-rules';
export { jobLabel } from './messages';
export type { QueueView, TaskRole, TaskStatus, TaskView, ViewState } from './view-state';
export { SITE, SENTINEL, type JobId } from '../engine/index';
