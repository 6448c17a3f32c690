import type { TaskView } from './view-state';

/**
 * A picture's tasks, by task number, in chunks of 64: changing one task copies
 * its chunk and the list of chunks, not every task, so a program with
 * thousands of tasks folds in time proportional to its events (a flat array
 * copied per event would make it quadratic). Plain data, so a checkpoint
 * crosses to and from a Web Worker as it is.
 */
export interface TaskTable {
  readonly chunks: readonly (readonly TaskView[])[];
  readonly length: number;
}

const SHIFT = 6;
const CHUNK = 1 << SHIFT;

export const NO_TASKS: TaskTable = { chunks: [], length: 0 };

export function taskAt(table: TaskTable, id: number): TaskView | undefined {
  if (id < 0 || id >= table.length) return undefined;
  return table.chunks[id >>> SHIFT]?.[id & (CHUNK - 1)];
}

/** The table with task `id` set (a new table; the old one is unchanged). */
export function withTask(table: TaskTable, id: number, task: TaskView): TaskTable {
  const chunks = table.chunks.slice();
  const at = id >>> SHIFT;
  while (chunks.length <= at) chunks.push([]);
  const chunk = chunks[at]!.slice();
  chunk[id & (CHUNK - 1)] = task;
  chunks[at] = chunk;
  return { chunks, length: Math.max(table.length, id + 1) };
}

/** Every task, in task-number order (tasks not created yet are left out). */
export function allTasks(table: TaskTable): TaskView[] {
  return table.chunks.flat().filter((task): task is TaskView => task !== undefined);
}
