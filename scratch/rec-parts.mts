import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPyodide } from 'pyodide';
import { parseRecording } from '../src/pyodide/parse-recording';
import { RUNNER_FILES, loadRunner } from '../src/pyodide/python-runner';
import { workloadProgram } from '../bench/workload-program.mts';
const root = resolve(import.meta.dirname, '..');
const sources = RUNNER_FILES.map((name) => [name, readFileSync(resolve(root, 'src/pyodide', name), 'utf8')] as const);
const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
const runner = loadRunner(py, sources);
const src = workloadProgram(10000);
const t = (f: () => unknown) => { const s = performance.now(); const v = f(); return [v, performance.now() - s] as const; };
for (let i = 0; i < 4; i++) {
  const [, run] = t(() => runner.run(src));
  const [json, rec] = t(() => runner.recordJson(src));
  const [, parse] = t(() => parseRecording(json as string));
  console.log(`run ${run.toFixed(0)} recordJson ${rec.toFixed(0)} parse ${parse.toFixed(0)}`);
}
py.globals.set('J', (runner.recordJson(src)));
const r = py.runPython(`
import json, time
d = json.loads(J)
t = time.perf_counter(); s = json.dumps(d, ensure_ascii=False, separators=(",", ":")); a = time.perf_counter() - t
ev = d["events"]
t = time.perf_counter(); s2 = json.dumps(ev, separators=(",", ":")); b = time.perf_counter() - t
f"dumps all {a*1000:.1f} ms, events only {b*1000:.1f} ms, {len(ev)} values, types {set(type(x).__name__ for x in ev)}"
`);
console.log(String(r));
const [s] = t(() => py.runPython('s'));
const [, conv] = t(() => String(py.runPython('s')));
console.log('str to js', conv.toFixed(1));
