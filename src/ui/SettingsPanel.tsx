import type { LabSettingName } from '../store/index';
import { useLab, useLabActions } from './lab-context';
import { SettingControl } from './SettingControl';

const GROUPS: readonly { legend: string; names: readonly LabSettingName[] }[] = [
  { legend: 'Workload', names: ['jobs', 'workers', 'maxsize', 'queue'] },
  { legend: 'Stopping and failures', names: ['shutdown', 'onError', 'fail', 'flaky', 'retries'] },
  { legend: 'Timing', names: ['minDuration', 'maxDuration', 'minInterval', 'maxInterval', 'seed'] },
];

/** Every setting, grouped; messages about refused or adjusted values above them. */
export function SettingsPanel() {
  const notices = useLab((s) => s.notices);
  const ownProgram = useLab((s) => s.run.shape.source === 'program');
  const { dismissNotices } = useLabActions();
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
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
      {ownProgram && <p className="hint settings-note">Your program runs as you wrote it. These settings are for the lab&apos;s own program: changing one goes back to it.</p>}
      {GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          {group.names.map((name) => (
            <SettingControl key={name} name={name} />
          ))}
        </fieldset>
      ))}
    </section>
  );
}
