import { type Coroutine, type JobId, type TaskOutcome, coroutineOfLabel } from '../engine/index';
import { NO_TASKS, type TaskTable } from './task-table';

/** What a task is doing, in the words the panels use. */
export type TaskStatus =
  /** Created by gather(); its first step runs on the next loop iteration. */
  | 'starting'
  /** Running Python code between two awaits. */
  | 'running'
  /** In `await queue.get()` on an empty queue. */
  | 'waiting-get'
  /** In `await queue.put()` on a full queue. */
  | 'blocked-put'
  /** Its wait is over (an item or a slot); it resumes on the next iteration. */
  | 'woken'
  /** In `await asyncio.sleep()`: a worker's job, or the producer's pause. */
  | 'sleeping'
  /** Got the `None` sentinel, or QueueShutDown, and is shutting down. */
  | 'stopping'
  /** In `await queue.join()`, until every job's task_done() has been called. */
  | 'waiting-join'
  /** Waiting for other tasks (gather, or another task it awaits). */
  | 'waiting'
  | 'done'
  | 'cancelled'
  | 'crashed';

/**
 * Named after the coroutine the task runs, as a scenario's labels say; for a
 * recorded program's tasks it means nothing (where each stands comes from what
 * it does in the run: pipeline.ts).
 */
export type TaskRole = Coroutine;

export interface TaskView {
  readonly id: number;
  readonly label: string;
  readonly role: TaskRole;
  readonly status: TaskStatus;
  /** The job it holds (got from the queue, or is trying to put). */
  readonly job: JobId | null;
  /** Virtual time the current status began. */
  readonly since: number;
  /** When a sleep ends. */
  readonly until: number | null;
  /** Its exception, `RuntimeError: ...`, when it crashed. */
  readonly error: string | null;
  /** At a deadlock: what it waits on forever. */
  readonly stuck: string | null;
  /** While `waiting`: on what, in words (`Event.wait()`, `Task-3`), when the run says. */
  readonly awaiting: string | null;
}

export interface QueueView {
  /** The program has created it (an engine scenario's queue exists from the start). */
  readonly created: boolean;
  /** How many items are in the queue (which ones: run-index.ts's queueAt). */
  readonly length: number;
  /** `queue._unfinished_tasks`: puts minus task_done() calls. */
  readonly unfinished: number;
  /** Tasks blocked in get(), oldest first. */
  readonly getters: readonly number[];
  /** Tasks blocked in put(), oldest first. */
  readonly putters: readonly number[];
  /** Tasks waiting in join(). */
  readonly joiners: readonly number[];
  /** `queue.shutdown()` has been called. */
  readonly shutDown: boolean;
}

/** The picture after the first `cursor` events of a run. */
export interface ViewState {
  readonly cursor: number;
  readonly t: number;
  /** By task number (taskAt, allTasks). */
  readonly tasks: TaskTable;
  /** Each queue of the run, by its number (creation order). */
  readonly queues: readonly QueueView[];
  /** How many of the run's printed lines have been printed. */
  readonly printed: number;
  /** The program can go no further: a deadlock was found. */
  readonly deadlocked: boolean;
  /** The site (exported Python line) of the last event, 0 before any. */
  readonly site: number;
}

const emptyQueue = (created: boolean): QueueView => ({ created, length: 0, unfinished: 0, getters: [], putters: [], joiners: [], shutDown: false });

/** The picture before any event: `queues` queues, which exist from the start (a scenario's) or appear when created (a recording's). */
export function initialView(queues: number, createdAtStart: boolean): ViewState {
  return { cursor: 0, t: 0, tasks: NO_TASKS, queues: Array.from({ length: queues }, () => emptyQueue(createdAtStart)), printed: 0, deadlocked: false, site: 0 };
}

/** An engine scenario's first picture: its one queue. */
export const INITIAL_VIEW: ViewState = initialView(1, true);

/** A task's role is the coroutine it runs. */
export function roleOf(label: string): TaskRole {
  return coroutineOfLabel(label);
}

export function statusOfOutcome(outcome: TaskOutcome): TaskStatus {
  return outcome === 'returned' ? 'done' : outcome === 'cancelled' ? 'cancelled' : 'crashed';
}
