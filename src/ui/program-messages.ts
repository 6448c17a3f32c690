import type { LabActions } from '../store/index';

/**
 * What the editor's run flow and the Pyodide worker (src/pyodide/worker.ts)
 * say to each other besides loading: a `record` request and its `recording`
 * reply. Declared here because the UI imports only the store (the recording's
 * type is what the store's loadRecording takes); tests/ui/program-messages.test.ts
 * checks that the worker's own protocol fits it.
 */
export type ProgramRecording = Parameters<LabActions['loadRecording']>[0];

/** Page -> worker: record this program as CPython runs it. */
export type RecordRequest = { readonly type: 'record'; readonly id: number; readonly program: string; readonly maxIterations?: number };

/** Worker -> page: the recording of request `id`. */
export type RecordReply = { readonly type: 'recording'; readonly id: number; readonly recording: ProgramRecording };
