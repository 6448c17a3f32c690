/**
 * The event stream: what happened, when (virtual time), in which task, on behalf
 * of which job, and at which line of the exported Python (`site`). A closed
 * union named in asyncio's vocabulary, so a fold that forgets a kind fails to
 * compile.
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

export type LabEvent =
  | (EventBase & { readonly kind: 'task.create'; readonly created: number; readonly name: string })
  | (EventBase & { readonly kind: 'task.done'; readonly outcome: TaskOutcome })
  | (EventBase & { readonly kind: 'queue.put'; readonly job: JobId; readonly qsize: number; readonly unfinished: number })
  | (EventBase & { readonly kind: 'queue.put_wait'; readonly job: JobId; readonly qsize: number })
  | (EventBase & { readonly kind: 'queue.get'; readonly job: JobId; readonly qsize: number })
  | (EventBase & { readonly kind: 'queue.get_wait'; readonly qsize: number })
  | (EventBase & { readonly kind: 'queue.wake'; readonly target: number; readonly waiter: WaiterKind })
  | (EventBase & { readonly kind: 'queue.task_done'; readonly unfinished: number })
  | (EventBase & { readonly kind: 'sleep'; readonly delay: number; readonly job: JobId })
  | (EventBase & { readonly kind: 'print'; readonly text: string });

export type EventKind = LabEvent['kind'];

/** The kinds in a fixed order: the code stored in the log's kind column. */
export const EVENT_KINDS: readonly EventKind[] = [
  'task.create',
  'task.done',
  'queue.put',
  'queue.put_wait',
  'queue.get',
  'queue.get_wait',
  'queue.wake',
  'queue.task_done',
  'sleep',
  'print',
];

/** `never` here means a switch forgot a case; the compiler says which. */
export function exhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
