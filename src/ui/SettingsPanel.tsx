import type { LabSettingName } from '../store/index';
import { SettingControl } from './SettingControl';

/** Every setting not among the knobs beside the stage (QuickSettings), grouped. */
const GROUPS: readonly { legend: string; names: readonly LabSettingName[] }[] = [
  { legend: 'Queue and shutdown', names: ['queue', 'shutdown'] },
  { legend: 'Failures', names: ['onError', 'fail', 'flaky', 'retries'] },
  { legend: 'Timing', names: ['minDuration', 'maxDuration', 'minInterval', 'maxInterval', 'seed'] },
];

export function SettingsPanel() {
  return (
    <section className="panel settings more-settings" aria-labelledby="more-settings-title">
      <h2 id="more-settings-title">More settings</h2>
      <div className="settings-groups">
        {GROUPS.map((group) => (
          <fieldset key={group.legend}>
            <legend>{group.legend}</legend>
            {group.names.map((name) => (
              <SettingControl key={name} name={name} />
            ))}
          </fieldset>
        ))}
      </div>
    </section>
  );
}
