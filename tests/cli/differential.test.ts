import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { mapPool, runVirtual, seedScenario } from '../support/oracle';

const scratch = mkdtempSync(join(tmpdir(), 'queue-lab-diff-'));

/** Settings in the ranges: jobs 1-60, workers 1-12, maxsize 0-8, any seed, random ranges. */
const argsArb = fc
  .record({
    jobs: fc.integer({ min: 1, max: 60 }),
    workers: fc.integer({ min: 1, max: 12 }),
    maxsize: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) }),
    seed: fc.oneof(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.integer({ min: 0, max: 1000 }).map(BigInt)),
    minDuration: fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
    durationSpan: fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.constant(0)),
    minInterval: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.1)),
    intervalSpan: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0)),
    timePrefix: fc.boolean(),
  })
  .map((s) => [
    '--jobs', String(s.jobs), '--workers', String(s.workers), '--maxsize', `${s.maxsize}`, '--seed', s.seed.toString(),
    '--min-duration', String(s.minDuration), '--max-duration', String(s.minDuration + s.durationSpan),
    '--min-interval', String(s.minInterval), '--max-interval', String(s.minInterval + s.intervalSpan),
    ...(s.timePrefix ? ['--time-prefix'] : []),
  ]);

/** `run` must print what seed_scenario.py prints; `export` run by CPython must print it too. */
async function expectSameAsCPython(args: string[]): Promise<void> {
  const ours = cli(['run', ...args]);
  const python = await seedScenario(args);
  expect({ args, stdout: ours.stdout, code: ours.code }).toEqual({ args, stdout: python.stdout, code: python.code });
  const exported = await runVirtual(cli(['export', ...args]).stdout);
  expect({ args, exported: exported.stdout, code: exported.code, stderr: exported.stderr }).toEqual({ args, exported: ours.stdout, code: 0, stderr: '' });
}

describe('cli run and export against CPython', () => {
  it('prints the classic exercise byte for byte at the defaults', async () => {
    await expectSameAsCPython([]);
    expect(cli(['run']).stdout.split('\n')).toHaveLength(46);
  });

  it('prints the same as seed_scenario.py for 120 generated settings, and so does the exported program', async () => {
    const seed = Date.now();
    const cases = fc.sample(argsArb, { numRuns: 120, seed });
    try {
      await mapPool(cases, 3, expectSameAsCPython);
    } catch (error) {
      throw new Error(`fast-check sample seed ${seed}: ${(error as Error).message}`, { cause: error });
    }
  });

  it('runs a plan file as seed_scenario.py --plan does', async () => {
    const plan = join(scratch, 'plan.json');
    const made = await seedScenario(['--jobs', '12', '--seed', '7', '--plan-out', '-']);
    writeFileSync(plan, made.stderr);
    await mapPool(
      [
        ['--plan', plan, '--workers', '4', '--maxsize', '1'],
        ['--plan', plan, '--workers', '1', '--maxsize', '0', '-t'],
        ['--plan', plan, '--workers', '12', '--maxsize', '3'],
      ],
      3,
      expectSameAsCPython,
    );
  });

  it('runs zero jobs, sleeps of zero and a queue of one like CPython', async () => {
    await mapPool(
      [
        ['--jobs', '0'],
        ['--jobs', '5', '--min-duration', '0', '--max-duration', '0', '--min-interval', '0', '--max-interval', '0'],
        ['--jobs', '30', '--workers', '2', '--maxsize', '1', '--seed', '3'],
        ['--jobs', '40', '--workers', '12', '--maxsize', '1', '--min-interval', '0', '--max-interval', '0'],
      ],
      3,
      expectSameAsCPython,
    );
  });
});
