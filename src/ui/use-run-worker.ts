import { useEffect } from 'react';
import { type EventLog, assembleRun, restoreLines, restoreLog } from '../store/index';
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
    // Each part is decoded in the task that receives it, so no one task blocks the page for long.
    let log: EventLog | null = null;
    let lines: string[] = [];
    let linesDone = false;
    worker.addEventListener('message', (event: MessageEvent<RunWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') reportProgress(message.phase, message.fraction);
      // A mark where computing ends and handing over begins (the large-run browser test reads it).
      else if (message.type === 'computed') performance.mark('queue-lab:run-delivery');
      else if (message.type === 'log') log = restoreLog(message.part);
      else if (message.type === 'lines') {
        for (const line of restoreLines(message.part)) lines.push(line);
        linesDone = message.last;
      } else if (message.type === 'rest' && log !== null && linesDone) acceptRun(assembleRun(log, lines, message.part));
      else if (message.type === 'failed') cancelComputing(`The large run could not be computed: ${message.message}`);
    });
    worker.addEventListener('error', (event) => cancelComputing(`The large run could not be computed: ${event.message}`));
    worker.postMessage(requested, []); // Worker.postMessage: the second argument is the transfer list
    return () => worker.terminate();
  }, [requested, reportProgress, acceptRun, cancelComputing]);
}
