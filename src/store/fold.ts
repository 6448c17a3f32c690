import { type EventLog, type JobId, type LabEvent, SENTINEL, exhaustive } from '../engine/index';
import { narrate } from './messages';
import type { RunShape } from './run-shape';
import { TaskTableDraft, taskAt } from './task-table';
import { type QueueView, type TaskStatus, type TaskView, type ViewState, roleOf, statusOfOutcome } from './view-state';

const without = (list: readonly number[], id: number): readonly number[] => list.filter((item) => item !== id);

/**
 * A picture being folded from `view`, event by event. The task table (a
 * TaskTableDraft) and the list of queues are copied once per fold and then
 * changed in place: never an array of an earlier picture. Folding 256 events
 * made 256 copies of each (and four closures an event): a million-job run's
 * checkpoints took a third of its compute time, most of it in the garbage
 * collector.
 */
class Draft {
  private cursor: number;
  private t: number;
  private site: number;
  private printed: number;
  private deadlocked: boolean;
  private readonly tasks: TaskTableDraft;
  private readonly queues: QueueView[];

  constructor(view: ViewState) {
    this.cursor = view.cursor;
    this.t = view.t;
    this.site = view.site;
    this.printed = view.printed;
    this.deadlocked = view.deadlocked;
    this.tasks = new TaskTableDraft(view.tasks);
    this.queues = view.queues.slice();
  }

  /** The picture folded so far (the draft is not used after this). */
  view(): ViewState {
    return { cursor: this.cursor, t: this.t, tasks: this.tasks.table(), queues: this.queues, printed: this.printed, deadlocked: this.deadlocked, site: this.site };
  }

  private setTask(id: number, change: Partial<TaskView>): void {
    const current = this.tasks.get(id);
    if (current !== undefined) this.tasks.set(id, changedTask(current, change));
  }

  /** The task's status changes now: `until` and `awaiting` are null unless given, the job and error kept unless given. */
  private become(id: number, status: TaskStatus, change: Partial<TaskView> = NO_CHANGE): void {
    this.setTask(id, { status, since: this.t, until: change.until ?? null, awaiting: change.awaiting ?? null, job: change.job, error: change.error });
  }

  private jobOf(id: number): JobId | null {
    return this.tasks.get(id)?.job ?? null;
  }

  /** Change queue `q` (a new QueueView: earlier pictures keep theirs). */
  private setQueue(q: number, change: Partial<QueueView>): void {
    const current = this.queues[q];
    if (current !== undefined) this.queues[q] = changedQueue(current, change);
  }

  /** Apply one event to the picture. */
  apply(event: LabEvent): void {
    const t = event.t;
    this.t = t;
    const queue = 'queue' in event ? this.queues[event.queue] : undefined;
    switch (event.kind) {
      case 'task.create': {
        this.tasks.set(event.created, { id: event.created, label: event.name, role: roleOf(event.name), status: 'starting', job: null, since: t, until: null, error: null, stuck: null, awaiting: null });
        if (event.task >= 0) this.become(event.task, 'running', { job: this.jobOf(event.task) });
        break;
      }
      case 'task.done':
        this.become(event.task, statusOfOutcome(event.outcome), { job: null, error: event.outcome === 'raised' ? event.message : null });
        this.queues.forEach((q, i) => {
          if (q.getters.includes(event.task) || q.putters.includes(event.task) || q.joiners.includes(event.task)) {
            this.setQueue(i, { getters: without(q.getters, event.task), putters: without(q.putters, event.task), joiners: without(q.joiners, event.task) });
          }
        });
        break;
      case 'task.cancel':
        break;
      case 'task.stuck':
        this.setTask(event.task, { stuck: event.awaiting });
        this.deadlocked = true;
        break;
      case 'task.step': {
        // A task that got None keeps saying so while it finishes.
        const current = this.tasks.get(event.task);
        if (current !== undefined && current.status !== 'stopping') this.become(event.task, 'running', { job: current.job });
        break;
      }
      case 'task.await':
        this.become(event.task, 'waiting', { job: this.jobOf(event.task), awaiting: event.awaiting });
        break;
      case 'queue.create':
        this.setQueue(event.queue, { created: true });
        break;
      case 'queue.wait_cancelled':
        if (queue !== undefined) this.setQueue(event.queue, event.waiter === 'getter' ? { getters: without(queue.getters, event.task) } : { putters: without(queue.putters, event.task) });
        this.become(event.task, 'running', { job: event.waiter === 'putter' ? null : this.jobOf(event.task) });
        break;
      case 'queue.put':
        if (queue !== undefined) this.setQueue(event.queue, { length: queue.length + 1, unfinished: event.unfinished });
        this.become(event.task, 'running', { job: null });
        break;
      case 'queue.put_wait':
        if (queue !== undefined) this.setQueue(event.queue, { putters: [...queue.putters, event.task] });
        this.become(event.task, 'blocked-put', { job: event.job });
        break;
      case 'queue.get':
        if (queue !== undefined) this.setQueue(event.queue, { length: queue.length - 1 });
        this.become(event.task, event.job === SENTINEL ? 'stopping' : 'running', { job: event.job });
        break;
      case 'queue.get_wait':
        if (queue !== undefined) this.setQueue(event.queue, { getters: [...queue.getters, event.task] });
        this.become(event.task, 'waiting-get', { job: null });
        break;
      case 'queue.wake':
        if (queue !== undefined) this.setQueue(event.queue, event.waiter === 'getter' ? { getters: without(queue.getters, event.target) } : { putters: without(queue.putters, event.target) });
        this.become(event.target, 'woken', { job: this.jobOf(event.target) });
        break;
      case 'queue.task_done':
        this.setQueue(event.queue, { unfinished: event.unfinished });
        this.setTask(event.task, { job: null });
        break;
      case 'queue.join_wait':
        if (queue !== undefined) this.setQueue(event.queue, { joiners: [...queue.joiners, event.task] });
        this.become(event.task, 'waiting-join');
        break;
      case 'queue.join_release':
        if (queue !== undefined) this.setQueue(event.queue, { joiners: without(queue.joiners, event.target) });
        this.become(event.target, 'woken');
        break;
      case 'queue.shutdown':
        this.setQueue(event.queue, { shutDown: true });
        break;
      case 'queue.drop':
        if (queue !== undefined) this.setQueue(event.queue, { length: queue.length - 1, unfinished: event.unfinished });
        break;
      case 'queue.refused':
        this.become(event.task, 'stopping', { job: null });
        break;
      case 'sleep':
        this.become(event.task, 'sleeping', { until: t + event.delay, job: this.jobOf(event.task) });
        break;
      case 'print':
        this.printed += 1;
        break;
      case 'job.failed':
        this.become(event.task, 'running', { job: event.job });
        break;
      case 'job.dead_letter':
        break;
      default:
        exhaustive(event);
    }
    this.cursor += 1;
    this.site = event.site;
  }
}

/**
 * `{ ...task, ...change }`, written out: a spread of two objects is V8's
 * generic copy, and it was most of a fold's own time. A field the change
 * leaves out (undefined) keeps its value; null is a value.
 */
function changedTask(task: TaskView, change: Partial<TaskView>): TaskView {
  return {
    id: task.id,
    label: task.label,
    role: task.role,
    status: change.status ?? task.status,
    job: change.job === undefined ? task.job : change.job,
    since: change.since ?? task.since,
    until: change.until === undefined ? task.until : change.until,
    error: change.error === undefined ? task.error : change.error,
    stuck: change.stuck === undefined ? task.stuck : change.stuck,
    awaiting: change.awaiting === undefined ? task.awaiting : change.awaiting,
  };
}

const NO_CHANGE: Partial<TaskView> = Object.freeze({});

/** `{ ...queue, ...change }`, written out (see changedTask). */
function changedQueue(queue: QueueView, change: Partial<QueueView>): QueueView {
  return {
    created: change.created ?? queue.created,
    length: change.length ?? queue.length,
    unfinished: change.unfinished ?? queue.unfinished,
    getters: change.getters ?? queue.getters,
    putters: change.putters ?? queue.putters,
    joiners: change.joiners ?? queue.joiners,
    shutDown: change.shutDown ?? queue.shutDown,
  };
}

/**
 * Apply one event to the picture: a pure function, so any picture can be rebuilt
 * by folding the log from a checkpoint (step back = seek to cursor - 1). It
 * copies only small things (the task table, the waiter lines): which jobs are
 * where comes from the run's index (run-index.ts), not from lists copied here.
 */
export function applyEvent(view: ViewState, event: LabEvent): ViewState {
  const draft = new Draft(view);
  draft.apply(event);
  return draft.view();
}

/** The picture after folding the log's events from `view.cursor` up to `to`: the same as applyEvent on each in turn, with fewer copies. */
export function foldTo(view: ViewState, log: EventLog, to: number): ViewState {
  if (view.cursor >= to) return view;
  const draft = new Draft(view);
  for (let i = view.cursor; i < to; i++) draft.apply(log.at(i));
  return draft.view();
}

/**
 * The sentence about the last event of a picture. Worked out only for the
 * picture on screen, not for every event folded (a seek folds hundreds).
 */
export function narrationOf(view: ViewState, log: EventLog, shape: RunShape): string {
  if (view.cursor === 0) return 'asyncio.run(main()) is about to start the event loop.';
  const event = log.at(view.cursor - 1);
  const target = event.kind === 'queue.wake' || event.kind === 'queue.join_release' || event.kind === 'task.cancel' ? taskAt(view.tasks, event.target) : event.kind === 'task.create' ? taskAt(view.tasks, event.created) : undefined;
  return narrate(event, taskAt(view.tasks, event.task), target, view.queues, shape, log.lines);
}
