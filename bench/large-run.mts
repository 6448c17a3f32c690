/**
 * A huge run in the page, in headless Chromium:
 *   npx vite build && npx tsx bench/large-run.mts [jobs]
 * Opens the built page with `?jobs=N` (default 1,000,000), waits for the Web
 * Worker to compute the run and hand it over, and reports: the compute and
 * hand-over times, the longest main-thread task while the run computes and
 * while it is handed over and first drawn (every task of the page's main
 * thread, from a Chromium trace), the time of a jump to the end, and the
 * page's memory (the JavaScript heap and array buffers) after a garbage
 * collection. The last line is JSON for bench/run.mts.
 * `--profile` also prints where the page's main thread spent its time
 * (Chrome DevTools Protocol profiler, self time by function).
 * `--enter` asks for the run as a learner does: the page opens on its default
 * run, and once it is idle the job count is typed into Jobs and Enter pressed;
 * tasks are then counted from that key press (the page's own start-up is not
 * the large run's).
 */
import { launchChromium, serveBuiltPage } from '../tests/support/browser';
import { type TraceEvent, longestTask } from './trace.mts';

const jobs = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 1_000_000);
const profiling = process.argv.includes('--profile');
const byEnter = process.argv.includes('--enter');

const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.stack}`));
  await page.goto(byEnter ? server.url : `${server.url}?jobs=${jobs}`);
  const banner = page.getByRole('status', { name: 'Computing a large run' });
  const jobsField = page.getByRole('textbox', { name: 'Jobs', exact: true });
  if (byEnter) {
    await jobsField.fill(String(jobs));
    // Let the page finish starting (its lazy panels, the editor's first parse) before the key press.
    await page.evaluate('new Promise((resolve) => setTimeout(() => requestIdleCallback(resolve, { timeout: 5000 }), 2000))');
    await jobsField.focus();
  } else await banner.waitFor();
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  // Tasks are counted from here: the page's own first drawing is not the large run's.
  await page.evaluate("performance.mark('bench:watching')");
  // The key alone (the field has the focus): a locator's press() or waitFor() would query the page
  // (Playwright's script, on the page's main thread, walking every role), and those tasks would count as the page's.
  if (byEnter) await page.keyboard.press('Enter');
  const cdp = await page.context().newCDPSession(page);
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const started = (await page.evaluate('performance.now()')) as number;
  // Until the run is delivered and the banner gone: a cheap check every 100 ms, by the page's own timer (a role query
  // walks the whole page, and its tasks would count as the page's). Not page.waitForFunction: its first call injects
  // Playwright's 330 kB polling script into the page, and evaluating that was a task of 50-105 ms inside the window
  // (traced), counted as the page's own.
  await page.evaluate(`new Promise((resolve) => {
    const timer = setInterval(() => {
      if (performance.getEntriesByName('queue-lab:run-delivery').length === 0) return;
      if (document.querySelector('[aria-label="Computing a large run"]') !== null) return;
      clearInterval(timer);
      resolve();
    }, 100);
  })`);
  // Two frames after the banner goes: the run is drawn.
  const shown = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))')) as number;
  // The deferred drawing (the timeline's outline) comes a little later: give it time.
  await page.waitForTimeout(500);
  const delivered = (await page.evaluate("performance.getEntriesByName('queue-lab:run-delivery')[0]?.startTime ?? NaN")) as number;
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const whileComputing = longestTask(trace.traceEvents, 'bench:watching', 'queue-lab:run-delivery');
  const handOver = longestTask(trace.traceEvents, 'queue-lab:run-delivery', null);
  // A jump to the end, timed from the key press to the next frame after it.
  const seekMs = (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    document.activeElement?.blur?.();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  })`)) as number;
  const total = await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuemax');
  if (profiling) printProfile((await cdp.send('Profiler.stop')).profile);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const result = {
    jobs,
    events: Number(total),
    computeMs: delivered - started,
    handOverMs: shown - delivered,
    longestWhileComputingMs: whileComputing,
    longestHandOverMs: handOver,
    seekToEndMs: seekMs,
    // The JavaScript heap plus array buffers' backing stores (where the log's typed arrays live).
    heapMiB: (heap.usedSize + heap.backingStorageSize) / 2 ** 20,
  };
  console.log(`page: ${jobs.toLocaleString('en-US')} jobs${byEnter ? ' (typed into Jobs, Enter pressed)' : ''}, ${result.events.toLocaleString('en-US')} events: computed in ${(result.computeMs / 1000).toFixed(1)} s, handed over and drawn in ${result.handOverMs.toFixed(0)} ms`);
  console.log(`longest main-thread task: ${whileComputing.toFixed(1)} ms while computing, ${handOver.toFixed(1)} ms while handing over and drawing; jump to the end ${seekMs.toFixed(1)} ms; memory ${result.heapMiB.toFixed(0)} MiB (JavaScript heap and array buffers, after a garbage collection)`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}

/** Self time by function, the 15 largest. */
function printProfile(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  const top = [...self].filter(([key]) => !key.startsWith('(idle)')).toSorted((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [key, micros] of top) console.log(`  ${(micros / 1000).toFixed(1).padStart(8)} ms  ${key}`);
}
