import type { LabSettingName } from '../store/index';
import { useLab } from './lab-context';
import { SettingControl } from './SettingControl';

/** The knobs beside the stage: drag one and watch the picture change without moving the eyes. */
export const QUICK_SETTINGS: readonly LabSettingName[] = ['workers', 'maxsize', 'jobs'];

export function QuickSettings() {
  const ownProgram = useLab((s) => s.run.shape.source === 'program');
  return (
    <section className="panel settings quick-settings" aria-labelledby="quick-settings-title">
      <h2 id="quick-settings-title">Knobs</h2>
      {ownProgram && <p className="hint settings-note">Your program runs as you wrote it. These settings are for the lab&apos;s own program: changing one goes back to it.</p>}
      {QUICK_SETTINGS.map((name) => (
        <SettingControl key={name} name={name} />
      ))}
      <p className="hint">
        <a href="#more-settings-title">More settings</a>: queue kind, shutdown, failures, timing, seed.
      </p>
    </section>
  );
}
