import { describe, expect, it } from 'vitest';
import { parseRecording } from '../../src/pyodide/parse-recording';

/**
 * The recording's format as parseRecording reads it: a JSON text beside the
 * events as one Float64Array. The recorder's own tests (recorder*.test.ts)
 * check real recordings against CPython; these check what a malformed one is
 * told, which a working recorder never sends.
 */

const KINDS = ['task.create', 'task.done', 'sleep', 'print'];
const SIZES = [1, 2, 2, 1];
const CLOCK = KINDS.length;
const TEXT_FIELDS = [[], [0, 1], [], [0]];
const TEXTS = ['returned', '', 'hello \u00e9t\u00e9'];

function raw(values: readonly number[], meta: Record<string, unknown> = {}) {
  const json = JSON.stringify({
    result: { exit_code: 0, stdout: 'hello \u00e9t\u00e9\n', stderr: '', ending: { kind: 'returned' }, seconds: 0 },
    kinds: KINDS,
    sizes: SIZES,
    clock: CLOCK,
    text_fields: TEXT_FIELDS,
    texts: TEXTS,
    tasks: [{ name: 'Task-1', coroutine: 'main', parent: -1, line: 3 }],
    queues: [],
    items: ['None'],
    stopped: null,
    traceback: null,
    error_lines: [],
    ...meta,
  });
  return { json, values: Float64Array.from(values) };
}

describe('parseRecording', () => {
  it('reads events by their sizes, times from the clock, texts by index, and a non-finite number as its text', () => {
    const recording = parseRecording(raw([0, -1, 0, 0, CLOCK, 0.5, 2, 0, 4, Infinity, -1, 3, 0, 5, 2, 2, 0, 5, NaN, 7, 1, 0, 6, 0, 1]));
    expect(recording.events).toEqual([
      ['task.create', 0, -1, 0, 0],
      ['sleep', 0.5, 0, 4, 'Infinity', -1],
      ['print', 0.5, 0, 5, 'hello \u00e9t\u00e9'],
      ['sleep', 0.5, 0, 5, 'NaN', 7],
      ['task.done', 0.5, 0, 6, 'returned', ''],
    ]);
  });

  it('says which event is malformed: an unknown kind, a cut-off event, a text it does not have, a task that is not a number', () => {
    expect(() => parseRecording(raw([9, 0, 0]))).toThrow('recorder.py sent a malformed recording: event 0 is [9,0,0]');
    expect(() => parseRecording(raw([0, -1, 0, 0, 2, 0, 4]))).toThrow('event 1 is [2,0,4]');
    expect(() => parseRecording(raw([3, 0, 5, 3]))).toThrow('event 0 (print) names text 3, of 3');
    expect(() => parseRecording(raw([3, 0, 5, 0.5]))).toThrow('event 0 (print) names text 0.5, of 3');
    expect(() => parseRecording(raw([3, 0.5, 5, 2]))).toThrow('event 0 is ["print",0,0.5,5,2]');
    expect(() => parseRecording(raw([0, -1, 0, 0, CLOCK]))).toThrow('the events end with a clock and no time');
  });

  it('refuses text fields that do not fit their kind', () => {
    expect(() => parseRecording(raw([], { text_fields: [[], [0, 2], [], [0]] }))).toThrow('text_fields[1] is [0,2]');
    expect(() => parseRecording(raw([], { text_fields: [[], []] }))).toThrow('text_fields has 2 kinds, not 4');
    expect(() => parseRecording(raw([], { texts: ['a', 1] }))).toThrow('texts holds something other than text');
  });
});
