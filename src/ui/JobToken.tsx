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
  const className = `job${sentinel ? ' sentinel' : ''}${faded ? ' faded' : ''}${priority === undefined ? '' : ` priority-${priority}`}${text.length > 5 ? ' long' : ''}`;
  const content = (
    <>
      {text}
      {priority !== undefined && <sub aria-hidden="true">p{priority}</sub>}
    </>
  );
  // Too fast to follow, a token does not glide: a plain span, not a motion component that would be set up, measured and torn down each time a job moves.
  if (!followable) {
    return (
      <span className={className} title={title} role="img" aria-label={title}>
        {content}
      </span>
    );
  }
  return (
    <m.span layoutId={motionKey ?? (sentinel ? undefined : `job-${job}`)} layout="position" className={className} title={title} role="img" aria-label={title} transition={{ type: 'tween', duration: 0.25 }}>
      {content}
    </m.span>
  );
}
