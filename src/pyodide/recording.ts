/**
 * A learner's program as recorded inside CPython (recorder.py): what asyncio
 * did, event by event, on the virtual clock. Plain data, so it crosses from the
 * worker to the page as it is; the store turns it into the same event log the
 * TypeScript engine writes (src/store/recorded-run.ts). This layer knows
 * nothing of the engine, the store or the UI.
 */
import type { PythonRunResult } from './protocol';

/** A task the program created (index = its number in the events, in creation order). */
export interface RecordedTask {
  /** `task.get_name()`: `Task-2`, or the name the program gave it. */
  readonly name: string;
  /** The coroutine function's `__qualname__`: `worker`, `Pipeline.fetch`. */
  readonly coroutine: string;
  /** The task that created it (-1: none, e.g. asyncio.run's main task). */
  readonly parent: number;
  /** The program line that created it (0 when no line of the program is on the stack). */
  readonly line: number;
}

/** A queue the program created (index = its number in the events, in creation order). */
export interface RecordedQueue {
  /** The name the program binds it to (`urls = asyncio.Queue(2)` -> `urls`; `self.pages = ...` -> `pages`), null when none was found. */
  readonly name: string | null;
  /** `Queue`, `PriorityQueue`, `LifoQueue` (or the program's own subclass name). */
  readonly className: string;
  /** `maxsize` as given; 0 or less means unbounded. */
  readonly maxsize: number;
  /** The program line that created it. */
  readonly line: number;
}

/**
 * One event: `[kind, t, task, line, ...fields]`, with `t` the loop's time
 * (`loop.time()`), `task` the running task's number (-1 outside any task) and
 * `line` the innermost line of the learner's program on the stack (0 if none;
 * a `task.step` has none on the stack: its line is where the task resumes, the
 * await it waited at, or its `def` line at the first step).
 * The fields of each kind, in order (names as in the engine's LabEvent):
 *
 * | kind | fields |
 * | --- | --- |
 * | `task.create` | created |
 * | `task.step` | (none: the task's coroutine is resumed) |
 * | `task.await` | awaiting (what the step waits on, in words: `Event.wait()`, `Task-3`, `asyncio.gather()`) |
 * | `task.done` | outcome (`returned`, `cancelled`, `raised`), message (`RuntimeError: boom` when raised, else '') |
 * | `task.cancel` | target |
 * | `task.stuck` | awaiting (at a deadlock, for each pending task: the event's task is the stuck one; `queue.get()` with the queue's name) |
 * | `queue.create` | queue |
 * | `queue.put` | queue, item, position (0 = next out), unfinished |
 * | `queue.put_wait` | queue, item, qsize |
 * | `queue.get` | queue, item, qsize (after) |
 * | `queue.get_wait` | queue, qsize |
 * | `queue.wake` | queue, target, waiter (`getter`, `putter`) |
 * | `queue.wait_cancelled` | queue, waiter (the running task stopped waiting: cancelled, e.g. by a timeout) |
 * | `queue.task_done` | queue, unfinished |
 * | `queue.join_wait` | queue, unfinished |
 * | `queue.join_release` | queue, target |
 * | `queue.shutdown` | queue, immediate (0 or 1), dropped |
 * | `queue.drop` | queue, item, unfinished |
 * | `queue.refused` | queue, waiter |
 * | `sleep` | delay, item (the item the task holds, -1 for none) |
 * | `print` | text (one line, without its `\n`) |
 *
 * Items are numbered from 1 in put order (`items[n]` is item n's label); `None`
 * is item 0, like the lab's sentinel. An object put again by the task that got
 * it keeps its number, so it can be followed through a pipeline. An item is
 * numbered when it is first offered: a `queue.put_wait` numbers it, and the
 * `queue.put` that follows keeps that number.
 */
export type RecordedEvent = readonly [kind: string, t: number, task: number, line: number, ...fields: (number | string)[]];

export interface ProgramRecording {
  /** What CPython printed and how the program ended, exactly as an uninstrumented run reports it. */
  readonly result: PythonRunResult;
  readonly events: readonly RecordedEvent[];
  readonly tasks: readonly RecordedTask[];
  readonly queues: readonly RecordedQueue[];
  /** Item n's label: its `repr()`, cut to 60 characters. `items[0]` is `None`. */
  readonly items: readonly string[];
  /**
   * Set when the run was stopped before its end: at a limit (`events`, `output`,
   * `tasks`, `iterations`, `time`: a step that ran too long without awaiting),
   * or because the program asked for something the lab refuses (`refused`:
   * `time.sleep()`, `input()`, threads, sockets...). `message` names it in
   * words for the learner. The events up to there are kept.
   */
  readonly stopped: { readonly kind: 'events' | 'output' | 'tasks' | 'iterations' | 'time' | 'refused'; readonly message: string } | null;
  /** The traceback with the learner's lines only (no asyncio internals), when the program raised; null otherwise. */
  readonly traceback: string | null;
  /** The learner's program lines that raised, outermost first (a SyntaxError's line too): to mark in the editor. */
  readonly errorLines: readonly number[];
}
