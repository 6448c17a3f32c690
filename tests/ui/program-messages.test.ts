import { describe, expectTypeOf, it } from 'vitest';
import type { ProgramRecording as WorkerRecording } from '../../src/pyodide/recording';
import type { ProgramRecording } from '../../src/ui/program-messages';

/** The editor declares its side of the worker's messages through the store's types; they must be the worker's. */
describe('the editor and the Pyodide worker agree on a recording (types)', () => {
  it('the recording the store loads is the one the recorder sends', () => {
    expectTypeOf<ProgramRecording>().toEqualTypeOf<WorkerRecording>();
  });
});
