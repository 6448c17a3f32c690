import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type LabEvent, SENTINEL, type ScenarioSettings, type TextList, exportScenario, runScenario } from '../../src/engine/index';
import type { ProgramRecording, RecordedEvent } from '../../src/pyodide/recording';
import { type PythonRunner, prepareRunner } from '../../src/pyodide/run-program';
import { printedLines } from '../../src/store/compare-output';
import { LESSONS } from '../../src/store/lessons/catalog';
import { recordFaithfully } from './recording-helpers';

/**
 * Every lesson's exported program, recorded by CPython 3.14 (Pyodide), against
 * the engine's own run of the same settings: the lab's queue (the first the
 * program creates; a dead-letter queue is extra) sees the same operations in
 * the same order, each at the same time, in the same task (both number tasks
 * in creation order), on the same job (job n is the item whose repr holds
 * `process_item_n`; the sentinel is None, item 0, or a priority queue's
 * `(STOP, n, None)`), with the same positions,
 * sizes and counts. `queue.create` and `queue.wait_cancelled` are the
 * recorder's alone (the engine's one queue exists from the start; it does not
 * record a cancelled wait), so they are left out.
 *
 * Then everything else both record: task creations, ends (outcome and
 * message), cancellations, a deadlock's stuck tasks and what each waits on,
 * sleeps (delay and the job held) and printed lines; and the program line of
 * every event the engine places on one. The one difference CPython documents
 * as arbitrary is allowed: asyncio.run's clean-up cancels the leftover tasks
 * in set (memory address) order, the engine in creation order.
 */

let python: PythonRunner;

beforeAll(async () => {
  python = prepareRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }));
}, 120_000);

/** An event in words both sides can be written in, and the program line the engine gives it (null: none). */
type Op = string;
interface Placed {
  readonly op: Op;
  readonly line: number | null;
}

/** Kinds besides the queue's that both the engine and the recorder write. */
const SHARED = new Set(['task.create', 'task.done', 'task.cancel', 'task.stuck', 'sleep', 'print']);

const RECORDER_ONLY = new Set(['queue.create', 'queue.wait_cancelled']);

function engineEvents(settings: ScenarioSettings): Placed[] {
  const log = runScenario(settings, { record: true }).log!;
  const { lineOf } = exportScenario(settings);
  const placed: Placed[] = [];
  for (let i = 0; i < log.length; i++) {
    const event = log.at(i);
    const ours = event.kind.startsWith('queue.') ? !RECORDER_ONLY.has(event.kind) && 'queue' in event && event.queue === 0 : SHARED.has(event.kind);
    if (ours) placed.push({ op: engineOp(event, log.lines), line: event.site === 0 ? null : (lineOf.get(event.site as never) ?? null) });
  }
  return placed;
}

function engineOp(e: LabEvent, lines: TextList): Op {
  const at = `${e.kind} t=${e.t} task=${e.task}`;
  switch (e.kind) {
    case 'queue.put':
      return `${at} job=${e.job} position=${e.position} unfinished=${e.unfinished}`;
    case 'queue.put_wait':
      return `${at} job=${e.job} qsize=${e.qsize}`;
    case 'queue.get':
      return `${at} job=${e.job} qsize=${e.qsize}`;
    case 'queue.get_wait':
      return `${at} qsize=${e.qsize}`;
    case 'queue.wake':
      return `${at} target=${e.target} ${e.waiter}`;
    case 'queue.task_done':
    case 'queue.join_wait':
      return `${at} unfinished=${e.unfinished}`;
    case 'queue.join_release':
      return `${at} target=${e.target}`;
    case 'queue.shutdown':
      return `${at} immediate=${e.immediate ? 1 : 0} dropped=${e.dropped}`;
    case 'queue.drop':
      return `${at} job=${e.job} unfinished=${e.unfinished}`;
    case 'queue.refused':
      return `${at} ${e.waiter}`;
    case 'task.create':
      return `${at} created=${e.created}`;
    case 'task.done':
      return `${at} ${e.outcome} ${e.message}`;
    case 'task.cancel':
      return `${at} target=${e.target}`;
    case 'task.stuck':
      return `${at} awaiting ${e.awaiting}`;
    case 'sleep':
      return `${at} delay=${e.delay} job=${e.job}`;
    case 'print':
      return `${at} ${lines.at(e.line)}`;
    default:
      return `${at} (not compared)`;
  }
}

/** Job number of recorded item n: `process_item_7` in its repr; None (or a priority queue's `(STOP, n, None)`) is the sentinel. */
function jobOf(recording: ProgramRecording, item: number): number {
  const label = recording.items[item] ?? '';
  if (item === 0 || /^\(\d+, \d+, None\)$/.test(label)) return SENTINEL;
  const match = /process_item_(\d+)\b/.exec(label);
  return match === null ? -100 - item : Number(match[1]);
}

function recordedEvents(recording: ProgramRecording): Placed[] {
  const placed: Placed[] = [];
  for (const event of recording.events) {
    const [kind, t, task, line] = event;
    const ours = kind.startsWith('queue.') ? !RECORDER_ONLY.has(kind) && event[4] === 0 : SHARED.has(kind);
    if (ours) placed.push({ op: recordedOp(recording, event, `${kind} t=${t} task=${task}`), line });
  }
  return placed;
}

function recordedOp(recording: ProgramRecording, e: RecordedEvent, at: string): Op {
  const job = (field: number | string | undefined): number => jobOf(recording, Number(field));
  switch (e[0]) {
    case 'queue.put':
      return `${at} job=${job(e[5])} position=${e[6]} unfinished=${e[7]}`;
    case 'queue.put_wait':
    case 'queue.get':
      return `${at} job=${job(e[5])} qsize=${e[6]}`;
    case 'queue.get_wait':
      return `${at} qsize=${e[5]}`;
    case 'queue.wake':
      return `${at} target=${e[5]} ${e[6]}`;
    case 'queue.task_done':
    case 'queue.join_wait':
      return `${at} unfinished=${e[5]}`;
    case 'queue.join_release':
      return `${at} target=${e[5]}`;
    case 'queue.shutdown':
      return `${at} immediate=${e[5]} dropped=${e[6]}`;
    case 'queue.drop':
      return `${at} job=${job(e[5])} unfinished=${e[6]}`;
    case 'queue.refused':
      return `${at} ${e[5]}`;
    case 'task.create':
      return `${at} created=${e[4]}`;
    case 'task.done':
      return `${at} ${e[4]} ${e[5]}`;
    case 'task.cancel':
      return `${at} target=${e[4]}`;
    case 'task.stuck':
      return `${at} awaiting ${e[4]}`;
    case 'sleep':
      return `${at} delay=${e[4]} job=${Number(e[5]) < 0 ? -1 : job(e[5])}`;
    case 'print':
      return `${at} ${e[4]}`;
    default:
      return `${at} (not compared)`;
  }
}

const queueOps = (side: readonly Placed[]): Op[] => side.map((p) => p.op).filter((op) => op.startsWith('queue.'));
const lines = (side: readonly Placed[]): string[] => side.flatMap((p) => (p.line === null ? [] : [`${p.op} @ ${p.line}`]));

/**
 * What follows main's end is asyncio.run's clean-up: it cancels the tasks left
 * in set (memory address) order, and they end in that order; the engine goes
 * in creation order. That part is compared as a set.
 */
function cleanupSorted(ops: readonly Op[]): Op[] {
  const mainDone = ops.findIndex((op) => /^task\.done \S+ task=0 /.test(op));
  return mainDone < 0 ? [...ops] : [...ops.slice(0, mainDone + 1), ...ops.slice(mainDone + 1).toSorted()];
}

/** Both sides for one set of settings; the recording prints what the engine prints, and what the uninstrumented run prints. */
function bothSides(overrides: Partial<ScenarioSettings>) {
  const settings: ScenarioSettings = { ...DEFAULT_SETTINGS, ...overrides };
  const recording = recordFaithfully(python, exportScenario(settings).text);
  expect(printedLines(recording.result.stdout)).toEqual(runScenario(settings).lines);
  return { settings, recording, engine: engineEvents(settings), cpython: recordedEvents(recording) };
}

function expectSameRun(overrides: Partial<ScenarioSettings>): void {
  const { settings, recording, engine, cpython } = bothSides(overrides);
  expect(recording.stopped).toBeNull();
  expect(recording.queues[0]).toMatchObject({ name: 'queue', maxsize: settings.maxsize });
  expect(queueOps(engine).length).toBeGreaterThan(settings.jobs);
  expect(queueOps(cpython)).toEqual(queueOps(engine));
  expect(cleanupSorted(cpython.map((p) => p.op))).toEqual(cleanupSorted(engine.map((p) => p.op)));
  // Each event at the line the engine names, where it names one (asyncio.run's clean-up has none).
  const cpythonAt = new Map(cpython.map((p) => [p.op, p.line]));
  expect(lines(engine).length).toBeGreaterThan(settings.jobs);
  expect(engine.flatMap((p) => (p.line === null ? [] : [`${p.op} @ ${cpythonAt.get(p.op)}`]))).toEqual(lines(engine));
}

/** Each distinct lesson preset once (several lessons share the classic exercise). */
const PRESETS = [...new Map(LESSONS.map((lesson) => [JSON.stringify(lesson.settings), lesson])).values()];

describe('every lesson preset: the engine and CPython do the same queue operations', () => {
  it('covers the lessons, with queue kinds, shutdowns and failures among them', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(8);
    const kinds = new Set(PRESETS.flatMap((lesson) => [lesson.settings.queue ?? 'fifo', lesson.settings.shutdown ?? 'sentinel']));
    for (const kind of ['fifo', 'priority', 'sentinel', 'none', 'cancel', 'shutdown']) expect(kinds).toContain(kind);
  });

  it.each(PRESETS.map((lesson) => [lesson.id, lesson.settings] as const))('%s', (_id, overrides) => expectSameRun(overrides));
});

/** The options no lesson uses (a LIFO queue, an immediate shutdown), and a few mixtures. */
const OTHERS: readonly (readonly [string, Partial<ScenarioSettings>])[] = [
  ['LifoQueue', { queue: 'lifo' }],
  ['shutdown(immediate=True)', { shutdown: 'shutdown-immediate' }],
  ['PriorityQueue, shutdown(immediate=True), a flaky job retried', { queue: 'priority', shutdown: 'shutdown-immediate', flaky: [2], onError: 'retry' }],
  ['unbounded, 5 workers, two failures, join then cancel', { maxsize: 0, workers: 5, fail: [3, 9], onError: 'crash', shutdown: 'cancel' }],
  ['LifoQueue of maxsize 2, shutdown(), failures logged', { queue: 'lifo', maxsize: 2, shutdown: 'shutdown', fail: [5], onError: 'log', jobs: 12 }],
];

describe('and the options the lessons leave out', () => {
  it.each(OTHERS)('%s', (_name, overrides) => expectSameRun(overrides));
});
