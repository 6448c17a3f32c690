/**
 * The recorder's cost, in Node's Pyodide (CPython 3.14 in WebAssembly):
 *
 *   npx tsx bench/recording.mts [--jobs N] [--runs R] [--big]
 *
 * A learner's program of the classic shape (a producer, 3 workers, maxsize
 * 10, a sleep per put and per job, a line printed per job; default 10,000
 * jobs) is run uninstrumented (`PythonRunner.run`) and recorded
 * (`PythonRunner.record`: the Python side, its JSON text and events (a
 * Float64Array) into JavaScript, and the parse and check of every event) R
 * times each (default 7), alternating in the same interpreter; the best of each gives the overhead
 * ratio, against its target. Also: the time inside the interpreter alone, the
 * size of what crosses into JavaScript and its parse time, and what the
 * worker's reply costs the page: the parsed recording's structured clone
 * (node:v8's serializer is postMessage's) read back on the receiving side
 * (each the best of three). `--big` adds one recording of 100,000 jobs
 * (about a million events) for the same figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadPyodide } from 'pyodide';
import { parseRecording } from '../src/pyodide/parse-recording';
import { RUNNER_FILES, loadRunner } from '../src/pyodide/python-runner';
import { workloadProgram as program } from './workload-program.mts';

const TARGET_RATIO = 2;

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const jobs = option('--jobs', 10_000);
const runs = option('--runs', 7);
const big = process.argv.includes('--big');

const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (seconds: number): string => `${n(seconds * 1000, 0)} ms`;
function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const value = work();
  return [value, (performance.now() - started) / 1000];
}
/** The best of three (a first call pays for the JIT). */
function best<T>(work: () => T): [T, number] {
  let fastest: [T, number] = timed(work);
  for (let i = 0; i < 2; i++) {
    const next = timed(work);
    if (next[1] < fastest[1]) fastest = next;
  }
  return fastest;
}

const root = resolve(import.meta.dirname, '..');
const sources = RUNNER_FILES.map((name) => [name, readFileSync(resolve(root, 'src/pyodide', name), 'utf8')] as const);
const [python, loadSeconds] = await (async () => {
  const started = performance.now();
  const runner = loadRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }), sources);
  return [runner, (performance.now() - started) / 1000] as const;
})();

console.log(`recording bench: ${n(jobs)} jobs, producer + 3 workers, maxsize 10; best of ${runs}, alternating; CPython ${python.python} (Pyodide, loaded in ${loadSeconds.toFixed(1)} s), Node ${process.version}`);
const source = program(jobs);
python.run(source);
python.record(source);
let bestRun = Infinity;
let bestRecord = Infinity;
let bestRunInside = Infinity;
let bestRecordInside = Infinity;
let events = 0;
const ratios: number[] = [];
for (let i = 0; i < runs; i++) {
  const [plain, runSeconds] = timed(() => python.run(source));
  const [recording, recordSeconds] = timed(() => python.record(source));
  if (recording.result.stdout !== plain.stdout || recording.stopped !== null) throw new Error('the recording does not print what the run prints');
  ratios.push(recordSeconds / runSeconds);
  bestRun = Math.min(bestRun, runSeconds);
  bestRecord = Math.min(bestRecord, recordSeconds);
  bestRunInside = Math.min(bestRunInside, plain.seconds);
  bestRecordInside = Math.min(bestRecordInside, recording.result.seconds);
  events = recording.events.length;
}
const ratio = bestRecord / bestRun;
const verdict = ratio <= TARGET_RATIO ? 'PASS' : 'MISS';
console.log(`  ${verdict}  recording overhead: ${ms(bestRecord)} recorded / ${ms(bestRun)} run = ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x)`);
const median = ratios.toSorted((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
console.log(`        each round's own ratio (a run, then a recording): median ${median.toFixed(2)}x, from ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)} (the machine's load moves both)`);
console.log(`        inside the interpreter (run_program's own clock): ${ms(bestRecordInside)} / ${ms(bestRunInside)} = ${(bestRecordInside / bestRunInside).toFixed(2)}x`);
console.log(`        events: ${n(events)} (${n(events / jobs, 1)} per job), ${n(((bestRecord - bestRun) * 1e6) / events, 2)} us each`);

function transfer(count: number): void {
  const text = program(count);
  const [raw, recordSeconds] = timed(() => python.recordRaw(text));
  const [recording, parseSeconds] = best(() => parseRecording(raw));
  const [, bareParseSeconds] = best(() => JSON.parse(raw.json));
  const [clone, serializeSeconds] = best(() => serialize(recording));
  const [, deserializeSeconds] = best(() => deserialize(clone));
  console.log(`        ${n(count)} jobs: ${n(recording.events.length)} events recorded in ${ms(recordSeconds)}; events ${n(raw.values.byteLength / 2 ** 20, 1)} MiB of float64, the rest ${n(raw.json.length / 2 ** 10)} KiB of JSON (JSON.parse ${ms(bareParseSeconds)}); parsed and checked (parseRecording) ${ms(parseSeconds)}`);
  console.log(`        the worker's reply (the parsed recording): cloned ${ms(serializeSeconds)} in the worker, read back ${ms(deserializeSeconds)} on the page`);
}
transfer(jobs);
if (big) transfer(100_000);
// For bench/run.mts: the figures as JSON, last.
console.log(JSON.stringify({ jobs, events, runSeconds: bestRun, recordSeconds: bestRecord, ratio }));
process.exitCode = verdict === 'PASS' ? 0 : 1;
