import { formatCount } from './format-number';
import { useLab, useLabActions } from './lab-context';

const PHASES = { running: 'running the program', indexing: 'indexing the jobs', folding: 'preparing every moment for seeking' } as const;

/** Progress of a large run computed in the background; the current run stays usable meanwhile. */
export function ComputingBanner() {
  const computing = useLab((s) => s.computing);
  const { cancelComputing } = useLabActions();
  if (computing === null) return null;
  const jobs = computing.settings.plan?.jobs ?? computing.settings.jobs;
  return (
    <div className="panel computing" role="status" aria-label="Computing a large run">
      <p>
        Computing a run of {formatCount(jobs)} jobs in the background: {PHASES[computing.phase]} ({Math.round(computing.fraction * 100)}%). The run below stays usable.
      </p>
      <progress max={1} value={computing.fraction} aria-label="Progress" />
      <button type="button" onClick={() => cancelComputing()}>
        Cancel
      </button>
    </div>
  );
}
