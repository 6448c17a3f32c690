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

/** Time (ms) to write the words, and how many arrays they filled. */
function fill(fresh: boolean): { ms: number; arrays: number } {
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
  // Every filled array stays alive to here (it is counted), so none is freed and handed back while filling.
  return { ms: performance.now() - started, arrays: kept.length + 1 };
}

fill(false); // warm-up: both timed fills run compiled code
const reusedMs = fill(false).ms;
const fresh = fill(true);
const freshMs = fresh.ms;
const result: PageFaultResult = { mib, freshMs, reusedMs, microsPerPage: ((freshMs - reusedMs) * 1000) / ((mib * 2 ** 20) / 4096) };
console.log(`${mib} MiB of int32 words: into ${fresh.arrays} fresh 1 MiB arrays ${freshMs.toFixed(0)} ms, into one array over and over ${reusedMs.toFixed(0)} ms: ${result.microsPerPage.toFixed(1)} us per 4 KiB page first touched`);
console.log(JSON.stringify(result));
