import { type ScenarioSettings, DEFAULT_SETTINGS } from '../engine/index';

/** The settings the page exposes, with the ranges its controls allow. */
export type LabSettingName = 'jobs' | 'workers' | 'maxsize' | 'seed';

export interface SettingRule {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** What the value means, for the control's description. */
  readonly hint: string;
}

export const SETTING_RULES: Readonly<Record<LabSettingName, SettingRule>> = {
  jobs: { label: 'Jobs', min: 0, max: 500, hint: 'how many jobs the producer puts' },
  workers: { label: 'Workers', min: 1, max: 32, hint: 'worker tasks taking jobs off the queue' },
  maxsize: { label: 'Queue maxsize', min: 0, max: 20, hint: '0 means unbounded' },
  seed: { label: 'Seed', min: 0, max: 2_147_483_647, hint: 'random.Random(seed) draws durations and intervals' },
};

export const LAB_SETTING_NAMES = Object.keys(SETTING_RULES) as LabSettingName[];

/** A value for a setting, made valid, and what was wrong with the value asked for. */
export interface Checked {
  readonly value: number;
  readonly notice: string | null;
}

/** Clamp a requested value into its range; never throws, always says what it changed. */
export function checkSetting(name: LabSettingName, requested: number | string): Checked {
  const rule = SETTING_RULES[name];
  const fallback = Number(DEFAULT_SETTINGS[name]);
  const asNumber = typeof requested === 'number' ? requested : requested.trim() === '' ? Number.NaN : Number(requested);
  if (!Number.isFinite(asNumber)) {
    return { value: fallback, notice: `${rule.label}: "${String(requested)}" is not a number; using ${fallback}.` };
  }
  const whole = Math.round(asNumber);
  const value = Math.min(rule.max, Math.max(rule.min, whole));
  if (value !== asNumber) {
    const why = whole !== asNumber ? 'must be a whole number' : `must be from ${rule.min} to ${rule.max}`;
    return { value, notice: `${rule.label} ${why}; using ${value}.` };
  }
  return { value, notice: null };
}

export function withSetting(settings: ScenarioSettings, name: LabSettingName, value: number): ScenarioSettings {
  return name === 'seed' ? { ...settings, seed: BigInt(value) } : { ...settings, [name]: value };
}

export function settingValue(settings: ScenarioSettings, name: LabSettingName): number {
  return Number(settings[name]);
}
