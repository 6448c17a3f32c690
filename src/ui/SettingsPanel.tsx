import { useId } from 'react';
import { LAB_SETTING_NAMES, type LabSettingName, SETTING_RULES, settingValue } from '../store/index';
import { useLab, useLabActions } from './lab-context';

/** One labelled control per setting: a slider, or a number field for the seed. */
function SettingControl({ name }: { name: LabSettingName }) {
  const rule = SETTING_RULES[name];
  const value = useLab((s) => settingValue(s.settings, name));
  const { setSetting } = useLabActions();
  const id = useId();
  const hintId = `${id}-hint`;
  if (name === 'seed') {
    return (
      <div className="setting">
        <label htmlFor={id}>{rule.label}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={rule.min}
          max={rule.max}
          step={1}
          defaultValue={value}
          key={value}
          aria-describedby={hintId}
          onBlur={(e) => setSetting(name, e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setSetting(name, e.currentTarget.value);
          }}
        />
        <span id={hintId} className="hint">
          {rule.hint}
        </span>
      </div>
    );
  }
  return (
    <div className="setting">
      <label htmlFor={id}>
        {rule.label} <output htmlFor={id}>{name === 'maxsize' && value === 0 ? '0 (unbounded)' : value}</output>
      </label>
      <input
        id={id}
        type="range"
        min={rule.min}
        max={rule.max}
        step={1}
        value={value}
        aria-describedby={hintId}
        onChange={(e) => setSetting(name, e.currentTarget.valueAsNumber)}
      />
      <span id={hintId} className="hint">
        {rule.hint}
      </span>
    </div>
  );
}

export function SettingsPanel() {
  const notices = useLab((s) => s.notices);
  const { dismissNotices } = useLabActions();
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {LAB_SETTING_NAMES.map((name) => (
        <SettingControl key={name} name={name} />
      ))}
      {notices.length > 0 && (
        <div className="notices" role="alert">
          <ul>
            {notices.map((notice, i) => (
              <li key={i}>{notice}</li>
            ))}
          </ul>
          <button type="button" onClick={dismissNotices}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
