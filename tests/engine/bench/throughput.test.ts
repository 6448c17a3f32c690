import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThroughput } from '../../../src/engine/bench/run-throughput';
import { jobDelay } from '../../../src/engine/bench/throughput-program';
import { EventLog } from '../../../src/engine/event-log';
import { mapPool, runProcess } from '../../support/oracle';

const PY_ASYNCIO = resolve(import.meta.dirname, '../../../../shared/bench/py_asyncio.py');
const JOBS = 2000;

/** `python3 py_asyncio.py J W M --loop virtual --sleep`: its vtime= (repr of a double) and J. */
async function cpython(workers: number, maxsize: number): Promise<{ vtime: number; jobs: number }> {
  const run = await runProcess('python3', [PY_ASYNCIO, String(JOBS), String(workers), String(maxsize), '--loop', 'virtual', '--sleep']);
  expect(run.code, run.stderr).toBe(0);
  const field = (key: string): string => run.stdout.trim().split(' ').find((pair) => pair.startsWith(`${key}=`))?.slice(key.length + 1) ?? 'missing';
  return { vtime: Number(field('vtime')), jobs: Number(field('J')) };
}

describe("the bench program is py_asyncio.py's main() on the engine", () => {
  it('computes job_delay(i) as py_asyncio.py does, bit for bit', async () => {
    const is = [0, 1, 2, 3, 999, 376_883, 999_999, 1_000_002, 1_000_003, 3_000_000];
    const python = await runProcess('python3', ['-c', `import json, sys; sys.path.insert(0, ${JSON.stringify(dirname(PY_ASYNCIO))}); from py_asyncio import job_delay; print(json.dumps([job_delay(i) for i in ${JSON.stringify(is)}]))`]);
    expect(python.code, python.stderr).toBe(0);
    expect(is.map(jobDelay)).toEqual(JSON.parse(python.stdout) as number[]);
  });

  it('ends at CPython\'s virtual time, bit for bit, having done every job (J=2000, W=3/100, M=0/10)', async () => {
    const points = [[3, 0], [100, 0], [3, 10], [100, 10]] as const;
    const peers = await mapPool(points, 2, ([w, m]) => cpython(w, m));
    points.forEach(([workers, maxsize], k) => {
      const log = new EventLog();
      const run = runThroughput({ jobs: JOBS, workers, maxsize, sleep: true }, { log, clock: 'additive' });
      expect({ workers, maxsize, done: run.done, vtime: run.vtime }).toEqual({ workers, maxsize, done: peers[k]!.jobs, vtime: peers[k]!.vtime });
      expect(Object.is(run.vtime, peers[k]!.vtime)).toBe(true);
      // The log saw every job put, got, slept and done.
      const count = (kind: string): number => [...log].filter((event) => event.kind === kind).length;
      expect([count('queue.put'), count('queue.get'), count('sleep'), count('queue.task_done')]).toEqual([JOBS + workers, JOBS + workers, JOBS, JOBS + workers]);
    });
  });
});
