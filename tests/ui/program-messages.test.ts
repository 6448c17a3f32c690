import { describe, expectTypeOf, it } from 'vitest';
import type { WorkerMessage, WorkerRecordingReply, WorkerRequest } from '../../src/pyodide/protocol';
import type { ProgramRecording as WorkerRecording } from '../../src/pyodide/recording';
import type { ProgramRecording, RecordReply, RecordRequest } from '../../src/ui/program-messages';
import type { PythonRequest, PythonWorkerEvent } from '../../src/ui/use-python-worker';

/** The editor declares its side of the worker's messages through the store's types; they must be the worker's. */
describe('the editor and the Pyodide worker agree on their messages (types)', () => {
  it('the recording the store loads is the one the recorder sends', () => {
    expectTypeOf<ProgramRecording>().toEqualTypeOf<WorkerRecording>();
  });

  it('a record request is one the worker takes, and its reply one the editor reads', () => {
    expectTypeOf<RecordRequest>().toExtend<WorkerRequest>();
    expectTypeOf<PythonRequest>().toExtend<WorkerRequest>();
    expectTypeOf<WorkerRecordingReply>().toExtend<RecordReply>();
    expectTypeOf<WorkerMessage>().toExtend<PythonWorkerEvent>();
  });
});
