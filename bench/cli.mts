/**
 * The CLI as a user runs it, whole process (start-up, the run, printing):
 *   npx tsx bench/cli.mts [--jobs N]
 * `npm run --silent cli -- run ...` against `python3 ../shared/oracle/seed_scenario.py`
 * with the same options (issue 14: 1,000,000 jobs, W=100, M=10, no gaps, seed
 * 11), each writing to a file, outputs compared byte for byte; then start-up:
 * `cli run --jobs 1` through npm and as the prebuilt bundle, with bare
 * `node -e 0` for the floor. The last line is JSON for bench/run.mts.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--jobs');
const jobs = at < 0 ? 1_000_000 : Number(process.argv[at + 1]);
const OPTIONS = ['--jobs', String(jobs), '--workers', '100', '--maxsize', '10', '--min-interval', '0', '--max-interval', '0', '--seed', '11'];

/** Wall time of one process, its stdout to `file` (or discarded). */
function timed(command: string, args: readonly string[], file: string | null = null): number {
  const fd = file === null ? 'ignore' : openSync(file, 'w');
  const start = performance.now();
  const child = spawnSync(command, args, { cwd: root, stdio: ['ignore', fd, 'pipe'] });
  const ms = performance.now() - start;
  if (typeof fd === 'number') closeSync(fd);
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return ms;
}

export interface CliBenchResult {
  readonly jobs: number;
  readonly pythonMs: number;
  /** `npm run --silent cli -- run ...`, best of 3. */
  readonly labMs: number;
  /** `node build/cli/queue-lab.mjs run ...`: the same without npm's start. */
  readonly bundleMs: number;
  readonly identical: boolean;
  readonly bytes: number;
  readonly startNpmMs: number;
  readonly startBundleMs: number;
  readonly nodeMs: number;
  /** `npm --version`: npm starting and stopping, running nothing; no `npm run` can start faster. */
  readonly npmAloneMs: number;
}

const best = (count: number, run: () => number): number => Math.min(...Array.from({ length: count }, run));

const dir = mkdtempSync(join(tmpdir(), 'queue-lab-cli-'));
try {
  // Built once first (`npm install` does it), so no run below pays for a build.
  timed('npm', ['run', '--silent', 'cli', '--', 'run', '--jobs', '1']);
  const labFile = join(dir, 'lab.txt');
  const pythonFile = join(dir, 'python.txt');
  const pythonMs = timed('python3', [resolve(root, '../shared/oracle/seed_scenario.py'), ...OPTIONS], pythonFile);
  const labMs = best(3, () => timed('npm', ['run', '--silent', 'cli', '--', 'run', ...OPTIONS], labFile));
  const bundleMs = best(3, () => timed('node', ['build/cli/queue-lab.mjs', 'run', ...OPTIONS], labFile));
  const lab = readFileSync(labFile);
  const python = readFileSync(pythonFile);
  const startNpmMs = best(5, () => timed('npm', ['run', '--silent', 'cli', '--', 'run', '--jobs', '1']));
  const startBundleMs = best(5, () => timed('node', ['build/cli/queue-lab.mjs', 'run', '--jobs', '1']));
  const nodeMs = best(5, () => timed('node', ['-e', '0']));
  const npmAloneMs = best(5, () => timed('npm', ['--version']));
  const result: CliBenchResult = { jobs, pythonMs, labMs, bundleMs, identical: lab.equals(python), bytes: lab.length, startNpmMs, startBundleMs, nodeMs, npmAloneMs };
  console.log(`whole process, ${jobs} jobs: CPython ${(pythonMs / 1000).toFixed(2)} s, npm run cli ${(labMs / 1000).toFixed(2)} s (the bundle alone ${(bundleMs / 1000).toFixed(2)} s); output ${result.identical ? 'identical' : 'DIFFERENT'}`);
  console.log(`start-up (run --jobs 1): npm run cli ${startNpmMs.toFixed(0)} ms, the bundle ${startBundleMs.toFixed(0)} ms, node -e 0 ${nodeMs.toFixed(0)} ms, npm --version ${npmAloneMs.toFixed(0)} ms`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
