import { type QueueKind, type ScenarioSettings, SENTINEL } from '../engine/index';

/** A queue of the run, as the picture names it. */
export interface RunQueue {
  /** The name the program binds it to (`urls`), or `Queue 1`, `Queue 2` when none was found. */
  readonly name: string;
  /** `Queue`, `PriorityQueue`, `LifoQueue`, or a program's own subclass. */
  readonly className: string;
  /** 0 or less: unbounded. */
  readonly maxsize: number;
  /** The order get() takes items in, as far as the index needs it. */
  readonly kind: QueueKind;
}

/**
 * What a run is made of besides its events: its queues, and what its items are
 * called. The engine's scenarios have one queue and jobs `process_item_n`; a
 * recorded program has any number of queues and items labelled by their repr.
 */
export interface RunShape {
  readonly source: 'scenario' | 'program';
  readonly queues: readonly RunQueue[];
  /** A recorded program's item labels (item n at index n, None at 0); null for a scenario's jobs. */
  readonly items: readonly string[] | null;
  /** A recorded program's task coroutines, by task number (`worker`); null for a scenario. */
  readonly coroutines: readonly string[] | null;
}

const CLASS_OF: Record<QueueKind, string> = { fifo: 'Queue', priority: 'PriorityQueue', lifo: 'LifoQueue' };

/** The scenario's one queue, bound to `queue` in the exported program. */
export function scenarioShape(settings: ScenarioSettings): RunShape {
  return { source: 'scenario', queues: [{ name: 'queue', className: CLASS_OF[settings.queue], maxsize: settings.maxsize, kind: settings.queue }], items: null, coroutines: null };
}

/** An item as the program would print it: `process_item_3`, `None`, a recorded repr. */
export function itemLabel(shape: RunShape, job: number): string {
  if (shape.items !== null) return shape.items[job] ?? `item ${job}`;
  return job === SENTINEL ? 'None (a sentinel)' : `process_item_${job}`;
}

/** A short text for an item's token: `#3`, `None`. */
export function itemToken(job: number): string {
  return job === SENTINEL ? 'None' : `#${job}`;
}
