/**
 * What makes the long frames, from a Chromium trace (issue 14: "a trace, not guesses"):
 *   npx vite build && npx tsx bench/long-frames.mts [query] [--frames N]
 * Plays the query (default 32 workers, maxsize 20, 500 jobs) at 16x, traces four
 * seconds, and for each gap of more than 25 ms between animation frames prints
 * the page's main-thread tasks in it (with the trace events inside each: script,
 * style, layout, paint, garbage collection) and how busy the other threads were
 * (the compositor, Viz, raster). Beside each task's wall time, the main
 * thread's CPU time in it: the rest is time the thread was off the CPU, waiting
 * for one or blocked (bench/off-cpu.mts tells which, with perf). Not part of
 * `npm run bench`: a tool for finding where a frame's time goes.
 */
import { TRACED_SECONDS, longGaps, playbackQuery, tracePlayback } from './playback-trace.mts';
import { type TraceEvent, mainThreadOf, traceMs } from './trace.mts';

const query = playbackQuery();
const at = process.argv.indexOf('--frames');
const shown = at < 0 ? 12 : Number(process.argv[at + 1]);
const INNER = /FunctionCall|Layout$|Paint$|UpdateLayoutTree|GC|FireAnimationFrame|TimerFire|HitTest$|PrePaint|Layerize/;

const events = await tracePlayback(query, ['toplevel', 'devtools.timeline', 'blink']);
const main = mainThreadOf(events);
if (main === undefined) throw new Error('no renderer main thread in the trace');
const onMain = (e: TraceEvent): boolean => e.pid === main.pid && e.tid === main.tid;
const threadNames = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
const complete = events.filter((e) => e.ph === 'X').toSorted((a, b) => a.ts - b.ts);
const mainEvents = complete.filter(onMain);
const frames = mainEvents.filter((e) => e.name === 'FireAnimationFrame');
const gaps = longGaps(frames, 25_000);
/** Over the long gaps' main-thread tasks: wall time and the thread's CPU time (microseconds). */
let wall = 0;
let cpu = 0;
for (const [index, { from, to }] of gaps.entries()) {
  const tasks = mainEvents.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= from && e.ts < to);
  const gapWall = tasks.reduce((sum, t) => sum + (t.dur ?? 0), 0);
  wall += gapWall;
  cpu += tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0);
  if (index >= shown) continue;
  console.log(`gap ${traceMs(to - from)} ms; main-thread tasks ${traceMs(gapWall)} ms:`);
  for (const task of tasks.filter((t) => (t.dur ?? 0) > 2000)) {
    const end = task.ts + (task.dur ?? 0);
    const inner = mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 1500 && INNER.test(e.name));
    const named = inner.slice(0, 10).map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${traceMs(e.dur ?? 0)}`);
    console.log(`   task ${traceMs(task.dur ?? 0)} ms (on the CPU ${traceMs(task.tdur ?? 0)} ms): ${named.join(', ')}`);
  }
  const others = new Map<string, number>();
  for (const e of complete) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || onMain(e) || e.ts < from || e.ts >= to) continue;
    const name = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    others.set(name, (others.get(name) ?? 0) + (e.dur ?? 0));
  }
  const busiest = [...others].toSorted((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(`   other threads: ${busiest.map(([name, micros]) => `${name} ${traceMs(micros)}`).join(', ')}`);
}
console.log(`${frames.length} animation frames in ${TRACED_SECONDS} s, ${gaps.length} gaps over 25 ms${gaps.length > shown ? ` (the first ${shown} shown)` : ''}`);
if (gaps.length > 0) console.log(`main-thread tasks in those gaps: ${traceMs(wall)} ms, of which the thread was on the CPU ${traceMs(cpu)} ms and off it ${traceMs(wall - cpu)} ms`);
