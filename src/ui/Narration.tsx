import { useMemo } from 'react';
import { narrationOf } from '../store/index';
import { useLab } from './lab-context';

/**
 * One sentence about the last event. Screen readers hear it when people step;
 * while playing it changes many times a second, so it is not announced then.
 */
export function Narration() {
  const view = useLab((s) => s.view);
  const log = useLab((s) => s.timeline.log);
  const shape = useLab((s) => s.run.shape);
  const playing = useLab((s) => s.playing);
  const narration = useMemo(() => narrationOf(view, log, shape), [view, log, shape]);
  return (
    <p className="narration" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
      {narration}
    </p>
  );
}
