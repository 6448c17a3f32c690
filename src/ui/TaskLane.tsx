import { memo } from 'react';
import { SENTINEL, type TaskView, sentinelMotionKey } from '../store/index';
import { JobToken } from './JobToken';
import { useFollowable, useLab } from './lab-context';
import { statusText } from './status-text';
import { useItemLabel } from './use-item-label';
import { type HeldItem, useUpcomingPut } from './use-upcoming-put';

/** Whether the task works on an item: asleep holding a job with a known end (its bar runs meanwhile). */
function isWorking(task: TaskView): boolean {
  return task.status === 'sleeping' && task.job !== null && task.job > 0 && task.until !== null && task.until > task.since;
}

/** Statuses whose text counts the seconds waited (statusText's `waited`). */
const COUNTS_WAIT = new Set<TaskView['status']>(['waiting-get', 'blocked-put', 'waiting-join', 'waiting']);

/** What a task has in hand: the item it is about to put, else the one it holds (a blocked putter's waits at the queue's door: QueuePanel). */
function heldBy(task: TaskView, upcoming: HeldItem | null): HeldItem | null {
  if (upcoming !== null) return upcoming;
  if (task.job === null || task.status === 'blocked-put') return null;
  return { job: task.job, motionKey: task.job === SENTINEL ? sentinelMotionKey(task.id) : `job-${task.job}` };
}

/**
 * One task: its name, the item it holds, what it is doing, and a bar while it
 * works on an item. The lane follows the clock only while its text counts
 * seconds waited; the bar follows it on its own, so a frame of playback
 * redraws 32 bars rather than 32 lanes with their tokens. Memoized: a task's
 * view keeps its identity until one of its own events (task-table.ts), so a
 * frame redraws the lanes whose tasks changed.
 */
export const TaskLane = memo(function TaskLane({ task }: { task: TaskView }) {
  const followable = useFollowable();
  const counting = followable && COUNTS_WAIT.has(task.status);
  const playTime = useLab((s) => (counting ? s.playTime : 0));
  const label = useItemLabel();
  const held = heldBy(task, useUpcomingPut(task.id));
  return (
    <li className={`lane status-${task.status}`}>
      <span className="name">{task.label}</span>
      <span className="token-slot">{held !== null && <JobToken job={held.job} motionKey={held.motionKey} />}</span>
      <span className="status">{statusText(task, playTime, label, counting)}</span>
      {task.stuck !== null && <span className="stuck">Deadlock: waits forever in {task.stuck}</span>}
      <WorkBar task={task} working={isWorking(task)} />
    </li>
  );
});

/**
 * How far the task is through its item, as a bar; hidden, keeping its room,
 * while the task is not working (a lane that grew and shrank as its task
 * started and finished items moved everything under it, every frame at 16x).
 * Always the same two elements: a bar swapped for an idle placeholder at every
 * start and end of an item removed and inserted elements in some lane nearly
 * every frame at 16x (46 a second, traced), each a layout of the lane. Only a
 * working bar follows the clock.
 */
function WorkBar({ task, working }: { task: TaskView; working: boolean }) {
  const playTime = useLab((s) => (working ? s.playTime : 0));
  if (!working) {
    return (
      <div className="bar idle" aria-hidden="true">
        <div className="fill" style={IDLE_FILL} />
      </div>
    );
  }
  const progress = Math.min(1, Math.max(0, (playTime - task.since) / (task.until! - task.since)));
  return (
    // A scaled bar, not <progress>: a transform is composited, so moving it repaints nothing.
    <div className="bar" role="progressbar" aria-label={`${task.label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
      <div className="fill" style={{ transform: `scaleX(${progress})` }} />
    </div>
  );
}

const IDLE_FILL = { transform: 'scaleX(0)' };
