import { useLab } from './lab-context';

/** How the program ends: shown once the cursor reaches the end (or the deadlock). */
export function RunOutcome() {
  const outcome = useLab((s) => s.outcome);
  const atEnd = useLab((s) => s.view.cursor >= s.timeline.length);
  if (!atEnd) return null;
  return (
    <p className={`outcome outcome-${outcome.kind}`} role="status" aria-label="How the run ends">
      <strong>{outcome.kind === 'returned' ? 'Finished. ' : outcome.kind === 'deadlock' ? 'Hangs forever. ' : outcome.kind === 'raised' ? 'Crashed. ' : 'Stopped. '}</strong>
      {outcome.text}
    </p>
  );
}
