import type { ComputedRunData, LabActions, ViewState } from '../store/index';

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

/** A recording without its events (the page gets those as the run itself): what the editor says about it. */
export type RecordingSummary = Omit<ProgramRecording, 'events'> & { readonly eventCount: number };

/**
 * Worker -> page, from src/ui/python-worker.ts: the recording of request `id`
 * as the run the lab shows (fromRunData), its checkpoints first, in slices.
 */
export type RecordedRunReply =
  | { readonly type: 'recorded-checkpoints'; readonly id: number; readonly slice: readonly ViewState[] }
  | { readonly type: 'recorded-run'; readonly id: number; readonly summary: RecordingSummary; readonly data: ComputedRunData };

/** The summary of a recording the page received whole. */
export function summaryOf(recording: ProgramRecording): RecordingSummary {
  const { events, ...rest } = recording;
  return { ...rest, eventCount: events.length };
}
