import type { ProgramRecording, RecordedEvent, RecordedQueue, RecordedTask } from './recording';
import { parseRunResultObject } from './run-result';

/** What record_program returns (recorder.py): its JSON text, and its events as one list of numbers. */
export interface RawRecording {
  readonly json: string;
  readonly values: Float64Array;
}

/**
 * record_program's recording (recorder.py) as a ProgramRecording, checked on
 * the way: a malformed recording fails here, with what was wrong, rather than
 * somewhere in the page. Events arrive in one flat Float64Array, each as `kind
 * code, task, line, ...fields` (`sizes[code]` fields; a code into `kinds`),
 * and `clock, t` where the loop's time moves to t: numbers cross from the
 * interpreter as one copy of their bytes, where JSON text would be written,
 * carried and parsed. A text field (`text_fields[code]` lists them) holds an
 * index into `texts`; a number that is not finite (a sleep of `inf`) becomes
 * its text, "Infinity" or "NaN", as recordings have always shown it.
 */
export function parseRecording({ json, values: flat }: RawRecording): ProgramRecording {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const kinds = stringArray(raw['kinds'], 'kinds');
  const sizes = array(raw['sizes'], 'sizes') as number[];
  if (sizes.length !== kinds.length || !sizes.every(Number.isInteger)) fail(`sizes is ${JSON.stringify(sizes)}`);
  const textMasks = textFieldMasks(array(raw['text_fields'], 'text_fields'), sizes);
  const texts = stringArray(raw['texts'], 'texts');
  const clock = raw['clock'];
  const events: RecordedEvent[] = [];
  let t = 0;
  for (let at = 0; at < flat.length; ) {
    const code = flat[at]!;
    if (code === clock) {
      if (at + 1 >= flat.length) fail('the events end with a clock and no time');
      t = flat[at + 1]!;
      at += 2;
      continue;
    }
    const kind = kinds[code];
    const size = 3 + (sizes[code] ?? 0);
    if (kind === undefined || at + size > flat.length) fail(`event ${events.length} is ${JSON.stringify(Array.from(flat.subarray(at, at + size)))}`);
    const event = eventAt(flat, at, size, kind, t);
    if (!Number.isInteger(event[2]) || !Number.isInteger(event[3])) fail(`event ${events.length} is ${JSON.stringify(event)}`);
    const mask = textMasks[code]!;
    for (let f = 4; f < event.length; f++) {
      const field = event[f] as number;
      if ((mask & (1 << (f - 4))) !== 0) {
        const text = texts[field];
        if (text === undefined) fail(`event ${events.length} (${kind}) names text ${field}, of ${texts.length}`);
        event[f] = text;
      } else if (!Number.isFinite(field)) event[f] = String(field);
    }
    events.push(event as unknown as RecordedEvent);
    at += size;
  }
  const stopped = raw['stopped'] as ProgramRecording['stopped'];
  if (stopped !== null && (typeof stopped !== 'object' || typeof stopped.message !== 'string' || !STOPS.has(stopped.kind))) fail(`stopped is ${JSON.stringify(stopped)}`);
  const traceback = raw['traceback'];
  if (traceback !== null && typeof traceback !== 'string') fail('traceback is not text');
  const errorLines = array(raw['error_lines'], 'error_lines');
  if (!errorLines.every(Number.isInteger)) fail(`error_lines is ${JSON.stringify(errorLines)}`);
  return {
    result: parseRunResultObject(raw['result'] as Record<string, unknown>),
    events,
    tasks: array(raw['tasks'], 'tasks').map(task),
    queues: array(raw['queues'], 'queues').map(queue),
    items: stringArray(raw['items'], 'items'),
    stopped,
    traceback: traceback as string | null,
    errorLines: errorLines as number[],
  };
}

/** `[kind, t, task, line, ...fields]` from the flat list (array literals: several times faster than a spread of a slice in V8). */
function eventAt(flat: Float64Array, at: number, size: number, kind: string, t: number): unknown[] {
  switch (size) {
    case 3:
      return [kind, t, flat[at + 1], flat[at + 2]];
    case 4:
      return [kind, t, flat[at + 1], flat[at + 2], flat[at + 3]];
    case 5:
      return [kind, t, flat[at + 1], flat[at + 2], flat[at + 3], flat[at + 4]];
    case 6:
      return [kind, t, flat[at + 1], flat[at + 2], flat[at + 3], flat[at + 4], flat[at + 5]];
    case 7:
      return [kind, t, flat[at + 1], flat[at + 2], flat[at + 3], flat[at + 4], flat[at + 5], flat[at + 6]];
    default:
      return [kind, t, ...flat.subarray(at + 1, at + size)];
  }
}

const STOPS: ReadonlySet<unknown> = new Set(['events', 'output', 'tasks', 'iterations', 'time', 'refused']);

function task(value: unknown, i: number): RecordedTask {
  const t = value as Record<string, unknown>;
  if (typeof t['name'] !== 'string' || typeof t['coroutine'] !== 'string' || !Number.isInteger(t['parent']) || !Number.isInteger(t['line'])) fail(`task ${i} is ${JSON.stringify(value)}`);
  return { name: t['name'], coroutine: t['coroutine'], parent: t['parent'] as number, line: t['line'] as number };
}

function queue(value: unknown, i: number): RecordedQueue {
  const q = value as Record<string, unknown>;
  const name = q['name'];
  if ((name !== null && typeof name !== 'string') || typeof q['class_name'] !== 'string' || typeof q['maxsize'] !== 'number' || !Number.isInteger(q['line'])) fail(`queue ${i} is ${JSON.stringify(value)}`);
  return { name: name as string | null, className: q['class_name'], maxsize: q['maxsize'], line: q['line'] as number };
}

/** Each kind's text fields as a bit mask (bit f: field f is a text), checked against its size. */
function textFieldMasks(textFields: unknown[], sizes: readonly number[]): number[] {
  if (textFields.length !== sizes.length) fail(`text_fields has ${textFields.length} kinds, not ${sizes.length}`);
  return textFields.map((fields, code) => {
    const offsets = array(fields, `text_fields[${code}]`);
    if (!offsets.every((f) => Number.isInteger(f) && (f as number) >= 0 && (f as number) < sizes[code]!)) fail(`text_fields[${code}] is ${JSON.stringify(fields)}`);
    return (offsets as number[]).reduce((mask, f) => mask | (1 << f), 0);
  });
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  return value as unknown[];
}

function stringArray(value: unknown, what: string): string[] {
  const list = array(value, what);
  if (!list.every((x) => typeof x === 'string')) fail(`${what} holds something other than text`);
  return list as string[];
}

function fail(problem: string): never {
  throw new Error(`recorder.py sent a malformed recording: ${problem}`);
}
