import { m } from 'framer-motion';
import { type JobId, SENTINEL, itemToken } from '../store/index';
import { useFollowable, useLab } from './lab-context';
import { useItemLabel } from './use-item-label';

/**
 * One job, drawn wherever it is. The same `layoutId` in every panel makes
 * framer-motion glide it from producer to queue to worker to a tray.
 * Sentinels are all alike (None), so they get no layoutId.
 */
export function JobToken({ job, faded = false }: { job: JobId; faded?: boolean }) {
  const sentinel = job === SENTINEL;
  const priority = useLab((s) => (s.run.shape.source === 'scenario' && s.settings.queue === 'priority' && !sentinel ? s.run.priorities?.[job - 1] : undefined));
  const followable = useFollowable();
  const label = useItemLabel()(job);
  const title = priority === undefined ? label : `${label}, priority ${priority}`;
  const text = itemToken(job);
  return (
    <m.span
      layoutId={sentinel || !followable ? undefined : `job-${job}`}
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
