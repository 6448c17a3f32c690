import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ON_ERRORS, QUEUE_KINDS, SHUTDOWNS, runScenario } from '../../src/engine/index';
import { compareRuns } from '../../src/store/compare';
import { measureRun } from '../../src/store/metrics';

/** The whole run's measures, one worker. */
function full(maxsize: number) {
  const run = runScenario({ ...DEFAULT_SETTINGS, maxsize, workers: 1 });
  return measureRun(run.log!, run.log!.length, run.endTime);
}

describe('run measures', () => {
  it("satisfy Little's law (L = lambda W) at any cursor of any run, with every figure in range", () => {
    const arb = fc.record({
      jobs: fc.integer({ min: 0, max: 40 }),
      workers: fc.integer({ min: 1, max: 8 }),
      maxsize: fc.integer({ min: 0, max: 6 }),
      queue: fc.constantFrom(...QUEUE_KINDS),
      shutdown: fc.constantFrom(...SHUTDOWNS),
      onError: fc.constantFrom(...ON_ERRORS),
      seed: fc.bigInt({ min: 0n, max: 1000n }),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ fraction, ...settings }) => {
        const run = runScenario({ ...DEFAULT_SETTINGS, ...settings, fail: settings.jobs >= 3 ? [3] : [] });
        const log = run.log!;
        const cursor = Math.floor(fraction * log.length);
        const until = cursor === 0 ? 0 : log.time(cursor - 1);
        const m = measureRun(log, cursor, until);
        expect(m.little.L).toBeCloseTo(m.little.lambda * m.little.W, 9);
        for (const u of m.utilization) expect(u.busy).toBeGreaterThanOrEqual(0);
        for (const u of m.utilization) expect(u.busy).toBeLessThanOrEqual(1 + 1e-12);
        expect(m.producerBlocked).toBeLessThanOrEqual(m.elapsed + 1e-12);
        expect(m.processed).toBeLessThanOrEqual(settings.jobs);
      }),
      { numRuns: 150 },
    );
  });

  it('count every job of the classic run, and the producer blocked only when the queue is bounded', () => {
    expect(full(1).processed).toBe(20);
    expect(full(1).producerBlocked).toBeGreaterThan(5);
    expect(full(0).producerBlocked).toBe(0);
    expect(full(1).throughput).toBeCloseTo(20 / runScenario({ ...DEFAULT_SETTINGS, maxsize: 1, workers: 1 }).endTime, 12);
  });

  it('compare the same seed across worker counts: one worker takes the sum of the durations', () => {
    const runs = compareRuns(DEFAULT_SETTINGS, 'workers', [1, 3, 10]);
    const sum = runScenario(DEFAULT_SETTINGS).plan.durations.reduce((a, b) => a + b, 0);
    expect(runs[0]!.elapsed).toBeGreaterThanOrEqual(sum);
    expect(runs[0]!.meanUtilization).toBeGreaterThan(0.95);
    expect(runs.map((r) => r.value)).toEqual([1, 3, 10]);
    expect(runs[2]!.elapsed).toBeLessThan(runs[0]!.elapsed);
  });
});
