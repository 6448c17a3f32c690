/**
 * One engine run of the throughput program, in its own process so that its
 * peak RSS is its own: `npx tsx bench/engine-run.mts J W M [--no-log]`.
 * Prints one JSON line (EngineRun). The timed region is the run only, as in
 * py_asyncio.py (start-up and imports excluded).
 */
import { readFileSync } from 'node:fs';
import { runThroughput } from '../src/engine/bench/run-throughput';
import { EventLog } from '../src/engine/event-log';

export interface EngineRun {
  readonly secs: number;
  readonly done: number;
  /** The final virtual time, as a float64's shortest round-trip text. */
  readonly vtime: string;
  readonly events: number;
  readonly logBytes: number;
  /** Peak resident set size of this process, MiB. */
  readonly peakRssMiB: number;
  /** Minor page faults of this process: pages the kernel mapped on first touch, most of them the log's. */
  readonly pageFaults: number;
}

/**
 * The process's own peak RSS: Linux's VmHWM. Not getrusage's ru_maxrss, which
 * a child inherits from its parent at fork (it would report the bench runner's
 * RSS whenever that is larger); elsewhere ru_maxrss is the best there is.
 */
function peakRssMiB(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [jobs, workers, maxsize] = process.argv.slice(2, 5).map(Number);
if (jobs === undefined || workers === undefined || maxsize === undefined || [jobs, workers, maxsize].some(Number.isNaN)) {
  throw new Error('usage: engine-run.mts J W M [--no-log]');
}
const log = process.argv.includes('--no-log') ? null : new EventLog();
const t0 = process.hrtime.bigint();
const run = runThroughput({ jobs, workers, maxsize, sleep: true }, { log, clock: 'additive' });
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const result: EngineRun = {
  secs,
  done: run.done,
  vtime: String(run.vtime),
  events: log?.length ?? 0,
  logBytes: log?.byteSize() ?? 0,
  peakRssMiB: peakRssMiB(),
  pageFaults: process.resourceUsage().minorPageFault,
};
console.log(JSON.stringify(result));
