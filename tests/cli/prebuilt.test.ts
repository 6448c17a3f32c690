import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';

const root = resolve(import.meta.dirname, '../..');

/** `npm run cli`'s own path: the prebuilt bundle under plain node (scripts/cli.mjs builds it first if a source is newer). */
function prebuilt(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const child = spawnSync('node', ['scripts/cli.mjs', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

describe('the prebuilt CLI', () => {
  it('prints, byte for byte, what the CLI function prints, across many pieces and 1 MiB writes (the non-ASCII line included)', () => {
    const args = ['run', '--jobs', '20000', '--workers', '7', '--maxsize', '3', '--min-interval', '0', '--max-interval', '0.1'];
    const process = prebuilt(args);
    const inProcess = cli(args);
    expect(process.status).toBe(0);
    expect(process.stdout.split('\n').length).toBeGreaterThan(2 * 16_384);
    expect(process.stdout).toContain('[Producer] Done \u2014 added 20000 jobs total');
    expect(process.stdout).toBe(inProcess.stdout);
    expect(process.stderr).toBe(inProcess.stderr);
  });

  it('prints the exported program, the usage, and a deadlock report with its exit code as the CLI function does', () => {
    for (const args of [['export', '--workers', '4'], ['run', '--help'], ['run', '--shutdown', 'none', '--jobs', '5']]) {
      const process = prebuilt(args);
      const inProcess = cli(args);
      expect([process.stdout, process.stderr, process.status]).toEqual([inProcess.stdout, inProcess.stderr, inProcess.code]);
    }
  });

  it('stops quietly with exit status 1 when the reader of its output goes away (`| head`), as seed_scenario.py does', async () => {
    const child = spawn('node', ['scripts/cli.mjs', 'run', '--jobs', '1000000', '--min-interval', '0', '--max-interval', '0'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect({ status, stderr }).toEqual({ status: 1, stderr: '' });
  });

  it('writes all of its output to a non-blocking pipe whose reader is slow (the writes that find it full are retried)', () => {
    const args = ['run', '--jobs', '30000', '--workers', '5', '--min-interval', '0', '--max-interval', '0'];
    // Python makes the pipe, sets the CLI's end non-blocking, and reads only after the CLI has filled it.
    const reader = `
import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(0.3)
chunks = []
while chunk := os.read(r, 1 << 16):
    chunks.append(chunk)
sys.stdout.buffer.write(b''.join(chunks))
sys.exit(child.wait())
`;
    const child = spawnSync('python3', ['-c', reader, 'node', 'scripts/cli.mjs', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(cli(args).stdout);
  });
});
