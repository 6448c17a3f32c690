import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/index';
import { computeRunData, createLabStore, fromRunData } from '../../src/store/index';

describe('the lab store', () => {
  it('steps forward and back through the same pictures', () => {
    const store = createLabStore();
    const { step, stepBack } = store.getState();
    for (let i = 0; i < 30; i++) step();
    const at30 = store.getState().view;
    step();
    step();
    stepBack();
    stepBack();
    expect(store.getState().view).toEqual(at30);
    expect(store.getState().view.cursor).toBe(30);
  });

  it('plays in virtual time and stops at the end with every line printed', () => {
    const store = createLabStore();
    store.getState().setSpeed(4);
    store.getState().play();
    for (let frame = 0; frame < 10_000 && store.getState().playing; frame++) store.getState().tick(1 / 60);
    const state = store.getState();
    expect(state.playing).toBe(false);
    expect(state.view.cursor).toBe(state.timeline.length);
    expect(state.view.printed).toBe(state.lines.length);
    expect(state.playTime).toBe(state.run.endTime);
  });

  it('re-runs on a setting change and keeps the same virtual time', () => {
    const store = createLabStore();
    store.getState().play();
    for (let frame = 0; frame < 180; frame++) store.getState().tick(1 / 60);
    store.getState().pause();
    const time = store.getState().playTime;
    store.getState().setSetting('maxsize', 1);
    const state = store.getState();
    expect(state.settings.maxsize).toBe(1);
    expect(state.playTime).toBe(time);
    expect(state.view.cursor).toBe(state.timeline.cursorAtTime(time));
    expect(state.lines.at(-1)).toMatch(/^Processed 20 jobs in ~\d+\.\d seconds with 3 workers$/);
  });

  it.each([
    ['workers', 0, 1, 'Workers must be from 1 to 32; using 1.'],
    ['workers', 99, 32, 'Workers must be from 1 to 32; using 32.'],
    ['maxsize', 2.5, 3, 'Queue maxsize must be a whole number; using 3.'],
    ['jobs', 'lots', DEFAULT_SETTINGS.jobs, 'Jobs: "lots" is not a number; using 20.'],
    ['seed', -4, 0, 'Seed must be from 0 to 2147483647; using 0.'],
  ] as const)('clamps %s=%j to %j and says so', (name, requested, value, notice) => {
    const store = createLabStore();
    store.getState().setSetting(name, requested);
    expect(Number(store.getState().settings[name])).toBe(value);
    expect(store.getState().notices).toEqual([notice]);
    store.getState().dismissNotices();
    expect(store.getState().notices).toEqual([]);
  });

  it("opens a large run's link at its event once the run arrives, and says so only if the event is past the run's end", () => {
    const settings = { ...DEFAULT_SETTINGS, jobs: 2500 };
    const computed = fromRunData(computeRunData(settings, () => {}));
    const length = computed.timeline.length;
    for (const [at, cursor, notices] of [
      [1000, 1000, []],
      [length + 5, length, [`Link parameter at: the run has ${length} events; showing the last one.`]],
    ] as const) {
      const store = createLabStore(settings, [], at);
      // Meanwhile the default run shows from its start, with no word about an event it does not have.
      expect(store.getState().computing).toMatchObject({ settings, at });
      expect(store.getState().view.cursor).toBe(0);
      expect(store.getState().notices).toEqual([]);
      store.getState().acceptRun(computed);
      expect(store.getState().settings).toEqual(settings);
      expect(store.getState().view.cursor).toBe(cursor);
      expect(store.getState().notices).toEqual(notices);
    }
  });
});
