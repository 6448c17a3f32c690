import { motion } from 'framer-motion';
import { type JobId, SENTINEL, jobLabel } from '../store/index';

/**
 * One job, drawn wherever it is. The same `layoutId` in every panel makes
 * framer-motion glide it from producer to queue to worker to the done tray.
 * Sentinels are all alike (None), so they get no layoutId.
 */
export function JobToken({ job, faded = false }: { job: JobId; faded?: boolean }) {
  const sentinel = job === SENTINEL;
  return (
    <motion.span
      layoutId={sentinel ? undefined : `job-${job}`}
      layout="position"
      className={`job${sentinel ? ' sentinel' : ''}${faded ? ' faded' : ''}`}
      title={jobLabel(job)}
      transition={{ type: 'tween', duration: 0.25 }}
    >
      {sentinel ? 'None' : `#${job}`}
    </motion.span>
  );
}
