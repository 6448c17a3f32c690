import { launchChromium, serveBuiltPage } from '../tests/support/browser';
import { type TraceEvent, mainThreadOf } from '../bench/trace.mts';
const jobs = Number(process.argv[2] ?? 100000);
const server = await serveBuiltPage();
const browser = await launchChromium();
const ms = (m: number) => (m / 1000).toFixed(1);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?jobs=${jobs}`);
  await page.getByRole('status', { name: 'Computing a large run' }).waitFor();
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8.execute', 'blink'] });
  await page.evaluate("performance.mark('bench:watching')");
  await page.waitForFunction("document.querySelector('[aria-label=\"Computing a large run\"]') === null", undefined, { polling: 100, timeout: 300_000 });
  await page.waitForTimeout(500);
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = mainThreadOf(events)!;
  const mark = (name: string) => events.find((e) => e.name === name)?.ts ?? NaN;
  const start = mark('bench:watching'); const end = mark('queue-lab:run-delivery');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start && e.ts < end).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 4);
  for (const t of tasks) {
    console.log(`task ${ms(t.dur!)} ms at +${ms(t.ts - start)}`);
    const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && (e.dur ?? 0) > 2000);
    for (const e of inner.slice(0, 25)) console.log(`   ${e.name} ${ms(e.dur!)} ${JSON.stringify((e.args as any)?.data ?? {}).slice(0, 160)}`);
  }
} finally { await browser.close(); await server.close(); }
