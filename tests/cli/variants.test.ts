import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ON_ERRORS, QUEUE_KINDS, SHUTDOWNS } from '../../src/engine/index';
import { differenceFromCPython } from '../support/fidelity';

/** Every lesson variant: queue kind x shutdown x failing/flaky jobs x error handling, small enough to read when it shrinks. */
const variantArb = fc
  .record({
    jobs: fc.integer({ min: 0, max: 24 }),
    workers: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 8, max: 11 })),
    maxsize: fc.integer({ min: -1, max: 6 }),
    seed: fc.integer({ min: 0, max: 10_000 }),
    queue: fc.constantFrom(...QUEUE_KINDS),
    shutdown: fc.constantFrom(...SHUTDOWNS),
    onError: fc.constantFrom(...ON_ERRORS),
    retries: fc.integer({ min: 0, max: 3 }),
    picks: fc.array(fc.tuple(fc.integer({ min: 1, max: 24 }), fc.constantFrom('fail', 'flaky')), { maxLength: 4 }),
    sleepy: fc.boolean(),
    timePrefix: fc.boolean(),
  })
  .map((v) => {
    const fail = [...new Set(v.picks.filter(([job, kind]) => kind === 'fail' && job <= v.jobs).map(([job]) => job))];
    const flaky = [...new Set(v.picks.filter(([job, kind]) => kind === 'flaky' && job <= v.jobs && !fail.includes(job)).map(([job]) => job))];
    return [
      '--jobs', String(v.jobs), '--workers', String(v.workers), `--maxsize=${v.maxsize}`, '--seed', String(v.seed),
      '--queue', v.queue, '--shutdown', v.shutdown, '--on-error', v.onError,
      ...(v.onError === 'retry' ? ['--retries', String(v.retries)] : []),
      ...(fail.length > 0 ? ['--fail', fail.join(',')] : []),
      ...(flaky.length > 0 ? ['--flaky', flaky.join(',')] : []),
      // Zero-length sleeps and exact time ties stress the one-iteration hops.
      ...(v.sleepy ? ['--min-duration', '0', '--max-duration', '0.3', '--min-interval', '0', '--max-interval', '0.2'] : []),
      ...(v.timePrefix ? ['-t'] : []),
    ];
  });

/** Three properties run side by side (the machine has two cores and Python is the slow side). */
describe.concurrent('every variant runs in the engine as CPython runs its exported program', () => {
  for (const part of [1, 2, 3]) {
    it(`agrees on stdout, exit code, exception and deadlock report (part ${part}, 80 runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(variantArb, async (args) => {
          const difference = await differenceFromCPython(args);
          expect(difference).toBeNull();
        }),
        { numRuns: 80 },
      );
    });
  }
});
