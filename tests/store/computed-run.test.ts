import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ScenarioSettings } from '../../src/engine/index';
import { type ComputedRun, computeRun, computeRunData, fromRunData, isLargeRun, transferablesOf } from '../../src/store/computed-run';

/** A large run the way the page gets it: computed as data, posted across threads (buffers transferred), read back. */
function throughWorker(settings: ScenarioSettings): ComputedRun {
  const phases: string[] = [];
  const data = computeRunData(settings, (phase, fraction) => {
    expect(fraction).toBeGreaterThanOrEqual(0);
    expect(fraction).toBeLessThanOrEqual(1);
    if (phases.at(-1) !== phase) phases.push(phase);
  });
  // Running reports every 65,536 loop iterations, so a short run may not report it.
  expect(phases.filter((phase) => phase !== 'running')).toEqual(['indexing', 'folding']);
  return fromRunData(structuredClone(data, { transfer: transferablesOf(data) as ArrayBuffer[] }));
}

const CASES: [string, ScenarioSettings][] = [
  ['returned', { ...DEFAULT_SETTINGS, jobs: 2500, workers: 7, maxsize: 5 }],
  ['raised', { ...DEFAULT_SETTINGS, jobs: 2500, workers: 4, fail: [1200], onError: 'crash' }],
  ['deadlock', { ...DEFAULT_SETTINGS, jobs: 2500, workers: 5, shutdown: 'none', queue: 'priority' }],
];

/** Every typed array in `value`, with where it is. */
function typedArraysIn(value: unknown, path = 'data'): [string, ArrayBufferView][] {
  if (ArrayBuffer.isView(value)) return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => typedArraysIn(inner, `${path}.${key}`));
}

describe('a large run computed in a worker', () => {
  it('transfers every typed array it posts: none is copied (a million jobs make lists of megabytes)', () => {
    const data = computeRunData({ ...DEFAULT_SETTINGS, jobs: 2500, workers: 4, fail: [7], flaky: [9], onError: 'retry', queue: 'priority' }, () => {});
    const transferred = new Set(transferablesOf(data));
    const copied = typedArraysIn({ ...data, checkpoints: [] }).filter(([, array]) => !transferred.has(array.buffer));
    expect(copied.map(([path]) => path)).toEqual([]);
  });

  it.each(CASES)('%s: the page reads the same lines, pictures, index, ending and plan as a run computed on its own thread', (ending, settings) => {
    expect(isLargeRun(settings)).toBe(true);
    const here = computeRun(settings);
    expect(here.ending.kind).toBe(ending);
    const there = throughWorker(settings);
    expect(there.lines.length).toBe(here.lines.length);
    expect(there.lines.slice()).toEqual(here.lines.slice());
    expect(there.timeline.length).toBe(here.timeline.length);
    for (let cursor = 0; cursor <= here.timeline.length; cursor += 611) expect(there.timeline.viewAt(cursor)).toEqual(here.timeline.viewAt(cursor));
    expect(there.timeline.viewAt(here.timeline.length)).toEqual(here.timeline.viewAt(here.timeline.length));
    expect(there.index).toEqual(here.index);
    expect(there.ending).toEqual(here.ending);
    expect(there.outcome).toEqual(here.outcome);
    expect({ ...there.run, priorities: there.run.priorities === null ? null : Array.from(there.run.priorities) }).toEqual(here.run);
    expect(there.program.text).toBe(here.program.text);
    expect(there.finalMetrics?.elapsed).toBe(here.run.endTime);
  });
});
