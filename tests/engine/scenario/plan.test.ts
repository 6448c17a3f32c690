import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePlan, parsePlan, planToJson } from '../../../src/engine/scenario/plan';
import { ORACLE_DIR, pythonJson, seedScenario } from '../../support/oracle';

const PYTHON = `
import json, sys
sys.path.insert(0, ${JSON.stringify(ORACLE_DIR)})
from seed_scenario import make_plan
cases = json.load(sys.stdin)
print(json.dumps([make_plan(c["jobs"], int(c["seed"]), c["dmin"], c["dmax"], c["imin"], c["imax"])["durations" if k == 0 else "intervals"] for c in cases for k in (0, 1)]))
`;

const caseArb = fc
  .record({
    jobs: fc.integer({ min: 0, max: 80 }),
    seed: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
    low: fc.double({ min: 0, max: 5, noNaN: true }),
    span: fc.double({ min: 0, max: 5, noNaN: true }),
    ilow: fc.double({ min: 0, max: 2, noNaN: true }),
    ispan: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .map((c) => ({ jobs: c.jobs, seed: c.seed, dmin: c.low, dmax: c.low + c.span, imin: c.ilow, imax: c.ilow + c.ispan }));

describe('makePlan', () => {
  it('draws the durations and intervals seed_scenario.make_plan draws, for many seeds and ranges', async () => {
    const cases = fc.sample(caseArb, 300);
    cases.push({ jobs: 20, seed: 42n, dmin: 0.5, dmax: 2.0, imin: 0.1, imax: 0.5 });
    // One-value ranges, whose draws are skipped when nothing drawn after them is read; -0 as Python's uniform turns it into 0.0.
    for (const [dmin, dmax, imin, imax] of [[0.5, 2, 0, 0], [1.25, 1.25, 0.05, 0.05], [1, 1, 0.1, 0.5], [0.75, 0.75, -0, -0], [-0, -0, 0.3, 0.3]]) {
      cases.push({ jobs: 40, seed: 11n, dmin: dmin!, dmax: dmax!, imin: imin!, imax: imax! });
    }
    const expected = await pythonJson<number[][]>(PYTHON, cases.map((c) => ({ ...c, seed: c.seed.toString() })));
    const actual = cases.flatMap((c) => {
      const plan = makePlan(c.jobs, c.seed, { minDuration: c.dmin, maxDuration: c.dmax, minInterval: c.imin, maxInterval: c.imax });
      return [Array.from(plan.durations), Array.from(plan.intervals)];
    });
    expect(actual).toEqual(expected);
  });

  it('writes the plan JSON byte for byte as seed_scenario.py --plan-out does', async () => {
    for (const [jobs, seed] of [
      [8, 7],
      [1, 3],
      [0, 5],
      [20, 42],
    ] as const) {
      const python = await seedScenario(['--jobs', String(jobs), '--seed', String(seed), '--plan-out', '-']);
      const ours = planToJson(makePlan(jobs, BigInt(seed), { minDuration: 0.5, maxDuration: 2.0, minInterval: 0.1, maxInterval: 0.5 }));
      expect(`${ours}\n`).toBe(python.stderr);
    }
  });
});

describe('priorities', () => {
  it('are drawn after durations and intervals as rng.randint(1, 3), as Python draws them', async () => {
    const seeds = fc.sample(fc.bigInt({ min: 0n, max: 2n ** 64n }), 100);
    const expected = await pythonJson<number[][]>(
      `
import json, random, sys
out = []
for seed in json.load(sys.stdin):
    rng = random.Random(int(seed))
    durations = {f"process_item_{i}": round(rng.uniform(0.5, 2.0), 1) for i in range(1, 31)}
    intervals = [round(rng.uniform(0.1, 0.5), 1) for _ in range(29)]
    priorities = {f"process_item_{i}": rng.randint(1, 3) for i in range(1, 31)}
    out.append(list(priorities.values()))
print(json.dumps(out))
`,
      seeds.map(String),
    );
    const ranges = { minDuration: 0.5, maxDuration: 2.0, minInterval: 0.1, maxInterval: 0.5 };
    expect(seeds.map((seed) => makePlan(30, seed, ranges, true).priorities)).toEqual(expected);
    // Drawn after the intervals, the priorities need every earlier draw made, even of one-value ranges.
    const oneValue = { minDuration: 1.5, maxDuration: 1.5, minInterval: 0, maxInterval: 0 };
    const skipped = seeds.map((seed) => makePlan(30, seed, oneValue, true).priorities);
    const rng = seeds.map((seed) => makePlan(30, seed, ranges, true).priorities);
    expect(skipped).toEqual(rng);
  });
});

describe('parsePlan', () => {
  it('reads what planToJson writes', () => {
    const plan = makePlan(5, 9n, { minDuration: 0.5, maxDuration: 2.0, minInterval: 0.1, maxInterval: 0.5 });
    expect(parsePlan(planToJson(plan), 'p.json')).toEqual(plan);
  });

  it.each([
    ['{', 'not valid JSON'],
    ['[]', 'expected a JSON object'],
    ['{"jobs": 2, "durations": [1.0], "intervals": [0.1]}', '1 durations for 2 jobs'],
    ['{"jobs": 2, "durations": [1.0, 2.0], "intervals": []}', 'need 1 intervals, got 0'],
    ['{"durations": [1.0, -2.0], "intervals": [0.1]}', 'must be >= 0'],
    ['{"durations": ["x"], "intervals": []}', '"durations" must be a list of numbers'],
    ['{"jobs": 1.5, "durations": [1.0], "intervals": []}', '"jobs" must be a whole number'],
    ['{"durations": [1.0], "intervals": [], "priorities": [7]}', '"priorities" must list one whole number from 1 to 3 per job'],
  ])('refuses %s with a reason', (text, reason) => {
    const result = parsePlan(text, 'p.json');
    expect('error' in result && result.error).toContain(reason);
  });
});
