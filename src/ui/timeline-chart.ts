import { type QueueLengthSeries, seriesEnvelope } from '../store/index';

/**
 * The chart's user space. Its width is the SVG's measured width (one unit a CSS
 * pixel), so text keeps its size on a phone and the height stays 120 px.
 */
export const CHART = { height: 120, left: 44, right: 10, top: 10, bottom: 34 } as const;
export const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;
export const BASELINE = CHART.top + PLOT_HEIGHT;

export interface Scales {
  /** The viewBox width. */
  readonly width: number;
  /** Virtual seconds the x axis spans (never 0). */
  readonly span: number;
  /** Length at the top of the y axis (never 0). */
  readonly top: number;
}

export const plotWidth = (s: Scales): number => Math.max(1, Math.floor(s.width - CHART.left - CHART.right));
export const xOf = (t: number, s: Scales): number => CHART.left + (Math.min(Math.max(t, 0), s.span) / s.span) * plotWidth(s);
export const yOf = (n: number, s: Scales): number => BASELINE - (n / s.top) * PLOT_HEIGHT;

/** Virtual time under a user-space x; left of the plot means "before anything" (cursor 0). */
export function timeAtX(x: number, s: Scales): number {
  if (x < CHART.left) return -1;
  return Math.min(((x - CHART.left) / plotWidth(s)) * s.span, s.span);
}

/** Round numbers (1, 2 or 5 times a power of ten) from 0 to `max`, about `count` of them. */
export function ticks(max: number, count: number): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const r = (v: number): string => v.toFixed(1);

/** Outlines for the chart: `area` (filled to the baseline) and `line` (stroked, or filled when `band`). */
export function chartPaths(series: QueueLengthSeries, s: Scales): { area: string; line: string; band: boolean } {
  const columns = plotWidth(s);
  // Past a few steps a pixel, one band a pixel column: a path with a million steps stalls the page.
  if (series.points <= 4 * columns) {
    let line = `M${CHART.left} ${r(yOf(0, s))}`;
    for (let i = 1; i < series.points; i++) line += `H${r(xOf(series.time(i), s))}V${r(yOf(series.length[i]!, s))}`;
    line += `H${CHART.left + columns}`;
    return { line, area: `${line}V${r(BASELINE)}H${CHART.left}Z`, band: false };
  }
  const { low, high } = seriesEnvelope(series, columns, s.span);
  const tops: string[] = [];
  const bottoms: string[] = [];
  for (let b = 0; b < columns; b++) {
    tops.push(`V${r(yOf(high[b]!, s))}H${CHART.left + b + 1}`);
    bottoms.push(`V${r(yOf(low[b]!, s))}H${CHART.left + b}`);
  }
  const across = tops.join('');
  const area = `M${CHART.left} ${r(BASELINE)}${across}V${r(BASELINE)}Z`;
  // The band runs right along the highs and back along the lows, so a busy stretch reads as solid.
  const line = `M${CHART.left} ${r(yOf(low[0]!, s))}${across}${bottoms.toReversed().join('')}Z`;
  return { area, line, band: true };
}
