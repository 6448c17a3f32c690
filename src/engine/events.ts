/**
 * The event stream: what happened, when (virtual time), in which task, on behalf
 * of which job, and at which line of the exported Python (`site`). A closed
 * union named in asyncio's vocabulary, so a fold that forgets a kind fails to
 * compile. It carries what the UI shows, so the UI never re-derives scheduling.
 */

/** A job number 1..N, `SENTINEL` for a `None` put to stop a worker, `NO_JOB` for none. */
export type JobId = number;
export const SENTINEL: JobId = 0;
export const NO_JOB: JobId = -1;

/** Which waiter list of the queue a task joined or left. */
export type WaiterKind = 'getter' | 'putter';

/** How a task ended (Future state plus whether the coroutine raised). */
export type TaskOutcome = 'returned' | 'cancelled' | 'raised';

interface EventBase {
  /** Position in the run's log, from 0. */
  readonly seq: number;
  /** Virtual time (loop.time()) when it happened. */
  readonly t: number;
  /** The running task (an index into the run's task table), or -1 outside any task. */
  readonly task: number;
  /** The scenario's source site: which line of the exported program did it. */
  readonly site: number;
}

type NoFields = Record<never, never>;
type Event<K extends string, Fields> = EventBase & { readonly kind: K } & Readonly<Fields>;
/**
 * A queue's event: `queue` is the queue's number in the run, in creation order
 * (the engine's scenarios have one queue, 0; a recorded program any number).
 */
type QueueEvent<K extends string, Fields> = Event<K, Fields & { queue: number }>;

export type LabEvent =
  /** A task was created (by gather, create_task or asyncio.run); `name` is the lab's label. */
  | Event<'task.create', { created: number; name: string }>
  /** A task finished; `message` is `str(exc)` with its type when it raised. */
  | Event<'task.done', { outcome: TaskOutcome; message: string }>
  /** `task.cancel()` was called on `target`. */
  | Event<'task.cancel', { target: number }>
  /** The program can go no further (deadlock): this task waits, forever, on `awaiting`. */
  | Event<'task.stuck', { awaiting: string }>
  /** The task's coroutine is resumed (a step begins). Recorded programs only: the engine's statuses follow from its other events. */
  | Event<'task.step', NoFields>
  /** The step ended waiting on something that is not a queue or a sleep: `Event.wait()`, `Task-3`, `gather()`. */
  | Event<'task.await', { awaiting: string }>
  /** A queue was created (recorded programs; an engine scenario's one queue exists from the start). */
  | QueueEvent<'queue.create', NoFields>
  /** The task stopped waiting in get() or put() without being woken: cancelled, e.g. by a timeout. */
  | QueueEvent<'queue.wait_cancelled', { waiter: WaiterKind }>
  /** The item went in at `position` in get() order (0 = next out). */
  | QueueEvent<'queue.put', { job: JobId; position: number; unfinished: number }>
  /** `put()` found the queue full and waits for a slot. */
  | QueueEvent<'queue.put_wait', { job: JobId; qsize: number }>
  | QueueEvent<'queue.get', { job: JobId; qsize: number }>
  /** `get()` found the queue empty and waits for an item. */
  | QueueEvent<'queue.get_wait', { qsize: number }>
  /** `_wakeup_next`: `target`, the oldest waiter, is woken and resumes next iteration. */
  | QueueEvent<'queue.wake', { target: number; waiter: WaiterKind }>
  | QueueEvent<'queue.task_done', { unfinished: number }>
  /** `join()` found unfinished tasks and waits. */
  | QueueEvent<'queue.join_wait', { unfinished: number }>
  /** A task waiting in `join()` is released (unfinished reached 0). */
  | QueueEvent<'queue.join_release', { target: number }>
  /** `queue.shutdown(immediate)`; `dropped` items were discarded (immediate only). */
  | QueueEvent<'queue.shutdown', { immediate: boolean; dropped: number }>
  /** An item discarded by `shutdown(immediate=True)`, counted as done. */
  | QueueEvent<'queue.drop', { job: JobId; unfinished: number }>
  /** `get()`/`put()` raised QueueShutDown. */
  | QueueEvent<'queue.refused', { waiter: WaiterKind }>
  | Event<'sleep', { delay: number; job: JobId }>
  /** A printed line: `line` is its number among the run's printed lines (`log.lines.at(line)`), read only when shown. */
  | Event<'print', { line: number }>
  /** The job's work raised: attempt number and `str(exc)`. */
  | Event<'job.failed', { job: JobId; attempt: number; message: string }>
  /** The job was moved to the dead-letter queue after its last retry. */
  | Event<'job.dead_letter', { job: JobId }>;

export type EventKind = LabEvent['kind'];

/** The kinds in a fixed order: the code stored in the log's kind column. */
export const EVENT_KINDS = [
  'task.create',
  'task.done',
  'task.cancel',
  'task.stuck',
  'queue.put',
  'queue.put_wait',
  'queue.get',
  'queue.get_wait',
  'queue.wake',
  'queue.task_done',
  'queue.join_wait',
  'queue.join_release',
  'queue.shutdown',
  'queue.drop',
  'queue.refused',
  'sleep',
  'print',
  'job.failed',
  'job.dead_letter',
  'task.step',
  'task.await',
  'queue.create',
  'queue.wait_cancelled',
] as const satisfies readonly EventKind[];

/** `never` here means a switch forgot a case; the compiler says which. */
export function exhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

type MissingKinds = Exclude<EventKind, (typeof EVENT_KINDS)[number]>;
/** Compile-time check: EVENT_KINDS lists every kind of the union. */
export const EVENT_KINDS_COMPLETE: [MissingKinds] extends [never] ? true : MissingKinds = true;
