import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ON_ERRORS, QUEUE_KINDS, SHUTDOWNS, runScenario } from '../../src/engine/index';
import { stageLayout } from '../../src/store/pipeline';

describe('the stage layout of a scenario', () => {
  it('read from its task names is the layout learned from what every task did in the whole run', () => {
    const arb = fc.record({
      // With no job the producer puts nothing: the run alone would not say it is one (the named layout still shows it).
      jobs: fc.integer({ min: 1, max: 30 }),
      workers: fc.integer({ min: 1, max: 12 }),
      maxsize: fc.integer({ min: 0, max: 4 }),
      queue: fc.constantFrom(...QUEUE_KINDS),
      shutdown: fc.constantFrom(...SHUTDOWNS),
      onError: fc.constantFrom(...ON_ERRORS),
    });
    fc.assert(
      fc.property(arb, (settings) => {
        const full = { ...DEFAULT_SETTINGS, ...settings, fail: settings.jobs >= 2 && settings.onError !== 'crash' ? [2] : [] };
        // Two runs: each layout is memoized per log.
        const learned = stageLayout(runScenario(full).log!, 1);
        const named = stageLayout(runScenario(full).log!, 1, true);
        expect(named).toEqual(learned);
        expect(named.columns.map((c) => c.kind)).toEqual(['tasks', 'queues', 'tasks']);
      }),
      { numRuns: 60 },
    );
  });
});
