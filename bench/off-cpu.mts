/**
 * Where the page's main thread is when a frame is late and it is not running
 * (needs Linux `perf` and the right to record scheduler events, e.g. root):
 *   npx vite build && npx tsx bench/off-cpu.mts [query]
 * Traces fast playback as bench/long-frames.mts does while `perf sched
 * record` (on CLOCK_MONOTONIC, the trace's clock) records every context
 * switch. For each long frame task (over 8 ms, in a gap over 25 ms between
 * animation frames) it splits the task's wall time into on the CPU, runnable
 * but waiting for a CPU, and blocked (asleep in the kernel: a lock, I/O), and
 * names the trace events the thread was blocked inside. Not part of `npm run
 * bench`: a tool for telling a busy page from a busy machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACED_SECONDS, longGaps, playbackQuery, tracePlayback } from './playback-trace.mts';
import { type TraceEvent, mainThreadOf, traceMs } from './trace.mts';

const query = playbackQuery();

type State = 'on the CPU' | 'waiting for a CPU' | 'blocked';
interface Span {
  readonly from: number;
  readonly to: number;
  readonly state: State;
}

try {
  execFileSync('perf', ['--version'], { stdio: 'ignore' });
} catch {
  throw new Error('bench/off-cpu.mts needs Linux perf (Debian: apt-get install linux-perf)');
}
const dir = mkdtempSync(join(tmpdir(), 'queue-lab-off-cpu-'));
const data = join(dir, 'sched.data');
try {
  // Until interrupted: perf writes its data and exits on SIGINT.
  const perf = spawn('perf', ['sched', 'record', '-q', '-k', 'CLOCK_MONOTONIC', '-o', data, '--', 'sleep', '600'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const perfExit = new Promise<number | null>((resolve) => perf.on('exit', resolve));
  let events: TraceEvent[];
  try {
    events = await tracePlayback(query, ['toplevel', 'devtools.timeline', 'blink']);
  } finally {
    perf.kill('SIGINT');
  }
  const code = await perfExit;
  if (code !== 0 && code !== null) throw new Error(`perf sched record failed (exit status ${code}): may this user record scheduler events?`);
  const main = mainThreadOf(events);
  if (main === undefined) throw new Error('no renderer main thread in the trace');
  const spans = threadSpans(execFileSync('perf', ['sched', 'timehist', '-i', data], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }), main.tid);
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid).toSorted((a, b) => a.ts - b.ts);
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const total = new Map<State, number>();
  for (const { from, to } of longGaps(frames, 25_000)) {
    for (const task of tasks.filter((t) => t.ts >= from && t.ts < to && (t.dur ?? 0) > 8000)) {
      const end = task.ts + task.dur!;
      const split = timeIn(spans, task.ts, end);
      for (const [state, micros] of split) total.set(state, (total.get(state) ?? 0) + micros);
      console.log(`gap ${traceMs(to - from)} ms, task ${traceMs(task.dur!)} ms: ${[...split].map(([state, micros]) => `${state} ${traceMs(micros)}`).join(', ')}`);
      for (const span of spans) {
        const a = Math.max(task.ts, span.from);
        const b = Math.min(end, span.to);
        if (span.state !== 'blocked' || b - a < 500) continue;
        const inside = onMain.filter((e) => e.ts <= a && e.ts + (e.dur ?? 0) >= b).map((e) => e.name);
        console.log(`   blocked ${traceMs(b - a)} ms inside ${inside.slice(-3).join(' > ') || 'no traced event'}`);
      }
    }
  }
  console.log(`long frame tasks: ${[...total].map(([state, micros]) => `${state} ${traceMs(micros)} ms`).join(', ') || 'none'}`);
  const all = timeIn(spans, frames[0]?.ts ?? 0, frames.at(-1)?.ts ?? 0);
  console.log(`the main thread over the ${TRACED_SECONDS} s traced: ${[...all].map(([state, micros]) => `${state} ${traceMs(micros)} ms`).join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A thread's time as spans, from `perf sched timehist` lines (time, cpu,
 * task [tid/pid], wait, scheduling delay and run time, the last three in ms):
 * each line ends a run, which the delay precedes and the wait before it.
 */
function threadSpans(timehist: string, tid: number): Span[] {
  const spans: Span[] = [];
  for (const line of timehist.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 6 || !(fields[2]!.endsWith(`[${tid}]`) || fields[2]!.includes(`[${tid}/`))) continue;
    const [end, wait, delay, run] = [Number(fields[0]) * 1e6, Number(fields[3]) * 1e3, Number(fields[4]) * 1e3, Number(fields[5]) * 1e3];
    if (![end, wait, delay, run].every(Number.isFinite)) continue;
    spans.push({ from: end - run, to: end, state: 'on the CPU' }, { from: end - run - delay, to: end - run, state: 'waiting for a CPU' }, { from: end - run - delay - wait, to: end - run - delay, state: 'blocked' });
  }
  return spans;
}

/** How much of [from, to) the thread spent in each state (microseconds). */
function timeIn(spans: readonly Span[], from: number, to: number): Map<State, number> {
  const time = new Map<State, number>([['on the CPU', 0], ['waiting for a CPU', 0], ['blocked', 0]]);
  for (const span of spans) {
    const overlap = Math.min(to, span.to) - Math.max(from, span.from);
    if (overlap > 0) time.set(span.state, time.get(span.state)! + overlap);
  }
  return time;
}
