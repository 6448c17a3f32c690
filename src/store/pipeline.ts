import { type EventLog, coroutineOfLabel } from '../engine/index';

/** One column of the stage, left to right: the tasks of a step, or the queues between two steps. */
export type StageColumn = { readonly kind: 'tasks'; readonly tasks: readonly number[] } | { readonly kind: 'queues'; readonly queues: readonly number[] };

/**
 * Where everything stands on the stage, learned from what each task does in
 * the whole run: a task that puts into a queue stands on its left, one that
 * gets from it on its right, so a pipeline reads left to right (fetcher ->
 * urls -> parsers -> pages -> writer). The scenario's one queue is the same
 * rule's simplest case: producer, queue, workers.
 */
export interface StageLayout {
  readonly columns: readonly StageColumn[];
  /** Tasks that touch no queue (main, helpers): shown apart. */
  readonly others: readonly number[];
}

const cache = new WeakMap<EventLog, StageLayout>();

/** A layout computed elsewhere (a worker) for this log: later calls return it instead of walking the log. */
export function primeStageLayout(log: EventLog, layout: StageLayout): void {
  cache.set(log, layout);
}

/** Note that `task` uses `queue` (tasks outside any task, -1, stand nowhere). */
function note(table: Map<number, Set<number>>, task: number, queue: number): void {
  if (task < 0) return;
  let set = table.get(task);
  if (set === undefined) table.set(task, (set = new Set()));
  set.add(queue);
}

/**
 * A scenario's layout from its first events alone: its tasks are all created
 * at the start (main, then gather's producer and workers), and what each does
 * is known from its name, so a million-job run is not walked for it.
 */
function scenarioLayout(log: EventLog): StageLayout {
  const producers: number[] = [];
  const workers: number[] = [];
  const others: number[] = [];
  // main, the producer and up to 32 workers are created within the first few hundred events.
  for (let i = 0; i < Math.min(log.length, 1000); i++) {
    const event = log.at(i);
    if (event.kind !== 'task.create') continue;
    const role = coroutineOfLabel(event.name);
    (role === 'producer' ? producers : role === 'worker' ? workers : others).push(event.created);
  }
  return { columns: [{ kind: 'tasks', tasks: producers }, { kind: 'queues', queues: [0] }, { kind: 'tasks', tasks: workers }], others };
}

/** The layout of a finished run (memoized per log); `scenario`: an engine scenario's run, laid out by its tasks' names. */
export function stageLayout(log: EventLog, queueCount: number, scenario = false): StageLayout {
  const known = cache.get(log);
  if (known !== undefined) return known;
  if (scenario) {
    const layout = scenarioLayout(log);
    cache.set(log, layout);
    return layout;
  }
  const putsInto = new Map<number, Set<number>>();
  const getsFrom = new Map<number, Set<number>>();
  const tasks: number[] = [];
  for (let i = 0; i < log.length; i++) {
    const event = log.at(i);
    if (event.kind === 'task.create') tasks.push(event.created);
    else if (event.kind === 'queue.put' || event.kind === 'queue.put_wait') note(putsInto, event.task, event.queue);
    else if (event.kind === 'queue.get' || event.kind === 'queue.get_wait') note(getsFrom, event.task, event.queue);
    // Refused by a shut-down queue: it tried to get (or put) all the same.
    else if (event.kind === 'queue.refused') note(event.waiter === 'getter' ? getsFrom : putsInto, event.task, event.queue);
  }
  const rank = queueRanks(queueCount, putsInto, getsFrom);
  const columnOf = (task: number): number | null => {
    const got = [...(getsFrom.get(task) ?? [])];
    if (got.length > 0) return 2 * Math.max(...got.map((q) => rank[q]!)) + 2;
    const put = [...(putsInto.get(task) ?? [])];
    if (put.length > 0) return 2 * Math.min(...put.map((q) => rank[q]!));
    return null;
  };
  const byColumn = new Map<number, number[]>();
  const others: number[] = [];
  for (const task of tasks) {
    const column = columnOf(task);
    if (column === null) others.push(task);
    else byColumn.set(column, [...(byColumn.get(column) ?? []), task]);
  }
  for (let q = 0; q < queueCount; q++) {
    const column = 2 * rank[q]! + 1;
    byColumn.set(column, [...(byColumn.get(column) ?? []), q]);
  }
  const columns = [...byColumn.keys()].toSorted((a, b) => a - b).map((column): StageColumn => (column % 2 === 1 ? { kind: 'queues', queues: byColumn.get(column)! } : { kind: 'tasks', tasks: byColumn.get(column)! }));
  const layout = { columns, others };
  cache.set(log, layout);
  return layout;
}

/**
 * A queue's step in the pipeline: 0 when what feeds it comes from no queue,
 * else one more than the queues its feeders get from. A cycle (a task that
 * puts back into the queue it gets from) is cut by giving up after as many
 * rounds as there are queues.
 */
function queueRanks(queueCount: number, putsInto: ReadonlyMap<number, Set<number>>, getsFrom: ReadonlyMap<number, Set<number>>): number[] {
  const rank = Array.from({ length: queueCount }, () => 0);
  for (let round = 0; round < queueCount; round++) {
    let changed = false;
    for (const [task, targets] of putsInto) {
      const sources = [...(getsFrom.get(task) ?? [])];
      for (const target of targets) {
        const wanted = Math.max(0, ...sources.filter((s) => s !== target).map((s) => rank[s]! + 1));
        if (wanted > rank[target]!) {
          rank[target] = wanted;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return rank;
}
