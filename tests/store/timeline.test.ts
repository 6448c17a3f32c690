import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, runScenario } from '../../src/engine/index';
import { applyEvent } from '../../src/store/fold';
import { indexRun, outcomesAt, queueAt } from '../../src/store/run-index';
import { scenarioShape } from '../../src/store/run-shape';
import { CHECKPOINT_EVERY, Timeline } from '../../src/store/timeline';
import { allTasks, taskAt } from '../../src/store/task-table';
import { INITIAL_VIEW, type ViewState } from '../../src/store/view-state';

function foldAll(settings = DEFAULT_SETTINGS): { views: ViewState[]; timeline: Timeline; run: ReturnType<typeof runScenario> } {
  const run = runScenario(settings);
  const views = [INITIAL_VIEW];
  for (const event of run.log!) views.push(applyEvent(views[views.length - 1]!, event));
  return { views, timeline: new Timeline(run.log!), run };
}

describe('folding the classic run', () => {
  it('ends with every job done, the queue empty and every task finished', () => {
    const { views, run } = foldAll();
    const end = views[views.length - 1]!;
    const index = indexRun(run.log!, scenarioShape(DEFAULT_SETTINGS), null, 20);
    expect(outcomesAt(index.done, run.log!.length, 100).recent.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(end.queues).toEqual([{ created: true, length: 0, unfinished: 0, getters: [], putters: [], joiners: [], shutDown: false }]);
    expect(end.printed).toBe(run.lines.length);
    expect(allTasks(end.tasks).map((t) => [t.label, t.status])).toEqual([
      ['main', 'done'],
      ['Producer', 'done'],
      ['Worker-1', 'done'],
      ['Worker-2', 'done'],
      ['Worker-3', 'done'],
    ]);
  });

  it("agrees with the engine's own queue size, item positions and unfinished count at every queue event", () => {
    const cases = [[0, 'fifo', 'sentinel'], [1, 'fifo', 'sentinel'], [5, 'fifo', 'sentinel'], [0, 'priority', 'sentinel'], [3, 'lifo', 'sentinel'], [0, 'lifo', 'sentinel'], [4, 'fifo', 'shutdown-immediate'], [0, 'priority', 'shutdown-immediate']] as const;
    for (const [maxsize, queue, shutdown] of cases) {
      const settings = { ...DEFAULT_SETTINGS, maxsize, queue, shutdown, workers: 2, jobs: 40 };
      const { views, run } = foldAll(settings);
      const index = indexRun(run.log!, scenarioShape(settings), run.plan.priorities, 40);
      for (const event of run.log!) {
        const view = views[event.seq + 1]!;
        const inQueue = queueAt(index.queues[0], event.seq + 1, 1000);
        expect(inQueue.length).toBe(view.queues[0]!.length);
        if (event.kind === 'queue.get' || event.kind === 'queue.put_wait' || event.kind === 'queue.get_wait') expect(view.queues[0]!.length).toBe(event.qsize);
        if (event.kind === 'queue.put') expect(inQueue.items[event.position]).toBe(event.job);
        if (event.kind === 'queue.put' || event.kind === 'queue.task_done') expect(view.queues[0]!.unfinished).toBe(event.unfinished);
        if (maxsize > 0) expect(view.queues[0]!.length).toBeLessThanOrEqual(maxsize);
        expect(view.t).toBeGreaterThanOrEqual(views[event.seq]!.t);
      }
    }
  });

  it('shows the producer blocked in put() while the queue is full', () => {
    const { views, run } = foldAll({ ...DEFAULT_SETTINGS, maxsize: 1, workers: 1 });
    const waits = [...run.log!].filter((e) => e.kind === 'queue.put_wait');
    expect(waits.length).toBeGreaterThan(0);
    for (const wait of waits) expect(views[wait.seq + 1]!.queues[0]!.length).toBe(1);
    // Blocked means in the putters line, until a get() wakes it (in the same instant).
    for (const view of views) {
      const producer = allTasks(view.tasks).find((t) => t.role === 'producer');
      expect(producer?.status === 'blocked-put').toBe(producer !== undefined && view.queues[0]!.putters.includes(producer.id));
    }
  });
});

describe('Timeline seeks', () => {
  it('gives the same picture as folding from the start, at any cursor, in any order', () => {
    const { views, timeline } = foldAll({ ...DEFAULT_SETTINGS, jobs: 120, workers: 4 });
    expect(timeline.length).toBeGreaterThan(3 * CHECKPOINT_EVERY);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: timeline.length + 5 }), { minLength: 1, maxLength: 20 }), (cursors) => {
        for (const cursor of cursors) {
          const clamped = Math.max(0, Math.min(cursor, timeline.length));
          expect(timeline.viewAt(cursor)).toEqual(views[clamped]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('viewAfter gives the same picture as viewAt from any picture before or after, and keeps the tasks no event touched', () => {
    const { views, timeline } = foldAll({ ...DEFAULT_SETTINGS, jobs: 120, workers: 4 });
    fc.assert(
      fc.property(fc.nat({ max: timeline.length }), fc.integer({ min: -300, max: 300 }), (from, step) => {
        const start = timeline.viewAt(from);
        const to = Math.max(0, Math.min(timeline.length, from + step));
        const after = timeline.viewAfter(start, to);
        expect(after).toEqual(views[to]);
        if (step >= 0 && step <= CHECKPOINT_EVERY) {
          // A task whose object changed had an event in between; the others are the same objects.
          const touched = new Set<number>();
          for (let i = from; i < to; i++) {
            const event = timeline.log.at(i);
            touched.add(event.task);
            if ('target' in event) touched.add(event.target);
            if (event.kind === 'task.create') touched.add(event.created);
          }
          for (const task of allTasks(start.tasks)) if (!touched.has(task.id)) expect(taskAt(after.tasks, task.id)).toBe(task);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('finds how many events have happened by a virtual time', () => {
    const { timeline, run } = foldAll();
    expect(timeline.cursorAtTime(-1)).toBe(0);
    expect(timeline.cursorAtTime(run.endTime)).toBe(timeline.length);
    const firstLater = run.log!.time(timeline.cursorAtTime(1.0));
    expect(firstLater).toBeGreaterThan(1.0);
    expect(run.log!.time(timeline.cursorAtTime(1.0) - 1)).toBeLessThanOrEqual(1.0);
  });
});
