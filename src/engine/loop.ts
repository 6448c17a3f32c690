import type { EventLog } from './event-log';
import { type Callback, ReadyQueue } from './ready-queue';
import { TimerHeap } from './timer-heap';

/**
 * What the loop's timer heap holds (`events.TimerHandle`): a cancelled flag
 * and what to do when due (the heap keeps the due time and the tie-breaking
 * sequence). A sleep is its own timer (sleep.ts), so a sleep allocates no
 * handle of its own.
 */
export interface Timer {
  readonly cancelled: boolean;
  fire(): void;
}

/** `events.TimerHandle` for `call_at`/`call_later`: a callback and its argument; cancellable. */
export class TimerHandle implements Timer {
  cancelled = false;
  constructor(
    readonly callback: Callback,
    readonly arg: unknown,
    readonly when: number,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }

  fire(): void {
    this.callback(this.arg as never);
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

/**
 * How the virtual select(timeout) moves the clock when nothing is ready.
 * 'exact' (the oracle's vclock.py, and the default): jump to exactly the head
 * timer's `when`. 'additive' (../shared/bench/py_asyncio.py's VirtualSelector):
 * `now += timeout`, where `timeout = min(max(0, when - now), 86400)` is computed
 * as `_run_once` computes it; `now + (when - now)` can differ from `when` in the
 * last bit, which is why the bench's bit-for-bit vtime check needs this mode.
 */
export type ClockMode = 'exact' | 'additive';

export interface LoopOptions {
  readonly clock?: ClockMode;
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
  private readonly ready = new ReadyQueue();
  private readonly timers = new TimerHeap<Timer>();
  private now = 0;
  private timerSeq = 0;
  private nextTaskId = 0;

  private readonly additive: boolean;
  /**
   * A due timer in the ready queue, queued as its heap slot (a small int, no
   * write barrier) rather than as the timer: `_run_once` skips it if it was
   * cancelled meanwhile.
   */
  private readonly runTimer = (slot: number): void => {
    const timer = this.timers.take(slot);
    if (!timer.cancelled) timer.fire();
  };

  constructor(
    readonly log: EventLog | null = null,
    options: LoopOptions = {},
  ) {
    this.additive = options.clock === 'additive';
    // The log stamps events with the time the loop last gave it (EventLog.setTime).
    log?.setTime(0);
  }

  time(): number {
    return this.now;
  }

  newTaskId(): number {
    return this.nextTaskId++;
  }

  /**
   * `loop.call_soon`: run `callback(arg)` in the next iteration, after what is
   * queued. Returns no handle: nothing in the engine cancels one (see ReadyQueue).
   */
  callSoon<A>(callback: (arg: A) => void, arg: A): void {
    this.ready.push(callback as Callback, arg);
  }

  /** `loop.call_at`; ties fire in scheduling order. */
  callAt<A>(when: number, callback: (arg: A) => void, arg: A): TimerHandle {
    const handle = new TimerHandle(callback as Callback, arg, when);
    this.addTimer(handle, when);
    return handle;
  }

  /** `heappush(_scheduled, timer)`, also for a timer that is its own handle (see Timer); ties fire in scheduling order. */
  addTimer(timer: Timer, when: number): void {
    this.timers.push(timer, when, this.timerSeq++);
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
      if (timers.length === 0) return false;
      const when = timers.peekWhen();
      // The virtual select(timeout): land exactly on the timer, or a day later.
      const timeout = Math.min(Math.max(0, when - this.now), MAXIMUM_SELECT_TIMEOUT);
      if (timeout > 0) {
        if (this.additive) this.now += timeout;
        else this.now = when - this.now <= timeout ? when : this.now + timeout;
        this.log?.setTime(this.now);
      }
    }

    const endTime = this.now + CLOCK_RESOLUTION;
    while (timers.peekWhen() < endTime) this.ready.push(this.runTimer as Callback, timers.popSlot());

    const previous = running;
    // oxlint-disable-next-line typescript/no-this-alias -- get_running_loop() needs the loop for the iteration's duration
    running = this;
    try {
      const ready = this.ready;
      for (let todo = ready.length; todo > 0; todo--) ready.runFirst();
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
