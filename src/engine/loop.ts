import { Deque } from './deque';
import type { EventLog } from './event-log';
import { TimerHeap } from './timer-heap';

/** A callback queued on the loop, as CPython's `events.Handle`. */
export class Handle {
  cancelled = false;
  constructor(
    readonly callback: (arg: never) => void,
    readonly arg: unknown,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/** `events.TimerHandle`: a Handle with a due time and a tie-breaking sequence. */
export class TimerHandle extends Handle {
  constructor(
    callback: (arg: never) => void,
    arg: unknown,
    readonly when: number,
    readonly seq: number,
  ) {
    super(callback, arg);
  }
}

/** Linux's monotonic clock resolution, pinned as the oracle pins it. */
export const CLOCK_RESOLUTION = 1e-9;
/** `base_events.MAXIMUM_SELECT_TIMEOUT`: one select() waits at most a day. */
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;

/** What the task in `running` is, for events and for `current_task()`. */
export interface TaskLike {
  readonly id: number;
  /** The site of the await the task is suspended at (for deadlock reports). */
  waitSite: number;
}

let running: EventLoop | null = null;

/** `asyncio.get_running_loop()`: the loop whose iteration is executing now. */
export function getRunningLoop(): EventLoop {
  if (running === null) throw new Error('no running event loop');
  return running;
}

/**
 * The event loop on a virtual clock: one ready FIFO and one timer heap, iterated
 * exactly as `base_events.BaseEventLoop._run_once`. Time only moves when nothing
 * is ready, and then jumps to the next timer's `when`.
 */
export class EventLoop {
  /** Number of `_run_once` calls so far (the oracle's `loop.iteration`). */
  iteration = 0;
  /** Set by `stop()`: the current iteration is the last of `run_forever`. */
  stopping = false;
  currentTask: TaskLike | null = null;
  /** Tasks not yet done, in creation order (`asyncio.all_tasks`). */
  readonly liveTasks = new Set<TaskLike>();
  /** Tasks that ended by raising, in the order they did. */
  readonly failedTasks: TaskLike[] = [];
  private readonly ready = new Deque<Handle>();
  private readonly timers = new TimerHeap<TimerHandle>();
  private now = 0;
  private timerSeq = 0;
  private nextTaskId = 0;

  constructor(readonly log: EventLog | null = null) {}

  time(): number {
    return this.now;
  }

  newTaskId(): number {
    return this.nextTaskId++;
  }

  /** `loop.call_soon`: run `callback(arg)` in the next iteration, after what is queued. */
  callSoon<A>(callback: (arg: A) => void, arg: A): Handle {
    const handle = new Handle(callback as (arg: never) => void, arg);
    this.ready.push(handle);
    return handle;
  }

  /** `loop.call_at`; ties fire in scheduling order. */
  callAt<A>(when: number, callback: (arg: A) => void, arg: A): TimerHandle {
    const handle = new TimerHandle(callback as (arg: never) => void, arg, when, this.timerSeq++);
    this.timers.push(handle);
    return handle;
  }

  /** `loop.call_later`: `call_at(time() + delay)`, one float64 addition. */
  callLater<A>(delay: number, callback: (arg: A) => void, arg: A): TimerHandle {
    return this.callAt(this.now + delay, callback, arg);
  }

  stop(): void {
    this.stopping = true;
  }

  /**
   * One iteration of `_run_once`. Returns false instead of waiting forever when
   * nothing is ready and no timer is pending: CPython would hang there (deadlock).
   */
  runOnce(): boolean {
    this.iteration++;
    const timers = this.timers;
    while (timers.length > 0 && timers.peek()!.cancelled) timers.pop();

    if (this.ready.length === 0 && !this.stopping) {
      const head = timers.peek();
      if (head === undefined) return false;
      // The virtual select(timeout): land exactly on the timer, or a day later.
      const timeout = Math.min(Math.max(0, head.when - this.now), MAXIMUM_SELECT_TIMEOUT);
      if (timeout > 0) this.now = head.when - this.now <= timeout ? head.when : this.now + timeout;
    }

    const endTime = this.now + CLOCK_RESOLUTION;
    while (timers.length > 0 && timers.peek()!.when < endTime) this.ready.push(timers.pop()!);

    const previous = running;
    // oxlint-disable-next-line typescript/no-this-alias -- get_running_loop() needs the loop for the iteration's duration
    running = this;
    try {
      for (let todo = this.ready.length; todo > 0; todo--) {
        const handle = this.ready.shift()!;
        if (!handle.cancelled) handle.callback(handle.arg as never);
      }
    } finally {
      running = previous;
    }
    return true;
  }

  /** True when there is nothing left to run: no ready callback, no live timer. */
  isIdle(): boolean {
    while (this.timers.length > 0 && this.timers.peek()!.cancelled) this.timers.pop();
    return this.ready.length === 0 && this.timers.length === 0;
  }

  /** Record where the running task is about to suspend. */
  suspendedAt(site: number): void {
    if (this.currentTask !== null) this.currentTask.waitSite = site;
  }

  /** Index of the task running now, for events; -1 outside any task. */
  currentTaskId(): number {
    return this.currentTask === null ? -1 : this.currentTask.id;
  }
}
