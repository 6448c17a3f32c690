import type { ViewState } from '../store/index';

/** About 2 ms of deserializing on the page per slice, for a run with a few dozen tasks. */
const CHECKPOINTS_PER_MESSAGE = 200;

/**
 * A run's checkpoints in the slices a worker posts them in, one message each:
 * thousands of small objects the page must deserialize one by one, so each
 * slice is read in a task of its own (run-worker.ts, python-worker.ts).
 */
export function* checkpointSlices(checkpoints: readonly ViewState[]): Generator<readonly ViewState[]> {
  for (let start = 0; start < checkpoints.length; start += CHECKPOINTS_PER_MESSAGE) yield checkpoints.slice(start, start + CHECKPOINTS_PER_MESSAGE);
}
