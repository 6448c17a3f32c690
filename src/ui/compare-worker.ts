/**
 * A Web Worker that computes runs of a comparison (ui/use-compare-runs.ts), one
 * per message, off the page's thread: at a million jobs each takes seconds.
 */
import { type ComparedRun, type ComparedSetting, type ScenarioSettings, compareRun } from '../store/index';

export interface CompareRequest {
  readonly settings: ScenarioSettings;
  readonly setting: ComparedSetting;
  readonly value: number;
}

export type CompareWorkerMessage = { readonly type: 'run'; readonly value: number; readonly run: ComparedRun } | { readonly type: 'failed'; readonly value: number; readonly message: string };

const scope = globalThis as unknown as { postMessage(message: CompareWorkerMessage, transfer: Transferable[]): void; addEventListener(type: 'message', listener: (event: MessageEvent<CompareRequest>) => void): void };

scope.addEventListener('message', (event) => {
  const { settings, setting, value } = event.data;
  try {
    scope.postMessage({ type: 'run', value, run: compareRun(settings, setting, value) }, []); // a worker's postMessage: the second argument is the transfer list
  } catch (error) {
    scope.postMessage({ type: 'failed', value, message: String(error) }, []);
  }
});
