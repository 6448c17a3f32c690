import { useLab } from './lab-context';

/**
 * One sentence about the last event. Screen readers hear it when people step;
 * while playing it changes many times a second, so it is not announced then.
 */
export function Narration() {
  const narration = useLab((s) => s.view.narration);
  const playing = useLab((s) => s.playing);
  return (
    <p className="narration" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
      {narration}
    </p>
  );
}
