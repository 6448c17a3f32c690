/**
 * A Web Worker that computes a large run (engine, index, checkpoints) off the
 * page's thread and posts it back as plain data, its big arrays transferred
 * rather than copied, with progress on the way. The checkpoints (thousands of
 * small objects, which the page must deserialize one by one) go first, in
 * slices, each read in a task of its own.
 */
import { type ComputedRunData, type ScenarioSettings, type ViewState, computeRunData, transferablesOf } from '../store/index';
import { checkpointSlices } from './checkpoint-slices';

export type RunWorkerMessage =
  | { readonly type: 'progress'; readonly phase: 'running' | 'indexing' | 'folding'; readonly fraction: number }
  | { readonly type: 'computed' }
  | { readonly type: 'checkpoints'; readonly slice: readonly ViewState[] }
  /** The run, its checkpoints left out (the slices before it carry them). */
  | { readonly type: 'run'; readonly data: ComputedRunData }
  | { readonly type: 'failed'; readonly message: string };

const scope = globalThis as unknown as { postMessage(message: RunWorkerMessage, transfer: Transferable[]): void; addEventListener(type: 'message', listener: (event: MessageEvent<ScenarioSettings>) => void): void };

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
    for (const slice of checkpointSlices(data.checkpoints)) scope.postMessage({ type: 'checkpoints', slice }, []);
    scope.postMessage({ type: 'run', data: { ...data, checkpoints: [] } }, transferablesOf(data) as ArrayBuffer[]);
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) }, []);
  }
});
