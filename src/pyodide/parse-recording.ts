import type { ProgramRecording, RecordedEvent, RecordedQueue, RecordedTask } from './recording';
import { parseRunResultObject } from './run-result';

/**
 * record_program's JSON (recorder.py) as a ProgramRecording, checked on the
 * way: a malformed recording fails here, with what was wrong, rather than
 * somewhere in the page. Events arrive in one flat list, each as `kind code,
 * task, line, ...fields` (`sizes[code]` fields; a code into `kinds`), and
 * `clock, t` where the loop's time moves to t: one list of numbers is written
 * and parsed in about half the time of a list of lists, and the same strings
 * and times a million times over would cost more still.
 */
export function parseRecording(json: string): ProgramRecording {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const kinds = stringArray(raw['kinds'], 'kinds');
  const sizes = array(raw['sizes'], 'sizes');
  if (sizes.length !== kinds.length || !sizes.every(Number.isInteger)) fail(`sizes is ${JSON.stringify(sizes)}`);
  const clock = raw['clock'];
  const flat = array(raw['events'], 'events');
  const events: RecordedEvent[] = [];
  let t = 0;
  for (let at = 0; at < flat.length; ) {
    const code = flat[at];
    if (code === clock) {
      t = flat[at + 1] as number;
      if (typeof t !== 'number') fail(`a time is ${JSON.stringify(t)}`);
      at += 2;
      continue;
    }
    const kind = kinds[code as number];
    const size = 3 + (sizes[code as number] as number);
    const event = eventAt(flat, at, size, kind as string, t);
    if (kind === undefined || at + size > flat.length || !Number.isInteger(event[2]) || !Number.isInteger(event[3])) fail(`event ${events.length} is ${JSON.stringify(flat.slice(at, at + size))}`);
    for (let f = 4; f < event.length; f++) {
      const field = event[f];
      if (typeof field !== 'number' && typeof field !== 'string') fail(`event ${events.length} has field ${JSON.stringify(field)}`);
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
function eventAt(flat: readonly unknown[], at: number, size: number, kind: string, t: number): unknown[] {
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
      return [kind, t, ...flat.slice(at + 1, at + size)];
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
