import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { clipped, tokensOutside } from '../support/layout-checks';
import { labSession } from '../support/lab-session';

const session = labSession();

describe('a large run', () => {
  // How long the page's tasks take while it computes and hands over is measured by `npm run bench` (bench/large-run.mts), not asserted here.
  it('computes 100,000 jobs in a worker with progress while the current run stays usable, then shows the run', async () => {
    const { page, lab, errors } = await session.open('?jobs=100000&workers=32&maxsize=20');
    const banner = page.getByRole('status', { name: 'Computing a large run' });
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Computing a run of 100,000 jobs in the background/);
    // The default run stays usable while the big one computes.
    await lab.stepTimes(3);
    expect((await lab.position()).cursor).toBe(3);
    await banner.waitFor({ state: 'detached', timeout: 120_000 });
    const { total } = await lab.position();
    expect(total).toBeGreaterThan(800_000);
    expect(await page.getByRole('textbox', { name: 'Jobs', exact: true }).inputValue()).toBe('100000');
    // Six-digit job numbers still fit their slots, lanes and trays, in the middle of the run and at its end.
    await lab.clickTimelineAt(0.5);
    expect(await page.locator('.lane .job').count()).toBeGreaterThan(0);
    expect(await clipped(page, '.job')).toEqual([]);
    expect(await tokensOutside(page)).toEqual([]);
    await lab.toEnd();
    expect(await clipped(page, '.job')).toEqual([]);
    // The newest lines the page shows (read from the run's packed text, across threads) are the CLI's last lines.
    const shown = await lab.outputLines();
    expect(shown.at(-1)).toMatch(/^Processed 100000 jobs in ~\d+\.\d seconds with 32 workers$/);
    const printed = cli(['run', '--jobs', '100000', '--workers', '32', '--maxsize', '20']).stdout.trimEnd().split('\n');
    expect(shown.length).toBeGreaterThan(500);
    expect(shown).toEqual(printed.slice(-shown.length));
    // Counts this big are grouped by thousands where the page states them (the program's own lines stay as Python prints them).
    const { cursor } = await lab.position();
    expect(await page.locator('.position').innerText()).toMatch(new RegExp(`^Event ${cursor.toLocaleString('en')} of ${total.toLocaleString('en')} · `));
    const heading = async (name: RegExp): Promise<string> => ((await page.getByRole('heading', { name }).textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await heading(/^Done /)).toBe('Done 100,000/100,000');
    expect(await heading(/^Output /)).toBe(`Output ${printed.length.toLocaleString('en')} lines, showing the last ${shown.length.toLocaleString('en')}`);
    expect(errors).toEqual([]);
  });

  it('a newer large run asked for while one computes replaces it: the older one is never shown', async () => {
    // The older run is the smaller: left running, it would finish while the newer one computes and be taken for it.
    const { page, lab, errors } = await session.open('?jobs=5000&workers=4');
    const banner = page.getByRole('status', { name: 'Computing a large run' });
    const jobs = page.getByRole('textbox', { name: 'Jobs', exact: true });
    await jobs.fill('40000');
    await jobs.press('Enter');
    await banner.waitFor({ state: 'detached', timeout: 120_000 });
    await lab.toEnd();
    expect((await lab.outputLines()).at(-1)).toMatch(/^Processed 40000 jobs in ~\d+\.\d seconds with 4 workers$/);
    expect(await jobs.inputValue()).toBe('40000');
    expect(errors).toEqual([]);
  });
});
