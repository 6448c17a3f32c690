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
  return inChunks(table.chunks, table.length, id);
}

/** Task `id` of `length` tasks kept in `chunks`. */
function inChunks(chunks: TaskTable['chunks'], length: number, id: number): TaskView | undefined {
  if (id < 0 || id >= length) return undefined;
  return chunks[id >>> SHIFT]?.[id & (CHUNK - 1)];
}

/**
 * A table being changed by one fold: its list of chunks is copied when the
 * draft is made, each chunk the first time one of its tasks is set, and then
 * changed in place; `table()` hands the result over (the draft is not used
 * after). The table it started from is never changed.
 */
export class TaskTableDraft {
  private readonly chunks: (readonly TaskView[])[];
  private length: number;
  /** Which chunks this draft has copied (so may change). */
  private readonly own: boolean[] = [];

  constructor(from: TaskTable) {
    this.chunks = from.chunks.slice();
    this.length = from.length;
  }

  get(id: number): TaskView | undefined {
    return inChunks(this.chunks, this.length, id);
  }

  set(id: number, task: TaskView): void {
    const at = id >>> SHIFT;
    while (this.chunks.length <= at) {
      this.own[this.chunks.length] = true;
      this.chunks.push([]);
    }
    let chunk = this.chunks[at]! as TaskView[];
    if (this.own[at] !== true) {
      chunk = chunk.slice();
      this.chunks[at] = chunk;
      this.own[at] = true;
    }
    chunk[id & (CHUNK - 1)] = task;
    this.length = Math.max(this.length, id + 1);
  }

  table(): TaskTable {
    return { chunks: this.chunks, length: this.length };
  }
}

/** Every task, in task-number order (tasks not created yet are left out). */
export function allTasks(table: TaskTable): TaskView[] {
  return table.chunks.flat().filter((task): task is TaskView => task !== undefined);
}
