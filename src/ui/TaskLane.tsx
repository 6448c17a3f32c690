import { SENTINEL, type TaskView, sentinelMotionKey } from '../store/index';
import { JobToken } from './JobToken';
import { useFollowable, useLab } from './lab-context';
import { statusText } from './status-text';
import { useItemLabel } from './use-item-label';
import { type HeldItem, useUpcomingPut } from './use-upcoming-put';

function progressOf(task: TaskView, playTime: number): number | null {
  if (task.status !== 'sleeping' || task.job === null || task.job <= 0 || task.until === null || task.until <= task.since) return null;
  return Math.min(1, Math.max(0, (playTime - task.since) / (task.until - task.since)));
}

/** What a task has in hand: the item it is about to put, else the one it holds (a blocked putter's waits at the queue's door: QueuePanel). */
function heldBy(task: TaskView, upcoming: HeldItem | null): HeldItem | null {
  if (upcoming !== null) return upcoming;
  if (task.job === null || task.status === 'blocked-put') return null;
  return { job: task.job, motionKey: task.job === SENTINEL ? sentinelMotionKey(task.id) : `job-${task.job}` };
}

/** One task: its name, the item it holds, what it is doing, and a bar while it works on an item. */
export function TaskLane({ task }: { task: TaskView }) {
  const playTime = useLab((s) => s.playTime);
  const followable = useFollowable();
  const label = useItemLabel();
  const held = heldBy(task, useUpcomingPut(task.id));
  const progress = progressOf(task, playTime);
  return (
    <li className={`lane status-${task.status}`}>
      <span className="name">{task.label}</span>
      <span className="token-slot">{held !== null && <JobToken job={held.job} motionKey={held.motionKey} />}</span>
      <span className="status">{statusText(task, playTime, label, followable)}</span>
      {task.stuck !== null && <span className="stuck">Deadlock: waits forever in {task.stuck}</span>}
      {progress !== null && (
        // A scaled bar, not <progress>: a transform is composited, so moving it repaints nothing.
        <div className="bar" role="progressbar" aria-label={`${task.label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <div className="fill" style={{ transform: `scaleX(${progress})` }} />
        </div>
      )}
    </li>
  );
}
