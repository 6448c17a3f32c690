import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RecordReply, RecordRequest, RecordedRunReply } from './program-messages';
import type { RealPythonReply, RealPythonRequest } from './real-python-messages';

/** Anything the panels ask the Pyodide worker. */
export type PythonRequest = RealPythonRequest | RecordRequest;

/** Everything the worker says, and `crashed` when the worker itself failed (it could not start, or died). */
export type PythonWorkerEvent = RealPythonReply | RecordReply | RecordedRunReply | { readonly type: 'crashed'; readonly message: string };

/** The interpreter once it is up in this worker. */
export interface PythonInfo {
  readonly version: string;
  readonly seconds: number;
}

export interface PythonWorker {
  /** The interpreter loaded in the current worker; null before the first run and after stop(). */
  readonly python: PythonInfo | null;
  /** Post a request, starting the worker (and so Python) first if need be. False if it could not start. */
  send(request: PythonRequest): boolean;
  /** End the worker and the interpreter in it: the only way to stop CPython mid-run. The next send starts afresh. */
  stop(): void;
}

/**
 * One Pyodide worker for a panel (RealPythonPanel, ProgramEditor): started
 * only when first asked, ended with the panel, restarted after stop(). Every
 * message goes to `onEvent`, the latest one given.
 */
export function usePythonWorker(name: string, onEvent: (event: PythonWorkerEvent) => void): PythonWorker {
  const [python, setPython] = useState<PythonInfo | null>(null);
  const worker = useRef<Worker | null>(null);
  const listener = useRef(onEvent);
  useLayoutEffect(() => {
    listener.current = onEvent;
  });

  // The worker (and the interpreter in it) goes when the panel does.
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  function end(): void {
    worker.current?.terminate();
    worker.current = null;
  }

  function stop(): void {
    end();
    setPython(null);
  }

  function onMessage(event: PythonWorkerEvent): void {
    if (event.type === 'ready') setPython({ version: event.python, seconds: event.seconds });
    if (event.type === 'crashed' || (event.type === 'failed' && event.stage === 'load')) stop();
    listener.current(event);
  }

  function send(request: PythonRequest): boolean {
    if (worker.current === null) {
      try {
        const created = new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module', name });
        created.addEventListener('message', (event: MessageEvent<RealPythonReply | RecordReply | RecordedRunReply>) => {
          if (worker.current === created) onMessage(event.data);
        });
        created.addEventListener('error', (event) => {
          if (worker.current === created) onMessage({ type: 'crashed', message: event.message || 'the worker could not start' });
        });
        worker.current = created;
      } catch (error) {
        onMessage({ type: 'crashed', message: String(error) });
        return false;
      }
    }
    worker.current.postMessage(request, []); // Worker.postMessage: the second argument is the transfer list
    return true;
  }

  return { python, send, stop };
}
