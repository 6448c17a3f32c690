import type { CPythonRun } from '../store/index';

/**
 * What the real-Python worker (src/pyodide/worker.ts) posts back. Declared here
 * because the UI imports only the store; tests/pyodide checks that the worker's
 * own WorkerReply type fits it.
 */
export type RealPythonReply =
  | { readonly type: 'progress'; readonly phase: 'download' | 'start'; readonly loaded: number; readonly total: number }
  | { readonly type: 'ready'; readonly python: string; readonly seconds: number }
  | { readonly type: 'result'; readonly id: number; readonly result: CPythonRun }
  | { readonly type: 'failed'; readonly id: number; readonly stage: 'load' | 'run'; readonly message: string };

/** What the panel asks the worker. */
export type RealPythonRequest = { readonly type: 'run'; readonly id: number; readonly program: string; readonly maxIterations?: number };
