import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/ui/format-number';
import { cli } from '../support/cli';
import { labSession } from '../support/lab-session';

const session = labSession();

describe('comparisons of big runs', () => {
  it('compares worker counts for 20,000 jobs in background workers, with progress, while the run stays usable', async () => {
    const { page, lab, errors } = await session.open('?jobs=20000&workers=3');
    const panel = page.getByRole('region', { name: 'Compare runs' });
    const status = panel.getByRole('status');
    await status.filter({ hasText: /^Computing the runs of 20,000 jobs in the background: \d of 5 done\.$/ }).waitFor({ timeout: 60_000 });
    // The page answers while the comparison computes.
    const before = (await lab.position()).cursor;
    await lab.stepTimes(2);
    expect((await lab.position()).cursor).toBe(before + 2);
    await status.filter({ hasText: /^5 runs of 20,000 jobs\.$/ }).waitFor({ timeout: 240_000 });
    const rows = panel.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    // Each row's total time is the one the CLI prints for that worker count.
    const times: number[] = [];
    for (const [i, workers] of [1, 2, 3, 5, 10].entries()) {
      const printed = cli(['run', '--jobs', '20000', '--workers', String(workers)]).stdout.trimEnd().split('\n').at(-1)!;
      const seconds = /in ~(\d+\.\d) seconds/.exec(printed)![1]!;
      expect(await rows.nth(i).innerText()).toMatch(new RegExp(`^${workers}\\s+${seconds.replace('.', '\\.')} s`));
      times.push(Number(seconds));
    }
    // The chart says the same, compact where a time has five digits or more (1 worker: about 25,000 s), its axis up to the longest.
    const chart = panel.getByRole('img', { name: 'total time (s) by workers' });
    expect(await chart.locator('.value-label').allTextContents()).toEqual(times.map(formatCompact));
    expect(await chart.locator('.tick-label').first().textContent()).toBe(formatCompact(Math.max(...times)));
    expect(errors).toEqual([]);
  });
});
