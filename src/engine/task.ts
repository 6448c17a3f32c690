import { CancelledError, PyBaseException } from './errors';
import { type Coro, Future } from './future';
import { type EventLoop, type TaskLike, getRunningLoop } from './loop';

const labels = new WeakMap<object, string>();

/** Give a coroutine the name the lab shows for its task ("Producer", "Worker-2"). */
export function labelled<T>(coro: Coro<T>, label: string): Coro<T> {
  labels.set(coro, label);
  return coro;
}

/**
 * `asyncio.Task`: drives a coroutine (a generator) one step per callback.
 * `__step` and `__wakeup` follow tasks.py (3.11): the first step is scheduled
 * with `call_soon` (never run inside `create_task`), a yielded future gets
 * `__wakeup` as its done callback, a bare `yield` reschedules the step, and
 * `cancel()` cancels the awaited future or sets `_must_cancel`.
 */
export class Task<T = unknown> extends Future<T> implements TaskLike {
  readonly id: number;
  /** CPython's default name, `Task-N`, from a counter that starts at 1 with the main task. */
  readonly name: string;
  /** What the lab calls this task. */
  readonly label: string;
  waitSite = 0;
  private waitingOn: Future<unknown> | null = null;
  private mustCancel = false;
  private readonly wakeup = (future: Future<unknown>): void => this.onWakeup(future);

  constructor(
    private readonly coro: Coro<T>,
    loop: EventLoop = getRunningLoop(),
    site = 0,
  ) {
    super(loop);
    this.id = loop.newTaskId();
    this.name = `Task-${this.id + 1}`;
    this.label = labels.get(coro) ?? this.name;
    loop.liveTasks.add(this);
    loop.log?.taskCreate(loop.currentTaskId(), site, this.id, this.label);
    loop.callSoon(stepTask, this);
  }

  /** The future this task is blocked on, if any (for deadlock reports). */
  get awaiting(): Future<unknown> | null {
    return this.waitingOn;
  }

  /** `Task.cancel()`: cancel what it awaits, or make its next step raise CancelledError. */
  override cancel(message?: string, site = 0): boolean {
    this.logTraceback = false;
    if (this.done()) return false;
    this.loop.log?.taskCancel(this.loop.currentTaskId(), site, this.id);
    if (this.waitingOn !== null && this.waitingOn.cancel(message)) return true;
    this.mustCancel = true;
    this.cancelMessage = message;
    return true;
  }

  /** `Task.__step`: send None (or throw `error`) into the coroutine and act on what it yields. */
  step(error?: unknown): void {
    if (this.mustCancel) {
      if (!(error instanceof CancelledError)) error = this.makeCancelledError();
      this.mustCancel = false;
    }
    this.waitingOn = null;
    const loop = this.loop;
    const previous = loop.currentTask;
    loop.currentTask = this;
    let outcome: IteratorResult<Future<unknown> | null, T>;
    try {
      outcome = error === undefined ? this.coro.next() : this.coro.throw(error);
    } catch (raised) {
      loop.currentTask = previous;
      if (raised instanceof CancelledError) this.finish('cancelled', '', () => Future.prototype.cancel.call(this));
      else this.finish('raised', describeError(raised), () => this.setException(raised));
      return;
    }
    loop.currentTask = previous;
    if (outcome.done) {
      if (this.mustCancel) {
        this.mustCancel = false;
        this.finish('cancelled', '', () => Future.prototype.cancel.call(this, this.cancelMessage));
      } else {
        const value = outcome.value;
        this.finish('returned', '', () => this.setResult(value));
      }
      return;
    }
    const yielded = outcome.value;
    if (yielded === null) {
      loop.callSoon(stepTask, this);
      return;
    }
    yielded.addDoneCallback(this.wakeup);
    this.waitingOn = yielded;
    if (this.mustCancel && yielded.cancel(this.cancelMessage)) this.mustCancel = false;
  }

  /** `Task.__wakeup`: resume directly, throwing in what the future raised. */
  private onWakeup(future: Future<unknown>): void {
    try {
      future.result();
    } catch (error) {
      this.step(error);
      return;
    }
    this.step();
  }

  private finish(outcome: 'returned' | 'cancelled' | 'raised', message: string, settle: () => void): void {
    this.loop.liveTasks.delete(this);
    if (outcome === 'raised') this.loop.failedTasks.push(this);
    this.loop.log?.taskDone(this.id, 0, outcome, message);
    settle();
  }
}

/** The last line of a Python traceback: `RuntimeError: boom`, or just the type when the message is empty. */
export function describeError(error: unknown): string {
  if (error instanceof PyBaseException) return error.message === '' ? error.pyType : `${error.pyType}: ${error.message}`;
  return String(error);
}

function stepTask(task: Task<unknown>): void {
  task.step();
}

/** `asyncio.create_task(coro)`. */
export function createTask<T>(coro: Coro<T>, site = 0): Task<T> {
  return new Task(coro, getRunningLoop(), site);
}
