import { useCallback } from 'react';
import { type JobId, itemLabel } from '../store/index';
import { useLab } from './lab-context';

/** What an item is called in the run shown: `process_item_3`, `None (a sentinel)`, or a recorded repr. */
export function useItemLabel(): (job: JobId) => string {
  const shape = useLab((s) => s.run.shape);
  return useCallback((job: JobId) => itemLabel(shape, job), [shape]);
}
