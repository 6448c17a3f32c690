/**
 * The floor under the engine bench: the least a scheduler of generator
 * coroutines does to run the throughput program's schedule (J jobs, W
 * workers, a queue of maxsize M, each job sleeping job_delay(i)), in its own
 * process: `engine-floor.mts J W M`. Prints one JSON line (FloorRun).
 *
 * What it keeps: one generator per task, resumed once per wake-up; a ring of
 * ready callbacks; a binary heap of timers ordered by (when, sequence); a due
 * timer and a woken waiter each take one ready callback before the task's
 * step, as CPython's do (handle -> future -> Task.__wakeup); four words of log
 * per event. What it drops: futures and their callback lists, the op objects
 * behind `await`, cancellation, exceptions, labels, sites, and every check. It
 * is not asyncio; it is the cost of the schedule alone, so an engine that
 * keeps CPython's semantics cannot run faster than it on the same machine.
 */
import { emptySlots } from '../src/engine/deque';

export interface FloorRun {
  readonly secs: number;
  readonly done: number;
  readonly vtime: string;
  readonly events: number;
}

type Step = () => void;

const [J = Number.NaN, W = Number.NaN, M = Number.NaN] = process.argv.slice(2, 5).map(Number);
if ([J, W, M].some(Number.isNaN)) throw new Error('usage: engine-floor.mts J W M');

const jobDelay = (i: number): number => ((i * 2654435761) % 1000003) / 1000003;

const READY_BITS = 16;
const READY_MASK = (1 << READY_BITS) - 1;
const ready = emptySlots<Step>(1 << READY_BITS);
let readyHead = 0;
let readySize = 0;
const callSoon = (callback: Step): void => {
  ready[(readyHead + readySize++) & READY_MASK] = callback;
};

// The timer heap as parallel arrays: due time, sequence (ties fire in scheduling order), the task's wake-up.
const heapWhen = new Float64Array(W + 1);
const heapSeq = new Float64Array(W + 1);
const heapWake = emptySlots<Step>(W + 1);
let heapSize = 0;
let sequence = 0;
function heapPush(when: number, wake: Step): void {
  const seq = sequence++;
  let i = heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heapWhen[parent]! < when || (heapWhen[parent] === when && heapSeq[parent]! < seq)) break;
    heapWhen[i] = heapWhen[parent]!;
    heapSeq[i] = heapSeq[parent]!;
    heapWake[i] = heapWake[parent]!;
    i = parent;
  }
  heapWhen[i] = when;
  heapSeq[i] = seq;
  heapWake[i] = wake;
}
function heapPop(): Step {
  const top = heapWake[0]!;
  const n = --heapSize;
  const when = heapWhen[n]!;
  const seq = heapSeq[n]!;
  const wake = heapWake[n]!;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && (heapWhen[child + 1]! < heapWhen[child]! || (heapWhen[child + 1] === heapWhen[child] && heapSeq[child + 1]! < heapSeq[child]!))) child++;
    if (when < heapWhen[child]! || (when === heapWhen[child] && seq < heapSeq[child]!)) break;
    heapWhen[i] = heapWhen[child]!;
    heapSeq[i] = heapSeq[child]!;
    heapWake[i] = heapWake[child]!;
    i = child;
  }
  heapWhen[i] = when;
  heapSeq[i] = seq;
  heapWake[i] = wake;
  return top;
}

const LOG_WORDS = 1 << 24;
const log = new Uint32Array(LOG_WORDS);
let logAt = 0;
let events = 0;
function record(kind: number, job: number): void {
  log[logAt] = kind;
  log[logAt + 1] = job;
  log[logAt + 2] = heapSize;
  log[logAt + 3] = readySize;
  logAt = (logAt + 4) & (LOG_WORDS - 1);
  events++;
}

/** A FIFO of the steps of tasks waiting in get() or put(). */
class Waiters {
  private readonly ring = emptySlots<Step>(W + 2);
  private head = 0;
  size = 0;
  push(wake: Step): void {
    this.ring[(this.head + this.size++) % this.ring.length] = wake;
  }
  shift(): Step {
    const wake = this.ring[this.head]!;
    this.head = (this.head + 1) % this.ring.length;
    this.size--;
    return wake;
  }
}

// The queue: items in a ring (M slots, or J + W when unbounded), its getters and putters.
const capacity = M > 0 ? M : J + W;
const items = new Float64Array(capacity);
let itemHead = 0;
let itemCount = 0;
const getters = new Waiters();
const putters = new Waiters();
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
    if (putters.size > 0) {
      callSoon(putters.shift());
      record(3, 0);
    }
    if (item === NONE) {
      record(8, 0);
      return;
    }
    record(7, item);
    heapPush(now + jobDelay(item), wake);
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
    if (getters.size > 0) {
      callSoon(getters.shift());
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
  if (readySize === 0) {
    if (heapSize === 0) break;
    now += heapWhen[0]! - now; // the VirtualSelector's `vtime += timeout`
  }
  // Timers due within the clock's resolution fire in this iteration, as `_run_once` does.
  const end = now + CLOCK_RESOLUTION;
  while (heapSize > 0 && heapWhen[0]! < end) callSoon(heapPop());
  for (let todo = readySize; todo > 0; todo--) {
    const callback = ready[readyHead]!;
    ready[readyHead] = undefined;
    readyHead = (readyHead + 1) & READY_MASK;
    readySize--;
    callback();
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const result: FloorRun = { secs, done, vtime: String(now), events };
console.log(JSON.stringify(result));
