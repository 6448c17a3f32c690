import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type LabEvent, ON_ERRORS, QUEUE_KINDS, SENTINEL, SHUTDOWNS, type ScenarioSettings, runScenario } from '../../../src/engine/index';

const settingsArb: fc.Arbitrary<ScenarioSettings> = fc
  .record({
    jobs: fc.integer({ min: 0, max: 60 }),
    workers: fc.integer({ min: 1, max: 12 }),
    maxsize: fc.integer({ min: -1, max: 8 }),
    seed: fc.bigInt({ min: 0n, max: 1n << 40n }),
    queue: fc.constantFrom(...QUEUE_KINDS),
    shutdown: fc.constantFrom(...SHUTDOWNS),
    onError: fc.constantFrom(...ON_ERRORS),
    retries: fc.integer({ min: 0, max: 3 }),
    fail: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
    flaky: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
    zeroSleeps: fc.boolean(),
  })
  .map((s) => ({
    ...DEFAULT_SETTINGS,
    ...s,
    fail: s.fail.filter((job) => job <= s.jobs),
    flaky: s.flaky.filter((job) => job <= s.jobs && !s.fail.includes(job)),
    ...(s.zeroSleeps ? { minDuration: 0, maxDuration: 0.2, minInterval: 0, maxInterval: 0.1 } : {}),
  }));

type Fate = 'processed' | 'failed' | 'dead-lettered' | 'queued' | 'dropped' | 'held' | 'never put';

/** Follow every job through the events; throws on a job put, got or finished twice. */
function fates(events: readonly LabEvent[], jobs: number, lines: readonly string[]): Map<number, Fate> {
  const fate = new Map<number, Fate>();
  const holding = new Map<number, number>(); // task -> job it got
  for (let job = 1; job <= jobs; job++) fate.set(job, 'never put');
  for (const event of events) {
    if (event.kind === 'queue.put' && event.job !== SENTINEL) {
      expect(fate.get(event.job), `job ${event.job} put twice`).toBe('never put');
      fate.set(event.job, 'queued');
    } else if (event.kind === 'queue.get' && event.job !== SENTINEL) {
      expect(fate.get(event.job), `job ${event.job} got while ${fate.get(event.job)}`).toBe('queued');
      fate.set(event.job, 'held');
      holding.set(event.task, event.job);
    } else if (event.kind === 'queue.drop') {
      expect(fate.get(event.job)).toBe('queued');
      fate.set(event.job, 'dropped');
    } else if (event.kind === 'job.dead_letter') {
      fate.set(event.job, 'dead-lettered');
    } else if (event.kind === 'queue.task_done' && holding.has(event.task)) {
      const job = holding.get(event.task)!;
      holding.delete(event.task);
      if (fate.get(job) === 'held') {
        const processed = lines.filter((line) => line.includes(`Processing: process_item_${job} (`)).length;
        fate.set(job, processed === 1 ? 'processed' : 'failed');
      }
    }
  }
  return fate;
}

describe('engine invariants over random scenarios', () => {
  it('never loses or duplicates a job, keeps unfinished_tasks = puts - task_done - drops, and never turns time back', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const run = runScenario(settings, { maxIterations: 5_000_000 });
        expect(run.status.kind).not.toBe('limit');
        const events = [...run.log!];
        let unfinished = 0;
        let time = 0;
        for (const event of events) {
          expect(event.t).toBeGreaterThanOrEqual(time);
          time = event.t;
          if (event.kind === 'queue.put') unfinished++;
          if (event.kind === 'queue.task_done' || event.kind === 'queue.drop') unfinished--;
          if (event.kind === 'queue.put' || event.kind === 'queue.task_done' || event.kind === 'queue.drop') expect(event.unfinished).toBe(unfinished);
        }
        const fate = fates(events, run.plan.jobs, run.lines);
        const processed = [...fate].filter(([, f]) => f === 'processed').map(([job]) => job);
        for (const job of processed) expect(settings.fail).not.toContain(job);
        if (run.status.kind === 'returned' && settings.shutdown !== 'shutdown-immediate' && settings.queue !== 'lifo') {
          // A clean finish with FIFO or priority order and no drops: every job was taken and finished.
          expect([...fate.values()].filter((f) => f === 'queued' || f === 'never put' || f === 'held')).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('records the lines it prints in its log, the same with keepLines false (lines stored from their pieces) as kept', () => {
    fc.assert(
      fc.property(settingsArb, fc.boolean(), (settings, timePrefix) => {
        const kept = runScenario({ ...settings, timePrefix });
        const fromLog = runScenario({ ...settings, timePrefix }, { keepLines: false });
        expect(fromLog.lines).toEqual([]);
        expect(fromLog.log!.lines.slice()).toEqual(kept.lines);
        expect(kept.log!.lines.slice()).toEqual(kept.lines);
      }),
      { numRuns: 150 },
    );
  });
});
