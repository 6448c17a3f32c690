import { describe, expect, it } from 'vitest';
import { labSession } from '../support/lab-session';

const session = labSession();

describe('a large run', () => {
  it('computes 100,000 jobs in a worker with progress, never blocking the page for 50 ms meanwhile, then shows the run', async () => {
    const { page, lab, errors } = await session.open('?jobs=100000&workers=32&maxsize=20');
    await page.evaluate("window.longTasks = []; new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push([e.startTime, Math.round(e.duration)]))).observe({ type: 'longtask' });");
    const banner = page.getByRole('status', { name: 'Computing a large run' });
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Computing a run of 100,000 jobs in the background/);
    // The default run stays usable while the big one computes.
    await lab.stepTimes(3);
    expect((await lab.position()).cursor).toBe(3);
    // From here on the page only receives progress: count long tasks from now (the steps' own drawing is not the computation's).
    await page.evaluate('window.longTasks = []');
    await banner.waitFor({ state: 'detached', timeout: 120_000 });
    const { total } = await lab.position();
    expect(total).toBeGreaterThan(800_000);
    expect(await page.getByRole('textbox', { name: 'Jobs', exact: true }).inputValue()).toBe('100000');
    await lab.toEnd();
    expect(await lab.outputLines().then((lines) => lines.at(-1))).toMatch(/^Processed 100000 jobs in ~\d+\.\d seconds with 32 workers$/);
    // While the worker computes, the page never blocks; handing over the finished run (decoding its parts, drawing it) comes after.
    const delivered = (await page.evaluate("performance.getEntriesByName('queue-lab:run-delivery')[0].startTime")) as number;
    const longTasks = (await page.evaluate('window.longTasks')) as [number, number][];
    const whileComputing = longTasks.filter(([start]) => start < delivered).map(([, duration]) => duration);
    expect(whileComputing, `main-thread tasks over 50 ms while computing: ${whileComputing.join(', ')}`).toEqual([]);
    const handOver = longTasks.filter(([start]) => start >= delivered).map(([, duration]) => duration);
    console.log(`hand-over and first drawing of the 100,000-job run: tasks over 50 ms: ${handOver.join(', ') || 'none'}`);
    expect(Math.max(0, ...handOver)).toBeLessThan(250);
    expect(errors).toEqual([]);
  });
});
