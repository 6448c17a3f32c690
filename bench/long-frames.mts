/**
 * What makes the long frames, from a Chromium trace (issue 14: "a trace, not guesses"):
 *   npx vite build && npx tsx bench/long-frames.mts [query] [--frames N]
 * Plays the query (default 32 workers, maxsize 20, 500 jobs) at 16x, traces four
 * seconds, and for each gap of more than 25 ms between animation frames prints
 * the page's main-thread tasks in it (with the trace events inside each: script,
 * style, layout, paint, garbage collection) and how busy the other threads were
 * (the compositor, Viz, raster). Not part of `npm run bench`: a tool for finding
 * where a frame's time goes.
 */
import { launchChromium, serveBuiltPage } from '../tests/support/browser';
import { type TraceEvent, mainThreadOf } from './trace.mts';

const query = process.argv.slice(2).find((arg) => arg.startsWith('?')) ?? '?workers=32&maxsize=20&jobs=500';
const at = process.argv.indexOf('--frames');
const shown = at < 0 ? 12 : Number(process.argv[at + 1]);
/** Trace microseconds as milliseconds. */
const ms = (micros: number): string => (micros / 1000).toFixed(1);
const INNER = /FunctionCall|Layout$|Paint$|UpdateLayoutTree|GC|FireAnimationFrame|TimerFire|HitTest$|PrePaint|Layerize/;

const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${server.url}${query}`);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1000); // warm-up, as bench/frames.mts
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink'] });
  await page.waitForTimeout(4000);
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = mainThreadOf(events);
  if (main === undefined) throw new Error('no renderer main thread in the trace');
  const onMain = (e: TraceEvent): boolean => e.pid === main.pid && e.tid === main.tid;
  const threadNames = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  const complete = events.filter((e) => e.ph === 'X').toSorted((a, b) => a.ts - b.ts);
  const mainEvents = complete.filter(onMain);
  const frames = mainEvents.filter((e) => e.name === 'FireAnimationFrame');
  let long = 0;
  for (let i = 1; i < frames.length; i++) {
    const from = frames[i - 1]!.ts;
    const to = frames[i]!.ts;
    if (to - from <= 25_000) continue;
    long++;
    if (long > shown) continue;
    const tasks = mainEvents.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= from && e.ts < to);
    console.log(`gap ${ms(to - from)} ms; main-thread tasks ${ms(tasks.reduce((sum, t) => sum + (t.dur ?? 0), 0))} ms:`);
    for (const task of tasks.filter((t) => (t.dur ?? 0) > 2000)) {
      const end = task.ts + (task.dur ?? 0);
      const inner = mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 1500 && INNER.test(e.name));
      const named = inner.slice(0, 10).map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${ms(e.dur ?? 0)}`);
      console.log(`   task ${ms(task.dur ?? 0)} ms: ${named.join(', ')}`);
    }
    const others = new Map<string, number>();
    for (const e of complete) {
      if (e.name !== 'ThreadControllerImpl::RunTask' || onMain(e) || e.ts < from || e.ts >= to) continue;
      const name = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
      others.set(name, (others.get(name) ?? 0) + (e.dur ?? 0));
    }
    const busiest = [...others].toSorted((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`   other threads: ${busiest.map(([name, micros]) => `${name} ${ms(micros)}`).join(', ')}`);
  }
  console.log(`${frames.length} animation frames in 4 s, ${long} gaps over 25 ms${long > shown ? ` (the first ${shown} shown)` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
