/**
 * A learner's own program in the page, in headless Chromium:
 *   npx vite build && npx tsx bench/own-program.mts [jobs]
 * Opens the built page with the program in a `?code=` link (workload-program.mts,
 * `jobs` jobs, default 10,000), presses "Run my
 * program" and times, from the press to the first frame that shows the
 * recording: the first run (Pyodide loaded then) and the best of three more
 * (the interpreter already up), with the longest main-thread task of those
 * three (every task of the page's main thread, from a Chromium trace). The
 * last line is JSON for bench/run.mts.
 */
import { encodeProgram } from '../src/ui/code-link';
import { launchChromium, serveBuiltPage } from '../tests/support/browser';
import { type TraceEvent, longestTaskAfter } from './trace.mts';
import { workloadProgram } from './workload-program.mts';

const jobs = Number(process.argv[2] ?? 10_000);
/** Runs timed after the first. */
const WARM_RUNS = 3;

const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.stack}`));
  await page.goto(`${server.url}?code=${encodeProgram(workloadProgram(jobs))}`);
  const run = page.getByRole('button', { name: 'Run my program' });
  await run.waitFor({ timeout: 60_000 });
  const status = page.getByRole('region', { name: /^Your own program/ }).getByRole('status').filter({ hasText: /recorded|Recording|Loading|Starting/ });
  /**
   * Press Run and time it to the first frame after the panel says the
   * recording is shown ("... recorded N events ..."): a MutationObserver set up
   * before the press sees the status leave that sentence and come back to it.
   */
  const timedRun = async (press: () => Promise<void>): Promise<number> => {
    // A string, not a function: tsx's transform would add helpers the page does not have.
    // Kept on window: evaluate() would wait for the promise, and the press has not happened yet.
    await page.evaluate(`window.__recordingShown = (() => {
      const region = [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent?.startsWith('Your own program'));
      const said = () => region?.querySelector('[role=status]')?.textContent ?? '';
      let left = !said().includes('recorded');
      const started = performance.now();
      return new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!said().includes('recorded')) left = true;
          else if (left) {
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    })(), true`);
    await press();
    return (await page.evaluate('window.__recordingShown')) as number;
  };
  await status.first().waitFor({ state: 'attached' }).catch(() => undefined);
  const firstMs = await timedRun(() => run.click());
  const events = Number((/of ([\d,]+)/.exec((await page.locator('.position').textContent()) ?? '')?.[1] ?? '0').replaceAll(',', ''));
  // The runs after the first (the interpreter loaded), each traced: the best time, as the bench's other timings are a best
  // of several (this machine's load moves a single run by a third); the longest task is the worst over all of them.
  const warmMs: number[] = [];
  let longest = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    // Where the button is, found before the trace starts: inside it, a locator's click would first query the page
    // for the button (Playwright's script, on the page's main thread), and that task would count as the page's own.
    const box = await run.boundingBox();
    if (box === null) throw new Error('the Run my program button is not drawn');
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    await page.evaluate("performance.mark('bench:warm-run')");
    warmMs.push(await timedRun(() => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)));
    await page.waitForTimeout(300);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    longest = Math.max(longest, longestTaskAfter(trace.traceEvents, 'bench:warm-run'));
  }
  const secondMs = Math.min(...warmMs);
  const result = { jobs, events, firstRunMs: firstMs, secondRunMs: secondMs, warmRunsMs: warmMs, longestTaskMs: longest };
  console.log(`own program: ${jobs.toLocaleString('en-US')} jobs, ${events.toLocaleString('en-US')} events recorded: first run (loading Python) ${(firstMs / 1000).toFixed(2)} s; with the interpreter loaded, best of ${WARM_RUNS} ${(secondMs / 1000).toFixed(2)} s (${warmMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}), press to drawn frame; longest main-thread task of those ${longest.toFixed(1)} ms`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
