import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type LabEvent, type ScenarioSettings, runScenario } from '../../src/engine/index';
import { lengthAtTime, pointAtTime, queueLengthSeries, seriesEnvelope } from '../../src/store/series';
import { Timeline } from '../../src/store/timeline';

/** The test's own reading of the events: what each one does to the queue's length. */
function change(event: LabEvent): number {
  switch (event.kind) {
    case 'queue.put':
      return 1;
    case 'queue.get':
    case 'queue.drop':
      return -1;
    default:
      return 0;
  }
}

/** Folds the log by hand: the length after every event, and the events that changed it. */
function foldLengths(settings: ScenarioSettings) {
  const run = runScenario(settings);
  const log = run.log!;
  const after: number[] = [];
  const changes: LabEvent[] = [];
  let length = 0;
  for (const event of log) {
    length += change(event);
    after.push(length);
    if (change(event) !== 0) changes.push(event);
  }
  return { run, log, after, changes };
}

const CASES: [string, ScenarioSettings][] = [
  ['maxsize 1', { ...DEFAULT_SETTINGS, maxsize: 1 }],
  ['the default (maxsize 5)', DEFAULT_SETTINGS],
  ['unbounded', { ...DEFAULT_SETTINGS, maxsize: 0 }],
  ['unbounded, slow workers', { ...DEFAULT_SETTINGS, maxsize: 0, workers: 1, jobs: 60 }],
  ['shutdown(immediate=True), which drops items', { ...DEFAULT_SETTINGS, maxsize: 0, workers: 1, shutdown: 'shutdown-immediate' }],
];

describe('queueLengthSeries', () => {
  it.each(CASES)('has one point per length-changing event, matching a hand fold (%s)', (_name, settings) => {
    const { log, after, changes } = foldLengths(settings);
    const series = queueLengthSeries(log);
    expect(changes.length).toBeGreaterThan(0);
    expect(series.points).toBe(changes.length + 1);
    expect([series.time(0), series.length[0], series.cursor[0]]).toEqual([0, 0, 0]);
    changes.forEach((event, i) => {
      expect(series.cursor[i + 1]).toBe(event.seq + 1);
      expect(series.time(i + 1)).toBe(event.t);
      expect(series.length[i + 1]).toBe(after[event.seq]);
      // The engine's own qsize, recorded after a get(), agrees.
      if (event.kind === 'queue.get') expect(series.length[i + 1]).toBe(event.qsize);
    });
    expect(series.maxLength).toBe(Math.max(0, ...after));
    expect(series.maxAt).toBe(log.time(after.indexOf(series.maxLength)));
    expect(series.lastTime).toBe(log.time(log.length - 1));
  });

  it.each(CASES)('stays within 0..maxsize, and time never goes back (%s)', (_name, settings) => {
    const series = queueLengthSeries(foldLengths(settings).log);
    for (let i = 0; i < series.points; i++) {
      expect(series.length[i]).toBeGreaterThanOrEqual(0);
      if (settings.maxsize > 0) expect(series.length[i]).toBeLessThanOrEqual(settings.maxsize);
      if (i > 0) expect(series.time(i)).toBeGreaterThanOrEqual(series.time(i - 1));
    }
  });

  it('fills a bounded queue to maxsize and lets an unbounded one grow past it', () => {
    expect(queueLengthSeries(foldLengths({ ...DEFAULT_SETTINGS, maxsize: 1 }).log).maxLength).toBe(1);
    expect(queueLengthSeries(foldLengths({ ...DEFAULT_SETTINGS, maxsize: 0, workers: 1, jobs: 60 }).log).maxLength).toBeGreaterThan(5);
  });

  it('counts the items shutdown(immediate=True) drops, ending empty', () => {
    const { log, changes } = foldLengths(CASES[4]![1]);
    const series = queueLengthSeries(log);
    expect(changes.filter((e) => e.kind === 'queue.drop').length).toBeGreaterThan(0);
    expect(series.length[series.length.length - 1]).toBe(0);
  });

  it('is computed once per log', () => {
    const { log } = foldLengths(DEFAULT_SETTINGS);
    expect(queueLengthSeries(log)).toBe(queueLengthSeries(log));
    expect(queueLengthSeries(foldLengths(DEFAULT_SETTINGS).log)).not.toBe(queueLengthSeries(log));
  });

  it('answers the length at any time, agreeing with Timeline.cursorAtTime', () => {
    const { run, log, after } = foldLengths({ ...DEFAULT_SETTINGS, maxsize: 0, workers: 2, jobs: 40 });
    const series = queueLengthSeries(log);
    const timeline = new Timeline(log);
    for (let t = -0.5; t <= run.endTime + 0.5; t += 0.137) {
      const cursor = timeline.cursorAtTime(t);
      expect(lengthAtTime(series, t)).toBe(cursor === 0 ? 0 : after[cursor - 1]);
      expect(series.cursor[pointAtTime(series, t)]).toBeLessThanOrEqual(cursor);
    }
  });

  it('summarises into slices whose extremes cover every point', () => {
    const { run, log } = foldLengths({ ...DEFAULT_SETTINGS, maxsize: 0, workers: 1, jobs: 60 });
    const series = queueLengthSeries(log);
    const buckets = 50;
    const { low, high } = seriesEnvelope(series, buckets, run.endTime);
    expect(Math.max(...high)).toBe(series.maxLength);
    const width = run.endTime / buckets;
    for (let i = 0; i < series.points; i++) {
      const b = Math.min(buckets - 1, Math.floor(series.time(i) / width));
      expect(series.length[i]).toBeGreaterThanOrEqual(low[b]!);
      expect(series.length[i]).toBeLessThanOrEqual(high[b]!);
    }
  });
});
