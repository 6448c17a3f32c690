import type { TaskView } from '../store/index';
import { JobToken } from './JobToken';
import { useFollowable, useLab } from './lab-context';
import { statusText } from './status-text';

function progressOf(worker: TaskView, playTime: number): number | null {
  if (worker.status !== 'sleeping' || worker.until === null || worker.until <= worker.since) return null;
  return Math.min(1, Math.max(0, (playTime - worker.since) / (worker.until - worker.since)));
}

function WorkerLane({ worker }: { worker: TaskView }) {
  const playTime = useLab((s) => s.playTime);
  const followable = useFollowable();
  const progress = progressOf(worker, playTime);
  return (
    <li className={`lane status-${worker.status}`}>
      <span className="name">{worker.label}</span>
      <span className="token-slot">{worker.job !== null && <JobToken job={worker.job} />}</span>
      <span className="status">{statusText(worker, playTime, followable)}</span>
      {worker.stuck !== null && <span className="stuck">Deadlock: waits forever in {worker.stuck}</span>}
      {progress !== null && (
        // A scaled bar, not <progress>: a transform is composited, so moving it repaints nothing.
        <div className="bar" role="progressbar" aria-label={`${worker.label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <div className="fill" style={{ transform: `scaleX(${progress})` }} />
        </div>
      )}
    </li>
  );
}

export function WorkerLanes() {
  const tasks = useLab((s) => s.view.tasks);
  const workers = tasks.filter((t) => t.role === 'worker');
  return (
    <section className="panel workers" aria-labelledby="workers-title">
      <h2 id="workers-title">Workers</h2>
      {workers.length === 0 ? <p className="hint">Not started yet: asyncio.gather() creates them.</p> : <ul className={`lanes${workers.length > 8 ? ' compact' : ''}`}>{workers.map((w) => <WorkerLane key={w.id} worker={w} />)}</ul>}
    </section>
  );
}
