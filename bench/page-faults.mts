/**
 * What first touching memory costs on this machine, the part of recording a
 * run that no code of ours can make cheaper:
 *   npx tsx bench/page-faults.mts [MiB]
 * Writes MiB (default 89, the log of a million-job run at W=3, M=10) of int32
 * words into fresh 1 MiB Int32Arrays, as the event log fills its chunks, then
 * the same words into one 1 MiB array written over and over (pages already
 * mapped). The difference, per 4 KiB page, is the price of a page fault. In
 * its own process, as a run is. The last line is JSON for bench/run.mts.
 */
const mib = Number(process.argv[2] ?? 89);
const CHUNK_WORDS = 1 << 18;
const words = Math.round((mib * 2 ** 20) / 4);

export interface PageFaultResult {
  readonly mib: number;
  readonly freshMs: number;
  readonly reusedMs: number;
  /** (fresh - reused) per 4 KiB page. */
  readonly microsPerPage: number;
}

function fill(fresh: boolean): number {
  const started = performance.now();
  const kept: Int32Array[] = [];
  let chunk = new Int32Array(CHUNK_WORDS);
  let used = 0;
  for (let i = 0; i < words; i++) {
    if (used === CHUNK_WORDS) {
      if (fresh) {
        kept.push(chunk);
        chunk = new Int32Array(CHUNK_WORDS);
      }
      used = 0;
    }
    chunk[used++] = i;
  }
  const ms = performance.now() - started;
  // Kept alive to here, so no chunk is freed and handed back while filling.
  if (kept.length < 0) console.log(kept.length);
  return ms;
}

fill(false); // warm-up: both timed fills run compiled code
const reusedMs = fill(false);
const freshMs = fill(true);
const result: PageFaultResult = { mib, freshMs, reusedMs, microsPerPage: ((freshMs - reusedMs) * 1000) / ((mib * 2 ** 20) / 4096) };
console.log(`${mib} MiB of int32 words: into fresh 1 MiB arrays ${freshMs.toFixed(0)} ms, into one array over and over ${reusedMs.toFixed(0)} ms: ${result.microsPerPage.toFixed(1)} us per 4 KiB page first touched`);
console.log(JSON.stringify(result));
