/** Reading a Chromium trace (browser.startTracing with the 'toplevel' and 'blink.user_timing' categories). */

/** A Chromium trace event (the fields read here). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** The thread's CPU time inside a complete event (wall time is `dur`); Chromium records it for its own threads. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly functionName?: string } };
}

/** Trace microseconds as milliseconds, for printing. */
export const traceMs = (micros: number): string => (micros / 1000).toFixed(1);

/** The `thread_name` event of the page's main thread (its pid and tid), if the trace has one. */
export function mainThreadOf(events: readonly TraceEvent[]): TraceEvent | undefined {
  return events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
}

/** The longest task (ms) the page's main thread ran that started between two user-timing marks (`to` null: until the trace ends). */
export function longestTask(events: readonly TraceEvent[], from: string, to: string | null): number {
  const main = mainThreadOf(events);
  const mark = (name: string): number => events.find((e) => e.name === name)?.ts ?? Number.NaN;
  const start = mark(from);
  const end = to === null ? Number.POSITIVE_INFINITY : mark(to);
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.pid === main?.pid && e.tid === main.tid && e.ts >= start && e.ts < end);
  return Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000));
}

/** The longest main-thread task from a mark to the end of the trace. */
export function longestTaskAfter(events: readonly TraceEvent[], from: string): number {
  return longestTask(events, from, null);
}
