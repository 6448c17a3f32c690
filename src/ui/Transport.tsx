import { SPEEDS } from '../store/index';
import { formatCount } from './format-number';
import { useLab, useLabActions } from './lab-context';
import { SHORTCUTS } from './use-shortcuts';

/** Play, pause, step, step back, restart, to the end, and speed. */
export function Transport() {
  const playing = useLab((s) => s.playing);
  const cursor = useLab((s) => s.view.cursor);
  const total = useLab((s) => s.timeline.length);
  const playTime = useLab((s) => s.playTime);
  const speed = useLab((s) => s.speed);
  const actions = useLabActions();
  const atStart = cursor === 0;
  const atEnd = cursor >= total;
  return (
    <section className="panel transport" aria-label="Playback">
      <div className="buttons">
        <button type="button" onClick={actions.restart} disabled={atStart} aria-keyshortcuts="Home">
          Restart
        </button>
        <button type="button" onClick={actions.stepBack} disabled={atStart} aria-keyshortcuts=",">
          Step back
        </button>
        <button type="button" className="primary" onClick={actions.togglePlay} aria-keyshortcuts="K">
          {playing ? 'Pause' : atEnd ? 'Replay' : 'Play'}
        </button>
        <button type="button" onClick={actions.step} disabled={atEnd} aria-keyshortcuts=".">
          Step
        </button>
        <button type="button" onClick={actions.toEnd} disabled={atEnd} aria-keyshortcuts="End">
          To end
        </button>
      </div>
      <p className="position" aria-live="off">
        Event <strong>{formatCount(cursor)}</strong> of {formatCount(total)} · t = <strong>{playTime.toFixed(2)}</strong> s
      </p>
      <label className="speed">
        Speed
        <select value={speed} onChange={(e) => actions.setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}× virtual time
            </option>
          ))}
        </select>
      </label>
      <p className="keys">
        Keys:{' '}
        {SHORTCUTS.map((s) => (
          <span key={s.keys}>
            <kbd>{s.keys}</kbd> {s.what}
          </span>
        ))}
      </p>
    </section>
  );
}
