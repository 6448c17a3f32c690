import { DEFAULT_SETTINGS, EventLog, MAX_TASKS, type QueueKind, type ScenarioSettings, type WaiterKind } from '../engine/index';
import type { ProgramRecording, RecordedEvent, RecordedQueue } from '../pyodide/recording';
import type { RunEnding } from './compare-output';
import { type ComputedRun, type ComputedRunData, LARGE_RUN_CHECKPOINTS, type RunFacts } from './computed-run';
import { describeRecordedOutcome } from './messages';
import { measureRun } from './metrics';
import { stageLayout } from './pipeline';
import { queueLengthSeries, seriesData } from './series';
import { sourceAsProgram } from './source-program';
import { indexRun } from './run-index';
import { type RunQueue, type RunShape } from './run-shape';
import { Timeline } from './timeline';
import { initialView } from './view-state';

/**
 * A learner's program as CPython ran it (the recorder's events) turned into
 * what the lab shows for any run: the same event log the engine writes, the
 * same timeline with checkpoints, the same index. From here on nothing tells
 * a recorded run from a scenario's but its shape (several queues, items
 * labelled by their repr): one store, one picture.
 */
export function computeRecordedRun(recording: ProgramRecording, code: string, settings: ScenarioSettings): ComputedRun {
  const { shape, log, jobs, facts, outcome, ending } = partsOf(recording, settings);
  return {
    run: facts,
    lines: log.lines,
    timeline: new Timeline(log, [initialView(shape.queues.length, false)]),
    index: indexRun(log, shape, null, jobs),
    program: sourceAsProgram(code),
    outcome,
    ending,
  };
}

/** What both forms of a recorded run are made of. */
function partsOf(recording: ProgramRecording, settings: ScenarioSettings) {
  const shape = shapeOf(recording);
  const log = logOf(recording);
  const jobs = Math.max(0, recording.items.length - 1);
  const endTime = log.length === 0 ? 0 : log.time(log.length - 1);
  const raw = recording.result.ending;
  const ending: RunEnding = raw.kind === 'deadlock' ? { kind: 'deadlock', t: raw.t, iteration: raw.iteration, tasks: raw.tasks.map((t) => ({ name: t.name, coroutine: t.coroutine, line: t.line })) } : raw;
  const facts: RunFacts = { settings, jobs, priorities: null, endTime, iterations: raw.kind === 'deadlock' ? raw.iteration : 0, shape };
  return { shape, log, jobs, endTime, facts, ending, outcome: describeRecordedOutcome(recording, endTime) };
}

/** Recordings past this many events are measured once, whole, where they are computed (live measures would walk them on the page). */
const MEASURE_WHOLE_OVER = 200_000;

/**
 * In a worker: the recorded run as plain data for the page (fromRunData), its
 * checkpoints, layout and chart series computed here, so showing a
 * recording costs the page's thread no walk of its events.
 */
export function computeRecordedRunData(recording: ProgramRecording, code: string, settings: ScenarioSettings = DEFAULT_SETTINGS): ComputedRunData {
  const { shape, log, jobs, endTime, facts, outcome, ending } = partsOf(recording, settings);
  return {
    run: { ...facts, priorities: null },
    log: log.toData(),
    index: indexRun(log, shape, null, jobs),
    checkpoints: new Timeline(log, [initialView(shape.queues.length, false)], LARGE_RUN_CHECKPOINTS).allCheckpoints(),
    outcome,
    ending,
    series: seriesData(queueLengthSeries(log, 0)),
    metrics: log.length > MEASURE_WHOLE_OVER ? measureRun(log, log.length, endTime, shape) : null,
    source: code,
    layout: stageLayout(log, shape.queues.length),
  };
}

const KIND_OF_CLASS: Record<string, QueueKind> = { PriorityQueue: 'priority', LifoQueue: 'lifo' };

/** Queue names: the program's, made unique (`q`, `q (2)`), else `Queue 1`, `Queue 2`. */
function shapeOf(recording: ProgramRecording): RunShape {
  const seen = new Map<string, number>();
  const queues = recording.queues.map((q: RecordedQueue, i): RunQueue => {
    const base = q.name ?? `Queue ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { name: count === 1 ? base : `${base} (${count})`, className: q.className, maxsize: q.maxsize, kind: KIND_OF_CLASS[q.className] ?? 'fifo' };
  });
  return { source: 'program', queues, items: recording.items, coroutines: recording.tasks.map((t) => t.coroutine) };
}

const num = (event: RecordedEvent, field: number): number => Number(event[4 + field] ?? 0);
const str = (event: RecordedEvent, field: number): string => String(event[4 + field] ?? '');
const waiter = (event: RecordedEvent, field: number): WaiterKind => (str(event, field) === 'putter' ? 'putter' : 'getter');
const OUTCOMES = new Set(['returned', 'cancelled', 'raised'] as const);

/** Write the recorded events into an EventLog, each at its time, queue and line. */
function logOf(recording: ProgramRecording): EventLog {
  const log = new EventLog();
  const names = recording.tasks.map((t) => t.name);
  for (const event of recording.events) {
    const [kind, t, rawTask, line] = event;
    const task = rawTask >= 0 && rawTask < MAX_TASKS ? rawTask : -1;
    log.setTime(t);
    const isQueueEvent = kind.startsWith('queue.');
    log.place(isQueueEvent ? num(event, 0) : 0, line);
    const site = line & 0xff;
    switch (kind) {
      case 'task.create': {
        const created = num(event, 0);
        log.taskCreate(task, site, created, names[created] ?? `Task-${created + 1}`);
        break;
      }
      case 'task.step':
        log.taskStep(task, site);
        break;
      case 'task.await':
        log.taskAwait(task, site, str(event, 0));
        break;
      case 'task.done': {
        const outcome = str(event, 0);
        log.taskDone(task, site, OUTCOMES.has(outcome as never) ? (outcome as 'returned') : 'raised', str(event, 1));
        break;
      }
      case 'task.cancel':
        log.taskCancel(task, site, num(event, 0));
        break;
      case 'task.stuck':
        log.taskStuck(task, site, str(event, 0));
        break;
      case 'queue.create':
        log.queueCreate(task, site);
        break;
      case 'queue.put':
        log.put(task, site, num(event, 1), num(event, 2), num(event, 3));
        break;
      case 'queue.put_wait':
        log.putWait(task, site, num(event, 1), num(event, 2));
        break;
      case 'queue.get':
        log.get(task, site, num(event, 1), num(event, 2));
        break;
      case 'queue.get_wait':
        log.getWait(task, site, num(event, 1));
        break;
      case 'queue.wake':
        log.wake(task, site, num(event, 1), waiter(event, 2));
        break;
      case 'queue.wait_cancelled':
        log.waitCancelled(task, site, waiter(event, 1));
        break;
      case 'queue.task_done':
        log.taskDoneCall(task, site, num(event, 1));
        break;
      case 'queue.join_wait':
        log.joinWait(task, site, num(event, 1));
        break;
      case 'queue.join_release':
        log.joinRelease(task, site, num(event, 1));
        break;
      case 'queue.shutdown':
        log.shutdown(task, site, num(event, 1) === 1, num(event, 2));
        break;
      case 'queue.drop':
        log.drop(task, site, num(event, 1), num(event, 2));
        break;
      case 'queue.refused':
        log.refused(task, site, waiter(event, 1));
        break;
      case 'sleep':
        log.sleep(task, site, num(event, 0), num(event, 1));
        break;
      case 'print':
        log.print(task, site, str(event, 0));
        break;
      default:
        // A kind this page does not know (a newer recorder): skipped, not guessed at.
        break;
    }
  }
  return log;
}

