import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** ../shared/oracle, beside the project root, as CI lays it out. */
export const ORACLE_DIR = resolve(import.meta.dirname, '../../../shared/oracle');

export interface ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Run a command to completion, feeding it `input`; never rejects on a non-zero exit. */
export function runProcess(command: string, args: readonly string[], input = ''): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code: code ?? -1 }),
    );
    child.stdin.end(input);
  });
}

/** `python3 seed_scenario.py ARGS`: the reference output of the classic exercise. */
export function seedScenario(args: readonly string[]): Promise<ProcessResult> {
  return runProcess('python3', [join(ORACLE_DIR, 'seed_scenario.py'), ...args]);
}

const scratch = mkdtempSync(join(tmpdir(), 'queue-lab-oracle-'));
let programCount = 0;

/** `python3 run_virtual.py program.py`: an exported program run by CPython on the virtual clock. */
export function runVirtual(programText: string): Promise<ProcessResult> {
  const path = join(scratch, `program_${programCount++}.py`);
  writeFileSync(path, programText, 'utf8');
  return runProcess('python3', [join(ORACLE_DIR, 'run_virtual.py'), path]);
}

/** Run a Python snippet that reads JSON on stdin and prints JSON on stdout. */
export async function pythonJson<T>(code: string, input: unknown): Promise<T> {
  const result = await runProcess('python3', ['-c', code], JSON.stringify(input));
  if (result.code !== 0) throw new Error(`python failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Map over items with at most `limit` in flight (the machine has 2 cores). */
export async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(runners);
  return results;
}
