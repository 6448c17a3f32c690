import { m } from 'framer-motion';
import { type JobId, SENTINEL, itemToken } from '../store/index';
import { useFollowable, useLab } from './lab-context';
import { useItemLabel } from './use-item-label';

/**
 * One item, drawn wherever it is. The same `layoutId` in every panel makes
 * framer-motion glide it from producer to queue to worker to a tray: a job's
 * is its number; a `None` has one only where the panel knows which None it is
 * (`motionKey`, from itemMotionKey), since the Nones are otherwise alike.
 */
export function JobToken({ job, faded = false, motionKey }: { job: JobId; faded?: boolean; motionKey?: string }) {
  const sentinel = job === SENTINEL;
  const priority = useLab((s) => (s.run.shape.source === 'scenario' && s.settings.queue === 'priority' && !sentinel ? s.run.priorities?.[job - 1] : undefined));
  const followable = useFollowable();
  const label = useItemLabel()(job);
  const title = priority === undefined ? label : `${label}, priority ${priority}`;
  const text = itemToken(job);
  return (
    <m.span
      layoutId={followable ? (motionKey ?? (sentinel ? undefined : `job-${job}`)) : undefined}
      layout={followable ? 'position' : false}
      className={`job${sentinel ? ' sentinel' : ''}${faded ? ' faded' : ''}${priority === undefined ? '' : ` priority-${priority}`}${text.length > 5 ? ' long' : ''}`}
      title={title}
      role="img"
      aria-label={title}
      transition={{ type: 'tween', duration: 0.25 }}
    >
      {text}
      {priority !== undefined && <sub aria-hidden="true">p{priority}</sub>}
    </m.span>
  );
}
