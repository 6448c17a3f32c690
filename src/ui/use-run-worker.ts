import { useEffect } from 'react';
import { type ViewState, fromRunData } from '../store/index';
import { useLab, useLabActions } from './lab-context';
import type { RunWorkerMessage } from './run-worker';

/** When the store asks for a large run, compute it in a Web Worker; a newer request ends the older worker. */
export function useRunWorker(): void {
  const requested = useLab((s) => s.computing?.settings ?? null);
  const { reportProgress, acceptRun, cancelComputing } = useLabActions();
  useEffect(() => {
    if (requested === null) return undefined;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      cancelComputing(`This browser could not start a background worker for a large run (${String(error)}).`);
      return undefined;
    }
    const checkpoints: ViewState[] = [];
    let cancelled = false;
    /** `draw` in a later task, once the page is idle (within 200 ms; a timer where requestIdleCallback is missing), unless this request has ended. */
    const later = (draw: () => void): void => {
      const fire = (): void => {
        if (!cancelled) draw();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(fire, { timeout: 200 });
      else setTimeout(fire, 0);
    };
    worker.addEventListener('message', (event: MessageEvent<RunWorkerMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          reportProgress(message.phase, message.fraction);
          break;
        case 'computed':
          // Where computing ends and handing over begins (the large-run browser test and bench read it).
          performance.mark('queue-lab:run-delivery');
          break;
        case 'checkpoints':
          checkpoints.push(...message.slice);
          break;
        case 'run': {
          const run = fromRunData({ ...message.data, checkpoints });
          // Shown in a task of its own: receiving the run (its data is read here) and drawing it (React
          // renders a store change at once) made one task of 70 ms for a million jobs, too long a wait.
          // And once the page is idle: the transferred arrays (185 MiB for a million jobs) start V8's
          // incremental marking, and drawing at once ran under it, ending in its 15 ms final pause inside
          // React's commit (traced). Nine A/B runs of a million jobs: the longest hand-over task 42-61 ms
          // before (median 49), 24-50 ms after (median 35).
          later(() => acceptRun(run));
          break;
        }
        case 'failed':
          cancelComputing(`The large run could not be computed: ${message.message}`);
          break;
      }
    });
    worker.addEventListener('error', (event) => cancelComputing(`The large run could not be computed: ${event.message}`));
    worker.postMessage(requested, []); // Worker.postMessage: the second argument is the transfer list
    return () => {
      cancelled = true;
      worker.terminate();
    };
  }, [requested, reportProgress, acceptRun, cancelComputing]);
}
