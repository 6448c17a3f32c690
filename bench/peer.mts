/** The CPython peer: ../shared/bench/py_asyncio.py on its virtual-clock loop, run in the same bench invocation. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const SCRIPT = resolve(import.meta.dirname, '../../shared/bench/py_asyncio.py');

export interface PeerRun {
  readonly secs: number;
  /** `repr(loop.time())`: Python's shortest round-trip text of the double. */
  readonly vtime: string;
  readonly line: string;
}

/** `python3 py_asyncio.py J W M --loop virtual --sleep`; its line is `key=value` pairs. */
export function runPeer(jobs: number, workers: number, maxsize: number): PeerRun {
  const out = spawnSync('python3', [SCRIPT, String(jobs), String(workers), String(maxsize), '--loop', 'virtual', '--sleep'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`py_asyncio.py failed (${out.status}): ${out.stderr}`);
  const line = out.stdout.trim();
  const field = (key: string): string => {
    const match = new RegExp(`(?:^| )${key}=(\\S+)`).exec(line);
    if (match === null) throw new Error(`py_asyncio.py printed no ${key}=: ${line}`);
    return match[1]!;
  };
  return { secs: Number(field('secs')), vtime: field('vtime'), line };
}
