import { SENTINEL, type JobId } from '../events';
import { PriorityStore, LifoStore, FifoStore, type ItemStore } from '../queue-stores';
import type { Output } from './output';
import type { Plan } from './plan';
import type { QueueKind, ScenarioSettings } from './settings';

/**
 * A queue item. FIFO and LIFO queues hold the job's name or `None`, here the
 * job number or null; a PriorityQueue holds `(priority, n, name)` tuples.
 */
export type Item = number | null | PriorityItem;

export interface PriorityItem {
  readonly priority: number;
  readonly n: number;
  readonly job: number | null;
}

/** The sentinels' priority in a PriorityQueue: after every job (jobs have 1 to 3). */
export const STOP = 4;

/** What the program's coroutines share: its settings, numbers, output and `attempts`. */
export interface ProgramContext {
  readonly settings: ScenarioSettings;
  readonly plan: Plan;
  readonly out: Output;
  /** `attempts[job]`: how many times process() has started the job. */
  readonly attempts: Map<number, number>;
}

/** Jobs are named `process_item_N`. Printed lines start from the prefix, so a line is built from fewer pieces (a million-line run joins them all). */
export const JOB_NAME_PREFIX = 'process_item_';
export const jobName = (job: number): string => `${JOB_NAME_PREFIX}${job}`;

export function jobOfItem(item: Item): JobId {
  if (item === null) return SENTINEL;
  if (typeof item === 'number') return item;
  return item.job ?? SENTINEL;
}

/** The job number inside an item, or null for a sentinel (`job is None`). */
export function unwrap(item: Item): number | null {
  return typeof item === 'object' && item !== null ? item.job : item;
}

/** Python's tuple comparison of `(priority, n, name)`; n is unique, so names never compare. */
function compareTuples(a: Item, b: Item): number {
  const x = a as PriorityItem;
  const y = b as PriorityItem;
  return x.priority - y.priority || x.n - y.n;
}

export function storeFor(kind: QueueKind): ItemStore<Item> {
  if (kind === 'priority') return new PriorityStore<Item>(compareTuples);
  if (kind === 'lifo') return new LifoStore<Item>();
  return new FifoStore<Item>();
}
