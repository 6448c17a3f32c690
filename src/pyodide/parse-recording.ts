import type { ProgramRecording, RecordedEvent, RecordedQueue, RecordedTask } from './recording';
import { parseRunResultObject } from './run-result';

/**
 * record_program's JSON (recorder.py) as a ProgramRecording, checked on the
 * way: a malformed recording fails here, with what was wrong, rather than
 * somewhere in the page. Events arrive as `[kind code, time index, task,
 * line, ...fields]` (a code into `kinds`, an index into `times`: numbers are
 * cheaper to write and parse than the same strings and floats a million
 * times) and are turned into RecordedEvents in place.
 */
export function parseRecording(json: string): ProgramRecording {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const kinds = stringArray(raw['kinds'], 'kinds');
  const times = array(raw['times'], 'times');
  for (const t of times) if (typeof t !== 'number') fail(`times holds ${JSON.stringify(t)}`);
  const events = array(raw['events'], 'events');
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as unknown[];
    if (!Array.isArray(event) || event.length < 4) fail(`event ${i} is ${JSON.stringify(event)}`);
    const kind = kinds[event[0] as number];
    const t = times[event[1] as number];
    if (kind === undefined || t === undefined || !Number.isInteger(event[2]) || !Number.isInteger(event[3])) fail(`event ${i} is ${JSON.stringify(event)}`);
    for (let f = 4; f < event.length; f++) {
      const field = event[f];
      if (typeof field !== 'number' && typeof field !== 'string') fail(`event ${i} has field ${JSON.stringify(field)}`);
    }
    event[0] = kind;
    event[1] = t;
  }
  const stopped = raw['stopped'] as ProgramRecording['stopped'];
  if (stopped !== null && (typeof stopped !== 'object' || typeof stopped.message !== 'string' || !STOPS.has(stopped.kind))) fail(`stopped is ${JSON.stringify(stopped)}`);
  const traceback = raw['traceback'];
  if (traceback !== null && typeof traceback !== 'string') fail('traceback is not text');
  const errorLines = array(raw['error_lines'], 'error_lines');
  if (!errorLines.every(Number.isInteger)) fail(`error_lines is ${JSON.stringify(errorLines)}`);
  return {
    result: parseRunResultObject(raw['result'] as Record<string, unknown>),
    events: events as unknown as RecordedEvent[],
    tasks: array(raw['tasks'], 'tasks').map(task),
    queues: array(raw['queues'], 'queues').map(queue),
    items: stringArray(raw['items'], 'items'),
    stopped,
    traceback: traceback as string | null,
    errorLines: errorLines as number[],
  };
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
