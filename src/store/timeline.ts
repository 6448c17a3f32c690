import type { EventLog } from '../engine/index';
import { foldTo } from './fold';
import { INITIAL_VIEW, type ViewState } from './view-state';

/** A checkpoint every this many events bounds a seek to that many folds. */
export const CHECKPOINT_EVERY = 256;

/**
 * A run's events with checkpoints of the folded picture. Seeking restores the
 * nearest checkpoint at or before the target and folds forward: no inverse
 * operations, so going back is exactly as correct as going forward.
 */
export class Timeline {
  private readonly checkpoints: ViewState[];

  /**
   * `checkpoints`, when given, are those of an earlier `allCheckpoints()` for the
   * same log (from a worker) taken every `every` events: a large run sends fewer,
   * so its picture crosses threads quickly, and a seek folds at most `every` events.
   */
  constructor(
    readonly log: EventLog,
    checkpoints: readonly ViewState[] = [INITIAL_VIEW],
    private readonly every: number = CHECKPOINT_EVERY,
  ) {
    this.checkpoints = [...checkpoints];
  }

  /** Fold the whole run once, so every later seek folds at most CHECKPOINT_EVERY events. */
  allCheckpoints(onProgress?: (fraction: number) => void): readonly ViewState[] {
    const last = Math.floor(this.log.length / this.every);
    for (let step = this.checkpoints.length; step <= last; step += 256) {
      this.extendCheckpointsTo(Math.min(last, step + 255) * this.every);
      onProgress?.(Math.min(1, (step + 256) / (last + 1)));
    }
    return this.checkpoints;
  }

  get length(): number {
    return this.log.length;
  }

  /** The picture after the first `cursor` events (clamped to the run). */
  viewAt(cursor: number): ViewState {
    const target = Math.max(0, Math.min(cursor, this.log.length));
    this.extendCheckpointsTo(target);
    return foldTo(this.checkpoints[Math.floor(target / this.every)]!, this.log, target);
  }

  /**
   * The picture after `cursor` events, folded on from `from` (a picture of
   * this run) when the cursor is ahead of it by at most a checkpoint's span,
   * else as viewAt: the same picture either way. Playback moves a few events
   * a frame; folding from the checkpoint each frame refolded up to 255 and
   * gave every task those touched a new object, so its lane was drawn again.
   */
  viewAfter(from: ViewState, cursor: number): ViewState {
    const target = Math.max(0, Math.min(cursor, this.log.length));
    if (from.cursor <= target && target - from.cursor <= this.every) return foldTo(from, this.log, target);
    return this.viewAt(target);
  }

  /** The number of events that have happened by virtual time `t`. */
  cursorAtTime(t: number): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.log.time(mid) <= t) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private extendCheckpointsTo(target: number): void {
    const needed = Math.floor(target / this.every);
    while (this.checkpoints.length <= needed) {
      const next = this.checkpoints.length * this.every;
      this.checkpoints.push(foldTo(this.checkpoints[this.checkpoints.length - 1]!, this.log, next));
    }
  }
}
