import { useMemo } from 'react';
import { type JobId, SENTINEL, itemMotionKey, itemPutAt } from '../store/index';
import { useFollowable, useLab } from './lab-context';

export interface HeldItem {
  readonly job: JobId;
  /** The name the item is drawn under everywhere (itemMotionKey), so it glides between panels. */
  readonly motionKey: string;
}

/** The name of the item a task holds while it waits at a full queue's door (QueuePanel), so it glides there from the task's hand. */
export function atDoorMotionKey(task: number, job: JobId): string {
  return job === SENTINEL ? `none-door-${task}` : `job-${job}`;
}

/**
 * The item a task is about to put, when the next event is that put (or its
 * wait at a full queue's door): drawn in
 * the task's hand, so stepping the put glides it into its slot, and stepping
 * back glides it out again. Null otherwise, and while playing too fast to follow.
 */
export function useUpcomingPut(task: number): HeldItem | null {
  const followable = useFollowable();
  const at = useLab((s) => {
    const cursor = s.view.cursor;
    if (!followable || cursor >= s.timeline.length) return -1;
    const next = s.timeline.log.at(cursor);
    return (next.kind === 'queue.put' || next.kind === 'queue.put_wait') && next.task === task ? cursor : -1;
  });
  const log = useLab((s) => s.timeline.log);
  const index = useLab((s) => s.index);
  return useMemo(() => {
    if (at < 0) return null;
    const put = log.at(at);
    if (put.kind === 'queue.put_wait') return { job: put.job, motionKey: atDoorMotionKey(task, put.job) };
    if (put.kind !== 'queue.put') return null;
    const items = index.queues[put.queue];
    const item = items === undefined ? -1 : itemPutAt(items, at);
    return { job: put.job, motionKey: item < 0 ? `job-${put.job}` : itemMotionKey(items!, item, log) };
  }, [at, log, index, task]);
}
