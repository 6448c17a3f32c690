import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ProgramRecording, RecordedEvent } from '../../src/pyodide/recording';
import type { PythonRunner } from '../../src/pyodide/run-program';
import { ORACLE_DIR, type ProcessResult, runProcess, runVirtual } from '../support/oracle';

/** Helpers for the recorder's tests: events with named fields, a replay of each queue, CPython to compare with. */

/** The fields of each kind, in order (the table in src/pyodide/recording.ts). */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  'task.create': ['created'],
  'task.step': [],
  'task.await': ['awaiting'],
  'task.done': ['outcome', 'message'],
  'task.cancel': ['target'],
  'task.stuck': ['awaiting'],
  'queue.create': ['queue'],
  'queue.put': ['queue', 'item', 'position', 'unfinished'],
  'queue.put_wait': ['queue', 'item', 'qsize'],
  'queue.get': ['queue', 'item', 'qsize'],
  'queue.get_wait': ['queue', 'qsize'],
  'queue.wake': ['queue', 'target', 'waiter'],
  'queue.wait_cancelled': ['queue', 'waiter'],
  'queue.task_done': ['queue', 'unfinished'],
  'queue.join_wait': ['queue', 'unfinished'],
  'queue.join_release': ['queue', 'target'],
  'queue.shutdown': ['queue', 'immediate', 'dropped'],
  'queue.drop': ['queue', 'item', 'unfinished'],
  'queue.refused': ['queue', 'waiter'],
  sleep: ['delay', 'item'],
  print: ['text'],
};

/** A recorded event with its fields named. */
export interface Ev {
  readonly kind: string;
  readonly t: number;
  readonly task: number;
  readonly line: number;
  readonly [field: string]: number | string;
}

export function named(event: RecordedEvent): Ev {
  const [kind, t, task, line, ...values] = event;
  const fields = FIELDS[kind];
  if (fields === undefined) throw new Error(`unknown kind ${kind}`);
  expect(values.length, `${kind} fields`).toBe(fields.length);
  return Object.fromEntries([['kind', kind], ['t', t], ['task', task], ['line', line], ...fields.map((name, i) => [name, values[i]!])]) as Ev;
}

/** The events, named, optionally of one kind (or kinds) only. */
export function eventsOf(recording: ProgramRecording, ...kinds: string[]): Ev[] {
  const all = recording.events.map(named);
  return kinds.length === 0 ? all : all.filter((e) => kinds.includes(e.kind));
}

/** The task number of the task named `name`. */
export function taskNamed(recording: ProgramRecording, name: string): number {
  const n = recording.tasks.findIndex((t) => t.name === name);
  expect(n, `a task named ${name}`).toBeGreaterThanOrEqual(0);
  return n;
}

/** The number of the queue the program binds to `name`. */
export function queueNamed(recording: ProgramRecording, name: string): number {
  const n = recording.queues.findIndex((q) => q.name === name);
  expect(n, `a queue named ${name}`).toBeGreaterThanOrEqual(0);
  return n;
}

/**
 * Replay each queue's events and check they tell one consistent story: a put
 * goes in at its position in get() order, a get takes the item at position 0,
 * sizes and unfinished counts follow, a wake or a join release goes to a task
 * that is waiting, a drop takes the next item out. Returns each queue's items
 * in the order they were got.
 */
export function replayQueues(recording: ProgramRecording): number[][] {
  const queues = recording.queues.map(() => ({ items: [] as number[], unfinished: 0, getters: new Set<number>(), putters: new Set<number>(), joiners: new Set<number>(), got: [] as number[] }));
  for (const e of eventsOf(recording)) {
    if (!e.kind.startsWith('queue.') || e.kind === 'queue.create') continue;
    const q = queues[e['queue'] as number]!;
    const where = `${e.kind} at t=${e.t} (line ${e.line})`;
    switch (e.kind) {
      case 'queue.put':
        expect(e['position'], where).toBeGreaterThanOrEqual(0);
        expect(e['position'], where).toBeLessThanOrEqual(q.items.length);
        q.items.splice(e['position'] as number, 0, e['item'] as number);
        expect(e['unfinished'], where).toBe(++q.unfinished);
        break;
      case 'queue.get':
        expect(e['item'], where).toBe(q.items.shift());
        expect(e['qsize'], where).toBe(q.items.length);
        q.got.push(e['item'] as number);
        break;
      case 'queue.put_wait':
        expect(e['qsize'], where).toBe(q.items.length);
        q.putters.add(e.task);
        break;
      case 'queue.get_wait':
        expect([e['qsize'], q.items.length], where).toEqual([0, 0]);
        q.getters.add(e.task);
        break;
      case 'queue.wake': {
        const waiting = e['waiter'] === 'getter' ? q.getters : q.putters;
        expect(waiting.has(e['target'] as number), `${where}: task ${e['target']} is waiting`).toBe(true);
        waiting.delete(e['target'] as number);
        break;
      }
      case 'queue.wait_cancelled':
        (e['waiter'] === 'getter' ? q.getters : q.putters).delete(e.task);
        break;
      case 'queue.task_done':
        expect(e['unfinished'], where).toBe(--q.unfinished);
        break;
      case 'queue.join_wait':
        expect(e['unfinished'], where).toBe(q.unfinished);
        q.joiners.add(e.task);
        break;
      case 'queue.join_release':
        expect(q.joiners.has(e['target'] as number), `${where}: task ${e['target']} waits in join()`).toBe(true);
        expect(q.unfinished, where).toBe(0);
        q.joiners.delete(e['target'] as number);
        break;
      case 'queue.drop':
        expect(e['item'], where).toBe(q.items.shift());
        if (q.unfinished > 0) q.unfinished--;
        expect(e['unfinished'], where).toBe(q.unfinished);
        break;
      case 'queue.shutdown':
        if (e['immediate'] === 1) expect(q.items, where).toEqual([]);
        break;
      case 'queue.refused':
        break;
      default:
        throw new Error(`unexpected ${where}`);
    }
  }
  return queues.map((q) => q.got);
}

/** The labels of the items a queue handed out, in order. */
export const labels = (recording: ProgramRecording, items: readonly number[]): string[] => items.map((n) => recording.items[n]!);

/**
 * Record `source`, and check that what the program printed and how it ended
 * is exactly what an uninstrumented run of the same source reports.
 */
export function recordFaithfully(python: PythonRunner, source: string): ProgramRecording {
  const recording = python.record(source);
  const plain = python.run(source);
  const { seconds: _a, ...recorded } = recording.result;
  const { seconds: _b, ...uninstrumented } = plain;
  expect(recorded).toEqual(uninstrumented);
  return recording;
}

/** Record faithfully, and check the printed output and exit code against CPython 3.11 (the oracle) too. */
export async function recordLikeCPython(python: PythonRunner, source: string): Promise<ProgramRecording> {
  const recording = recordFaithfully(python, source);
  const cpython = await oracle(source);
  expect(recording.result.stdout).toBe(cpython.stdout);
  expect(recording.result.exitCode).toBe(cpython.code);
  return recording;
}

/** CPython 3.11 (the oracle) on the virtual clock: run_virtual.py. */
export function oracle(source: string): Promise<ProcessResult> {
  return runVirtual(source);
}

/** The oracle, stopped after `seconds` (for a program that never ends): what it printed by then. */
export function oracleFor(source: string, seconds: number): Promise<ProcessResult> {
  const path = join(mkdtempSync(join(tmpdir(), 'queue-lab-hang-')), 'program.py');
  writeFileSync(path, source, 'utf8');
  return runProcess('timeout', [String(seconds), 'python3', '-u', join(ORACLE_DIR, 'run_virtual.py'), path]);
}
