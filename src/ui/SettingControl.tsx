import { useId } from 'react';
import { type LabSettingName, SETTING_RULES, settingValue } from '../store/index';
import { useLab, useLabActions } from './lab-context';

/** Fields that apply when the person is done typing: on blur or Enter. */
function commitOnEnter(apply: (value: string) => void) {
  return {
    onBlur: (e: React.FocusEvent<HTMLInputElement>) => apply(e.currentTarget.value),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') apply(e.currentTarget.value);
    },
  };
}

/** One labelled control for one setting: a slider, a select, or a field. */
export function SettingControl({ name }: { name: LabSettingName }) {
  const rule = SETTING_RULES[name];
  const value = useLab((s) => settingValue(s.settings, name));
  const { setSetting } = useLabActions();
  const id = useId();
  const hintId = `${id}-hint`;
  const apply = (raw: string | number): void => setSetting(name, raw);
  const hint = rule.hint === '' ? null : (
    <span id={hintId} className="hint">
      {rule.hint}
    </span>
  );
  const describedBy = rule.hint === '' ? undefined : hintId;
  if (rule.kind === 'choice') {
    return (
      <div className="setting">
        <label htmlFor={id}>{rule.label}</label>
        <select id={id} value={String(value)} aria-describedby={describedBy} onChange={(e) => apply(e.currentTarget.value)}>
          {rule.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {hint}
      </div>
    );
  }
  // Wide ranges (seed, jobs) are typed: a slider over a million values is no use.
  if (rule.kind === 'jobs' || rule.max - rule.min > 10_000) {
    return (
      <div className="setting">
        <label htmlFor={id}>{rule.label}</label>
        <input id={id} key={String(value)} type="text" inputMode={name === 'seed' ? 'numeric' : 'text'} defaultValue={String(value)} placeholder={rule.kind === 'jobs' ? 'none' : undefined} aria-describedby={describedBy} {...commitOnEnter(apply)} />
        {hint}
      </div>
    );
  }
  const shown = name === 'maxsize' && value === 0 ? '0 (unbounded)' : String(value);
  return (
    <div className="setting">
      <label htmlFor={id}>
        {rule.label} <output htmlFor={id}>{shown}</output>
      </label>
      <input id={id} type="range" min={rule.min} max={rule.max} step={rule.step} value={Number(value)} aria-describedby={describedBy} onChange={(e) => apply(e.currentTarget.valueAsNumber)} />
      {hint}
    </div>
  );
}
