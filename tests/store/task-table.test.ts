import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_TASKS, type TaskTable, TaskTableDraft, allTasks, taskAt } from '../../src/store/task-table';
import type { TaskView } from '../../src/store/view-state';

const task = (id: number, label: string): TaskView => ({ id, label, role: 'worker', status: 'running', job: null, since: 0, until: null, error: null, stuck: null, awaiting: null });

describe('TaskTable', () => {
  it('behaves as an array written one task at a time, and never changes a table already made', () => {
    // Each batch is one draft (as a fold of several events is): set, read back, then handed over as a table.
    const write = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.string());
    fc.assert(
      fc.property(fc.array(fc.array(write, { minLength: 1, maxLength: 8 }), { maxLength: 40 }), (batches) => {
        const model: (TaskView | undefined)[] = [];
        const tables: [TaskTable, (TaskView | undefined)[]][] = [[NO_TASKS, []]];
        let table = NO_TASKS;
        for (const batch of batches) {
          const draft = new TaskTableDraft(table);
          for (const [id, label] of batch) {
            draft.set(id, task(id, label));
            model[id] = task(id, label);
            expect(draft.get(id)).toEqual(model[id]);
          }
          table = draft.table();
          tables.push([table, model.slice()]);
        }
        for (const [t, m] of tables) {
          expect(t.length).toBe(m.length);
          for (let id = -1; id <= m.length; id++) expect(taskAt(t, id)).toEqual(m[id]);
          expect(allTasks(t)).toEqual(m.filter((x) => x !== undefined));
        }
      }),
    );
  });

  it('survives a structured clone (checkpoints cross to and from a worker)', () => {
    const draft = new TaskTableDraft(NO_TASKS);
    for (let id = 0; id < 200; id++) draft.set(id, task(id, `Task-${id + 1}`));
    const copy = structuredClone(draft.table());
    expect(taskAt(copy, 150)?.label).toBe('Task-151');
    expect(allTasks(copy)).toHaveLength(200);
  });
});
