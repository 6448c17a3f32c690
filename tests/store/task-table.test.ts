import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_TASKS, type TaskTable, allTasks, taskAt, withTask } from '../../src/store/task-table';
import type { TaskView } from '../../src/store/view-state';

const task = (id: number, label: string): TaskView => ({ id, label, role: 'worker', status: 'running', job: null, since: 0, until: null, error: null, stuck: null, awaiting: null });

describe('TaskTable', () => {
  it('behaves as an array written one task at a time, and never changes a table already made', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.string()), { maxLength: 120 }), (writes) => {
        const model: (TaskView | undefined)[] = [];
        const tables: [TaskTable, (TaskView | undefined)[]][] = [[NO_TASKS, []]];
        let table = NO_TASKS;
        for (const [id, label] of writes) {
          table = withTask(table, id, task(id, label));
          model[id] = task(id, label);
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
    let table = NO_TASKS;
    for (let id = 0; id < 200; id++) table = withTask(table, id, task(id, `Task-${id + 1}`));
    const copy = structuredClone(table);
    expect(taskAt(copy, 150)?.label).toBe('Task-151');
    expect(allTasks(copy)).toHaveLength(200);
  });
});
