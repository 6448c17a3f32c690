import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { runProcess } from '../support/oracle';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the exported program on real time', () => {
  it('runs with plain python3 and prints the same jobs, workers and totals', async () => {
    // Short sleeps (up to 0.1 s) so the real-time run takes well under a second.
    const args = ['--jobs', '4', '--workers', '2', '--maxsize', '1', '--seed', '5', '--min-duration', '0.05', '--max-duration', '0.1', '--min-interval', '0', '--max-interval', '0.05'];
    const path = join(mkdtempSync(join(tmpdir(), 'queue-lab-real-')), 'program.py');
    writeFileSync(path, cli(['export', ...args]).stdout);
    const real = await runProcess('python3', [path]);
    expect(real.stderr).toBe('');
    expect(real.code).toBe(0);
    const expected = cli(['run', ...args]).stdout.trimEnd().split('\n');
    const printed = real.stdout.trimEnd().split('\n');
    // Wall-clock jitter may reorder lines that CPython's virtual run prints at one instant; the lines themselves are the same.
    expect(printed.slice(0, -1).toSorted()).toEqual(expected.slice(0, -1).toSorted());
    expect(printed.at(-1)).toMatch(/^Processed 4 jobs in ~0\.\d seconds with 2 workers$/);
  });
});
