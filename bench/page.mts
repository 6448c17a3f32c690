import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The JavaScript a first visit downloads: the entry script and what it preloads, gzipped. */
export async function initialJsGzipBytes(outDir: string): Promise<{ bytes: number; files: string[] }> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
  return { bytes, files };
}

/**
 * bench/seek.mts in its own process: seek times on a run of `jobs` jobs. Run
 * as a bundle (vite's SSR build, under plain node) rather than under tsx,
 * whose loader makes computing a million-job run take 45 s instead of 19 s;
 * built inside the project so its packages resolve.
 */
export async function seekTimes(jobs: number): Promise<{ events: number; medianMs: number; p95Ms: number; worstMs: number } | null> {
  const outDir = resolve(import.meta.dirname, '../build/bench-seek');
  await build({ configFile: false, publicDir: false, logLevel: 'warn', build: { ssr: resolve(import.meta.dirname, 'seek.mts'), outDir, emptyOutDir: true, minify: false, target: 'node20' } });
  const result = spawnSync(process.execPath, [join(outDir, 'seek.js'), String(jobs)], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { events: number; medianMs: number; p95Ms: number; worstMs: number };
}

/** What bench/large-run.mts measures (its last line). */
export interface LargeRunResult {
  readonly jobs: number;
  readonly events: number;
  readonly computeMs: number;
  readonly handOverMs: number;
  readonly longestWhileComputingMs: number;
  readonly longestHandOverMs: number;
  readonly seekToEndMs: number;
  readonly heapMiB: number;
}

/** What bench/frames.mts measures (its last line). */
export interface FramesResult {
  readonly fps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly over25Ms: number;
  readonly taskMsPerSecond: number;
  readonly longTasks: number;
}

/** bench/recording.mts's figures. */
export interface RecordingResult {
  readonly jobs: number;
  readonly events: number;
  readonly runSeconds: number;
  readonly recordSeconds: number;
  readonly ratio: number;
}

/** bench/own-program.mts's figures. */
export interface OwnProgramResult {
  readonly jobs: number;
  readonly events: number;
  readonly firstRunMs: number;
  /** The best of the runs after the first (the interpreter loaded). */
  readonly secondRunMs: number;
  readonly warmRunsMs: readonly number[];
  /** The longest main-thread task over those runs. */
  readonly longestTaskMs: number;
}

/** A measurement script in its own process, whatever its exit status (a MISS exits 1): its last line as JSON, or null. */
export function nodeBench<T>(script: string, args: readonly string[]): T | null {
  const result = spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8', timeout: 600_000 });
  const last = result.stdout?.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) {
    process.stderr.write(result.stderr ?? '');
    return null;
  }
  return JSON.parse(last) as T;
}

/** A browser measurement in its own process (it serves dist/): its last line as JSON, or null if it failed. */
export function browserBench<T>(script: string, args: readonly string[]): T | null {
  const result = spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    return null;
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}
