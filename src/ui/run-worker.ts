/**
 * A Web Worker that computes a large run (engine, index, checkpoints) off the
 * page's thread and posts it back as plain data in three parts, with progress
 * on the way, so that the page decodes one part per task.
 */
import { type RunDataParts, type ScenarioSettings, computeRunData, splitRunData } from '../store/index';

export type RunWorkerMessage =
  | { readonly type: 'progress'; readonly phase: 'running' | 'indexing' | 'folding'; readonly fraction: number }
  | { readonly type: 'computed' }
  | { readonly type: 'log'; readonly part: RunDataParts['log'] }
  | { readonly type: 'lines'; readonly part: string; readonly last: boolean }
  | { readonly type: 'rest'; readonly part: RunDataParts['rest'] }
  | { readonly type: 'failed'; readonly message: string };

const scope = globalThis as unknown as { postMessage(message: RunWorkerMessage, transfer: Transferable[]): void; addEventListener(type: 'message', listener: (event: MessageEvent<ScenarioSettings>) => void): void };

const LINES_PER_MESSAGE = 20_000;

const buffersOf = (arrays: readonly ArrayBufferView[]): ArrayBuffer[] => [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];

scope.addEventListener('message', (event) => {
  try {
    let last = -1;
    const data = computeRunData(event.data, (phase, fraction) => {
      // At most a hundred messages a phase.
      const step = Math.floor(fraction * 100);
      if (step === last) return;
      last = step;
      scope.postMessage({ type: 'progress', phase, fraction }, []); // a worker's postMessage: the second argument is the transfer list
    });
    scope.postMessage({ type: 'computed' }, []);
    const parts = splitRunData(data);
    // Hand the big buffers over rather than copying them.
    scope.postMessage({ type: 'log', part: parts.log }, buffersOf([...parts.log.chunks, ...parts.log.times.starts, ...parts.log.times.times]));
    // The printed lines in slices of 20,000: each is split into strings in its own task on the page.
    const lines = parts.linesText.split('\n');
    for (let start = 0; start < lines.length || start === 0; start += LINES_PER_MESSAGE) {
      const final = start + LINES_PER_MESSAGE >= lines.length;
      scope.postMessage({ type: 'lines', part: lines.slice(start, start + LINES_PER_MESSAGE).join('\n'), last: final }, []);
    }
    const { plan, index, series } = parts.rest;
    const typed = [plan.durations, plan.intervals, ...(plan.priorities === null ? [] : [plan.priorities]), index.items.job, index.items.put, index.items.leave, index.items.key, series.t, series.length, series.cursor];
    scope.postMessage({ type: 'rest', part: parts.rest }, buffersOf(typed));
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) }, []);
  }
});
