/**
 * A Chromium trace of fast playback, for the tools that look inside frames
 * (bench/long-frames.mts, bench/off-cpu.mts): the page of `query` played at
 * 16x in headless Chromium at 1400x1000, as bench/frames.mts plays it, traced
 * for four seconds after one second of warm-up.
 */
import { launchChromium, serveBuiltPage } from '../tests/support/browser';
import type { TraceEvent } from './trace.mts';

export const TRACED_SECONDS = 4;

/** The page to play: the command line's `?query`, else 32 workers, maxsize 20, 500 jobs (bench/frames.mts's default). */
export function playbackQuery(): string {
  return process.argv.slice(2).find((arg) => arg.startsWith('?')) ?? '?workers=32&maxsize=20&jobs=500';
}

export async function tracePlayback(query: string, categories: readonly string[]): Promise<TraceEvent[]> {
  const server = await serveBuiltPage();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}${query}`);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1000); // warm-up, as bench/frames.mts
    await browser.startTracing(page, { categories: [...categories] });
    await page.waitForTimeout(TRACED_SECONDS * 1000);
    return (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The gaps of more than `overMicros` between consecutive animation frames of the page's main thread (its FireAnimationFrame events, sorted). */
export function longGaps(frames: readonly TraceEvent[], overMicros: number): { from: number; to: number }[] {
  const gaps: { from: number; to: number }[] = [];
  for (let i = 1; i < frames.length; i++) {
    const from = frames[i - 1]!.ts;
    const to = frames[i]!.ts;
    if (to - from > overMicros) gaps.push({ from, to });
  }
  return gaps;
}
