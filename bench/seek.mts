/**
 * Seek time on a run of J jobs (default 100,000), as the page does it after the worker's hand-over:
 *   npx tsx bench/seek.mts [J]   -> one JSON line {events, medianMs, worstMs, p95Ms}
 */
import { DEFAULT_SETTINGS } from '../src/engine/index';
import { computeRunData, createLabStore, fromRunData } from '../src/store/index';

const settings = { ...DEFAULT_SETTINGS, jobs: Number(process.argv[2] ?? 100_000) };
const computed = fromRunData(computeRunData(settings, () => {}));
const store = createLabStore();
store.setState({ computing: { settings, phase: 'folding', fraction: 1, at: 0 } });
store.getState().acceptRun(computed);
const { timeline, seek } = store.getState();
// A fixed pseudo-random walk over the run, so every invocation seeks the same events.
let x = 12345;
const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  const target = x % (timeline.length + 1);
  const start = performance.now();
  seek(target);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ events: timeline.length, medianMs: times[500], p95Ms: times[950], worstMs: times.at(-1) }));
