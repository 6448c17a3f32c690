/**
 * The floor under the engine bench: the least a scheduler of generator
 * coroutines does to run the throughput program's schedule (J jobs, W
 * workers, a queue of maxsize M, each job sleeping job_delay(i)), in its own
 * process: `engine-floor.mts J W M`. Prints one JSON line (FloorRun).
 *
 * What it keeps: one generator per task, resumed once per wake-up; the
 * engine's ready queue and timer heap (ordered by (when, sequence)); a due
 * timer and a woken waiter each take one ready callback before the task's
 * step, as CPython's do (handle -> future -> Task.__wakeup); four words of log
 * per event. What it drops: futures and their callback lists, the op objects
 * behind `await`, cancellation, exceptions, labels, sites, and every check. It
 * is not asyncio; it is the cost of the schedule alone, so an engine that
 * keeps CPython's semantics cannot run faster than it on the same machine.
 */
import { jobDelay } from '../src/engine/bench/throughput-program';
import { Deque } from '../src/engine/deque';
import { ReadyQueue } from '../src/engine/ready-queue';
import { TimerHeap } from '../src/engine/timer-heap';

export interface FloorRun {
  readonly secs: number;
  readonly done: number;
  readonly vtime: string;
  readonly events: number;
}

type Step = () => void;

const [J = Number.NaN, W = Number.NaN, M = Number.NaN] = process.argv.slice(2, 5).map(Number);
if ([J, W, M].some(Number.isNaN)) throw new Error('usage: engine-floor.mts J W M');

// The engine's own ready queue and timer heap: the floor differs from the engine in what it leaves out, not in its data structures.
const ready = new ReadyQueue();
const callSoon = (callback: Step): void => ready.push(callStep, callback);
const callStep = (callback: Step): void => callback();
/** The timers: each due one's callback is its task's wake-up; ties fire in scheduling order. */
const timers = new TimerHeap<Step>();
let sequence = 0;

const LOG_WORDS = 1 << 24;
const log = new Uint32Array(LOG_WORDS);
let logAt = 0;
let events = 0;
function record(kind: number, job: number): void {
  log[logAt] = kind;
  log[logAt + 1] = job;
  log[logAt + 2] = timers.length;
  log[logAt + 3] = ready.length;
  logAt = (logAt + 4) & (LOG_WORDS - 1);
  events++;
}

// The queue: items in a ring (M slots, or J + W when unbounded), its getters and putters.
const capacity = M > 0 ? M : J + W;
const items = new Float64Array(capacity);
let itemHead = 0;
let itemCount = 0;
/** The steps of the tasks waiting in get() and in put(), oldest first. */
const getters = new Deque<Step>();
const putters = new Deque<Step>();
const NONE = -1;
/** `time.get_clock_info('monotonic').resolution` on Linux, as the engine's loop uses it. */
const CLOCK_RESOLUTION = 1e-9;
let now = 0;
let done = 0;

function* worker(step: Step, wake: Step): Generator<void, void, void> {
  for (;;) {
    // Other tasks change the queue while this one is suspended at the yield.
    for (;;) {
      if (itemCount > 0) break;
      getters.push(step);
      record(1, 0);
      yield;
    }
    const item = items[itemHead]!;
    itemHead = (itemHead + 1) % capacity;
    itemCount--;
    record(2, item);
    if (putters.length > 0) {
      callSoon(putters.shift()!);
      record(3, 0);
    }
    if (item === NONE) {
      record(8, 0);
      return;
    }
    record(7, item);
    timers.push(wake, now + jobDelay(item), sequence++);
    yield;
    record(8, item);
    done++;
  }
}

function* producer(step: Step): Generator<void, void, void> {
  for (let i = 0; i < J + W; i++) {
    const item = i < J ? i : NONE;
    for (;;) {
      if (M === 0 || itemCount < M) break;
      putters.push(step);
      record(4, 0);
      yield;
    }
    items[(itemHead + itemCount++) % capacity] = item;
    record(5, item);
    if (getters.length > 0) {
      callSoon(getters.shift()!);
      record(6, 0);
    }
  }
}

/**
 * A task: its step resumes the generator. A woken waiter schedules the step
 * (Task.__wakeup, the waiter future's done callback); a due timer's callback
 * is the wake-up, which schedules the step (the sleep future's set_result).
 */
function spawn(body: (step: Step, wake: Step) => Generator<void, void, void>): void {
  let coro: Generator<void, void, void> | null = null;
  const step: Step = () => void coro!.next();
  const wake: Step = () => callSoon(step);
  coro = body(step, wake);
  callSoon(step);
}

const t0 = process.hrtime.bigint();
for (let k = 0; k < W; k++) spawn(worker);
spawn(producer);
for (;;) {
  if (ready.length === 0) {
    if (timers.length === 0) break;
    now += timers.peekWhen() - now; // the VirtualSelector's `vtime += timeout`
  }
  // Timers due within the clock's resolution fire in this iteration, as `_run_once` does.
  const end = now + CLOCK_RESOLUTION;
  while (timers.peekWhen() < end) callSoon(timers.pop()!);
  for (let todo = ready.length; todo > 0; todo--) ready.runFirst();
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const result: FloorRun = { secs, done, vtime: String(now), events };
console.log(JSON.stringify(result));
