import { DEFAULT_SETTINGS, type ScenarioSettings } from '../engine/index';
import { lessonById } from './lessons/catalog';
import { LAB_SETTING_NAMES, type LabSettingName, RANGES, SETTING_RULES, applySetting, settingValue } from './settings-rules';

/** What a link says: the settings, the event to show (`at`), the lesson, and what was wrong with it. */
export interface UrlState {
  readonly settings: ScenarioSettings;
  readonly at: number | null;
  readonly lesson: string | null;
  readonly notices: readonly string[];
}

/** The other end of each range (settings-rules.ts RANGES): the setting whose value can move this one. */
const OTHER_END = new Map<LabSettingName, LabSettingName>(RANGES.flatMap(([low, high]) => [[low, high], [high, low]] as const));

const OPTION_TO_NAME = new Map<string, LabSettingName>(LAB_SETTING_NAMES.map((name) => [SETTING_RULES[name].option, name]));

/**
 * Read a link's query parameters (the UI decodes the URL; keys are the CLI's
 * long option names, plus `at`, the event index). Every bad or out-of-range
 * value becomes a notice naming it and the value used instead; the page never
 * fails on a link.
 */
export function parseUrlState(params: Readonly<Record<string, string>>): UrlState {
  const notices: string[] = [];
  for (const key of Object.keys(params)) {
    if (key !== 'at' && key !== 'lesson' && !OPTION_TO_NAME.has(key)) notices.push(`Unknown link parameter "${key}" was ignored.`);
  }
  // A lesson's preset first; the link's own settings then change it.
  let lesson: string | null = params['lesson'] ?? null;
  if (lesson !== null && lessonById(lesson) === undefined) {
    notices.push(`Link parameter lesson: there is no lesson "${lesson}"; showing the lab without one.`);
    lesson = null;
  }
  let settings = lessonSettings(lesson);
  // Apply in the controls' order, so `fail` is checked against the `jobs` of the same link.
  const taken = new Map<LabSettingName, string | number>();
  for (const name of LAB_SETTING_NAMES) {
    const raw = params[SETTING_RULES[name].option];
    if (raw === undefined) continue;
    const applied = applySetting(settings, name, raw);
    settings = applied.settings;
    if (applied.notice !== null) notices.push(`Link parameter ${SETTING_RULES[name].option}: ${applied.notice}`);
    taken.set(name, settingValue(settings, name));
  }
  // A later parameter can still move an earlier one (min-duration=5&max-duration=1 moves the shortest down to 1).
  for (const [name, value] of taken) {
    const now = settingValue(settings, name);
    if (now === value) continue;
    const other = OTHER_END.get(name);
    notices.push(`Link parameter ${SETTING_RULES[name].option}: ${value} does not fit with ${other === undefined ? 'the rest of the link' : SETTING_RULES[other].option}; using ${now}.`);
  }
  let at: number | null = null;
  const rawAt = params['at'];
  if (rawAt !== undefined) {
    const value = Number(rawAt);
    if (rawAt.trim() !== '' && Number.isSafeInteger(value) && value >= 0) at = value;
    else notices.push(`Link parameter at: "${rawAt}" is not an event number (0 or more); starting at event 0.`);
  }
  return { settings, at, lesson, notices };
}

/** The settings a lesson starts from (the classic exercise's without one). */
export function lessonSettings(lesson: string | null): ScenarioSettings {
  const preset = lesson === null ? undefined : lessonById(lesson);
  return preset === undefined ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, ...preset.settings };
}

/** The link parameters for these settings and cursor: only what differs from the lesson's (or default) settings. */
export function formatUrlState(settings: ScenarioSettings, at: number, lesson: string | null = null): Record<string, string> {
  const params: Record<string, string> = {};
  if (lesson !== null) params['lesson'] = lesson;
  const base = lessonSettings(lesson);
  for (const name of LAB_SETTING_NAMES) {
    const value = settingValue(settings, name);
    if (value !== settingValue(base, name)) params[SETTING_RULES[name].option] = String(value).replaceAll(' ', '');
  }
  if (at > 0) params['at'] = String(at);
  return params;
}
