import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, EventLog, runScenario } from '../../src/engine/index';
import { applyEvent, foldTo } from '../../src/store/fold';
import { INITIAL_VIEW, type ViewState } from '../../src/store/view-state';

/** Every picture of the log, one applyEvent at a time. */
function oneByOne(log: EventLog): ViewState[] {
  const views = [INITIAL_VIEW];
  for (let i = 0; i < log.length; i++) views.push(applyEvent(views[i]!, log.at(i)));
  return views;
}

/** A log of random events on `tasks` tasks (more than one chunk of 64) and two queues, well formed enough to fold. */
const randomLog = fc
  .record({
    tasks: fc.integer({ min: 1, max: 150 }),
    steps: fc.array(fc.tuple(fc.nat(12), fc.nat(1000), fc.nat(1)), { maxLength: 300 }),
  })
  .map(({ tasks, steps }) => {
    const log = new EventLog();
    for (let id = 0; id < tasks; id++) log.taskCreate(id - 1, 1, id, id === 0 ? 'main' : `Worker-${id}`);
    let t = 0;
    for (const [kind, n, which] of steps) {
      const task = n % tasks;
      log.setTime((t += which * 0.5));
      if (which === 0) log.place(0, 3);
      else log.place(1, 4);
      const actions = [
        () => log.put(task, 2, n, 0, n % 5),
        () => log.putWait(task, 2, n, 3),
        () => log.get(task, 2, n % 7 === 0 ? -1 : n, 0),
        () => log.getWait(task, 2, 0),
        () => log.wake(task, 2, (n * 7) % tasks, which === 0 ? 'getter' : 'putter'),
        () => log.taskDoneCall(task, 2, n % 4),
        () => log.joinWait(task, 2, 1),
        () => log.joinRelease(task, 2, (n * 3) % tasks),
        () => log.sleep(task, 2, n / 100, n),
        () => log.print(task, 2, `line ${n}`),
        () => log.taskStep(task, 2),
        () => log.taskAwait(task, 2, 'a future'),
        () => log.taskDone(task, 2, which === 0 ? 'returned' : 'raised', 'boom'),
      ];
      actions[kind]!();
    }
    return log;
  });

describe('foldTo', () => {
  it('gives the picture applyEvent gives one event at a time, and leaves the picture it starts from as it was', () => {
    fc.assert(
      fc.property(randomLog, fc.nat(), fc.nat(), (log, a, b) => {
        const views = oneByOne(log);
        const from = a % (log.length + 1);
        const to = from + (b % (log.length - from + 1));
        const start = views[from]!;
        const before = JSON.stringify(start);
        expect(foldTo(start, log, to)).toEqual(views[to]);
        expect(JSON.stringify(start)).toBe(before);
        // The pictures made one at a time are untouched too.
        expect(foldTo(views[from]!, log, log.length)).toEqual(views[log.length]);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with applyEvent over a whole classic run, from every 97th picture', () => {
    const log = runScenario({ ...DEFAULT_SETTINGS, workers: 5, jobs: 60 }).log!;
    const views = oneByOne(log);
    for (let from = 0; from < log.length; from += 97) expect(foldTo(views[from]!, log, Math.min(log.length, from + 300))).toEqual(views[Math.min(log.length, from + 300)]);
  });
});
