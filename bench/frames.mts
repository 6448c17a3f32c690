/**
 * How smoothly the page animates a big run in headless Chromium:
 *   npx vite build && npx tsx bench/frames.mts [query]
 * Default: 32 workers, maxsize 20, 500 jobs at the fastest speed (--speed=4 for another,
 * --reduced-motion to emulate that preference). Reports frame
 * intervals after one second of warm-up, long tasks (> 50 ms), and the main
 * thread's task time per second from the Chrome DevTools Protocol. The last
 * line is JSON for bench/run.mts.
 */
import { launchChromium, serveBuiltPage } from '../tests/support/browser';

const query = process.argv[2] ?? '?workers=32&maxsize=20&jobs=500';
const reducedMotion = process.argv.includes('--reduced-motion') ? 'reduce' : 'no-preference';
const speedArg = process.argv.find((arg) => arg.startsWith('--speed='));
const speed = speedArg === undefined ? '16' : speedArg.slice('--speed='.length);
const SECONDS = 4;
const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, reducedMotion });
  await page.goto(`${server.url}${query}`);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(`window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });`);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1000); // warm-up
  const before = await taskDuration(cdp);
  // A string, not a function: tsx's esbuild would wrap a function in helpers the page lacks.
  const intervals = (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${SECONDS * 1000};
    const frame = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve(out);
    };
    requestAnimationFrame(frame);
  })`)) as number[];
  const after = await taskDuration(cdp);
  const longTasks = (await page.evaluate('window.longTasks')) as number[];
  const sorted = intervals.toSorted((a, b) => a - b);
  const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const stalls = intervals.filter((i) => i > 1.5 * (1000 / 60)).length;
  console.log(`page: ${query} at ${speed}x (motion: ${reducedMotion}), ${SECONDS} s after 1 s warm-up`);
  console.log(`frames: ${intervals.length} (${(intervals.length / SECONDS).toFixed(1)} fps); interval p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; frames over 25 ms: ${stalls}`);
  console.log(`main-thread task time: ${(((after - before) / SECONDS) * 1000).toFixed(0)} ms per second; long tasks (> 50 ms): ${longTasks.length}${longTasks.length ? ` (max ${Math.max(...longTasks).toFixed(0)} ms)` : ''}`);
  const frames = { fps: intervals.length / SECONDS, p50Ms: pct(0.5), p95Ms: pct(0.95), maxMs: sorted.at(-1)!, over25Ms: stalls, taskMsPerSecond: ((after - before) / SECONDS) * 1000, longTasks: longTasks.length };
  console.log(JSON.stringify(frames));
} finally {
  await browser.close();
  await server.close();
}

async function taskDuration(cdp: import('playwright-core').CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}
