import { EventTimes, type EventTimesData } from './event-times';
import { type TextList, TextTable, type TextTableData } from './text-table';
import { EVENT_KINDS, type EventKind, type JobId, type LabEvent, NO_JOB, type TaskOutcome, type WaiterKind } from './events';

const code = (kind: EventKind): number => EVENT_KINDS.indexOf(kind);
// Each recording method passes its kind's code as a constant: no lookup per event.
const TASK_CREATE = code('task.create');
const TASK_DONE = code('task.done');
const TASK_CANCEL = code('task.cancel');
const TASK_STUCK = code('task.stuck');
const PUT = code('queue.put');
const PUT_WAIT = code('queue.put_wait');
const GET = code('queue.get');
const GET_WAIT = code('queue.get_wait');
const WAKE = code('queue.wake');
const TASK_DONE_CALL = code('queue.task_done');
const JOIN_WAIT = code('queue.join_wait');
const JOIN_RELEASE = code('queue.join_release');
const SHUTDOWN = code('queue.shutdown');
const DROP = code('queue.drop');
const REFUSED = code('queue.refused');
const SLEEP = code('sleep');
const PRINT = code('print');
const JOB_FAILED = code('job.failed');
const DEAD_LETTER = code('job.dead_letter');
const TASK_STEP = code('task.step');
const TASK_AWAIT = code('task.await');
const QUEUE_CREATE = code('queue.create');
const WAIT_CANCELLED = code('queue.wait_cancelled');

const OUTCOMES: readonly TaskOutcome[] = ['returned', 'cancelled', 'raised'];
const WAITERS: readonly WaiterKind[] = ['getter', 'putter'];
const waiterCode = (waiter: WaiterKind): number => (waiter === 'getter' ? 0 : 1);
const NO_TASK = 0xffff;
/** The most tasks a log can name: task numbers are 16 bits, and 0xffff means none. */
export const MAX_TASKS = NO_TASK;
/** A place word: the queue in the low 12 bits, the source line above them. */
const QUEUE_BITS = 12;
const QUEUE_MASK = (1 << QUEUE_BITS) - 1;
/** The most queues and the highest source line a log with places can name. */
export const MAX_QUEUES = QUEUE_MASK + 1;
export const MAX_LINE = (1 << (32 - QUEUE_BITS - 1)) - 1;

/** Events per chunk of the word column; the first chunk starts small and doubles up to this. */
const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** 32-bit words per event. */
const WORDS = 4;

/** A float64 seen as two int32 words: a sleep's delay is stored in `a` and `b`, bit for bit. */
const floatBits = new Float64Array(1);
const floatWords = new Int32Array(floatBits.buffer);
/** The top bit of a place word: this event was placed (others in a log with places keep their own site). */
const PLACED = 1 << 31;

/**
 * The run's events stored column-wise rather than one object per event, so a
 * million-job run fits in memory. `at(i)` decodes one event into the
 * `LabEvent` union on demand.
 *
 * Each event is four int32 words, 16 bytes: [kind u8 | site u8 | task u16],
 * job, a, b; `a` and `b` hold the kind's own fields, an index into a
 * string table, or (sleep) the delay's 64 bits. Printed lines have a table of
 * their own, so a print's `a` is its line number and the lines can be read
 * without walking the events. Words live in chunks of 65,536
 * events, so the log grows without copying and never holds more than one
 * chunk of slack. Times are stored as runs of equal time (EventTimes): the
 * log stamps each event with the time last given to `setTime` (its loop's
 * clock; a log belongs to one loop), starting at 0.
 */
/** A finished log as plain data (typed arrays and strings): what a Web Worker sends back. */
export interface EventLogData {
  readonly count: number;
  readonly chunks: readonly Int32Array[];
  /** Strings as bytes (typed arrays transfer between threads; 2,000,000 strings would clone one by one). */
  readonly printed: TextTableData;
  readonly strings: TextTableData;
  readonly times: EventTimesData;
  /** Each event's queue and source line, for logs that have them (recorded programs); null for the engine's. */
  readonly places: readonly Int32Array[] | null;
}

export class EventLog {
  private count = 0;
  /** Appending event `limit` needs a new or bigger chunk. */
  private limit = 0;
  private readonly chunks: Int32Array[] = [];
  private current = new Int32Array(0);
  private times = new EventTimes();
  /** What print events printed, one line each, in order. */
  private printed = new TextTable();
  /** Task names and messages. */
  private strings = new TextTable();
  /** The clock's time. */
  private now = 0;
  /**
   * One word per event, [line | queue], in chunks like `chunks`: only for logs
   * that need more than the head word holds (several queues, lines past 255).
   * The engine's logs have none, so its hot path never writes one.
   */
  private places: Int32Array[] | null = null;

  constructor() {
    // Events recorded before the first setTime happen at 0.
    this.times.note(0, 0);
  }

  get length(): number {
    return this.count;
  }

  /**
   * The clock moved: events recorded from now on happen at `t`. The loop calls
   * this when its virtual time changes, so recording an event passes no time
   * and checks none: the run of events at `t` starts here (if no event comes
   * before the next move, the next one retimes it; see EventTimes.note).
   */
  setTime(t: number): void {
    if (t === this.now) return;
    this.now = t;
    this.times.note(this.count, t);
  }

  time(index: number): number {
    if (index < 0 || index >= this.count) return Number.NaN;
    return this.times.at(index);
  }

  taskCreate(task: number, site: number, created: number, name: string): void {
    this.append(TASK_CREATE, task, site, NO_JOB, created, this.text(name));
  }
  taskDone(task: number, site: number, outcome: TaskOutcome, message: string): void {
    this.append(TASK_DONE, task, site, NO_JOB, OUTCOMES.indexOf(outcome), this.text(message));
  }
  taskCancel(task: number, site: number, target: number): void {
    this.append(TASK_CANCEL, task, site, NO_JOB, target, 0);
  }
  taskStuck(task: number, site: number, awaiting: string): void {
    this.append(TASK_STUCK, task, site, NO_JOB, this.text(awaiting), 0);
  }
  put(task: number, site: number, job: JobId, position: number, unfinished: number): void {
    this.append(PUT, task, site, job, position, unfinished);
  }
  putWait(task: number, site: number, job: JobId, qsize: number): void {
    this.append(PUT_WAIT, task, site, job, qsize, 0);
  }
  get(task: number, site: number, job: JobId, qsize: number): void {
    this.append(GET, task, site, job, qsize, 0);
  }
  getWait(task: number, site: number, qsize: number): void {
    this.append(GET_WAIT, task, site, NO_JOB, qsize, 0);
  }
  wake(task: number, site: number, target: number, waiter: WaiterKind): void {
    this.append(WAKE, task, site, NO_JOB, target, waiterCode(waiter));
  }
  taskDoneCall(task: number, site: number, unfinished: number): void {
    this.append(TASK_DONE_CALL, task, site, NO_JOB, unfinished, 0);
  }
  joinWait(task: number, site: number, unfinished: number): void {
    this.append(JOIN_WAIT, task, site, NO_JOB, unfinished, 0);
  }
  joinRelease(task: number, site: number, target: number): void {
    this.append(JOIN_RELEASE, task, site, NO_JOB, target, 0);
  }
  shutdown(task: number, site: number, immediate: boolean, dropped: number): void {
    this.append(SHUTDOWN, task, site, NO_JOB, immediate ? 1 : 0, dropped);
  }
  drop(task: number, site: number, job: JobId, unfinished: number): void {
    this.append(DROP, task, site, job, unfinished, 0);
  }
  refused(task: number, site: number, waiter: WaiterKind): void {
    this.append(REFUSED, task, site, NO_JOB, waiterCode(waiter), 0);
  }
  sleep(task: number, site: number, delay: number, job: JobId): void {
    floatBits[0] = delay;
    this.append(SLEEP, task, site, job, floatWords[0]!, floatWords[1]!);
  }
  print(task: number, site: number, text: string): void {
    this.append(PRINT, task, site, NO_JOB, this.printed.push(text), 0);
  }
  jobFailed(task: number, site: number, job: JobId, attempt: number, message: string): void {
    this.append(JOB_FAILED, task, site, job, attempt, this.text(message));
  }
  deadLetter(task: number, site: number, job: JobId): void {
    this.append(DEAD_LETTER, task, site, job, 0, 0);
  }
  taskStep(task: number, site: number): void {
    this.append(TASK_STEP, task, site, NO_JOB, 0, 0);
  }
  taskAwait(task: number, site: number, awaiting: string): void {
    this.append(TASK_AWAIT, task, site, NO_JOB, this.text(awaiting), 0);
  }
  queueCreate(task: number, site: number): void {
    this.append(QUEUE_CREATE, task, site, NO_JOB, 0, 0);
  }
  waitCancelled(task: number, site: number, waiter: WaiterKind): void {
    this.append(WAIT_CANCELLED, task, site, NO_JOB, waiterCode(waiter), 0);
  }

  /**
   * The next event happens on `queue` at source line `line` (a recorded
   * program's log: any number of queues, any line). Call it just before that
   * event's method; an event without one is on queue 0 at its method's site.
   */
  place(queue: number, line: number): void {
    if (queue < 0 || queue >= MAX_QUEUES) throw new RangeError(`queue ${queue}: a log names at most ${MAX_QUEUES} queues`);
    const i = this.count;
    const chunk = i >>> SHIFT;
    const places = (this.places ??= []);
    while (places.length <= chunk) places.push(new Int32Array(CHUNK));
    places[chunk]![i & MASK] = (Math.max(0, Math.min(line, MAX_LINE)) << QUEUE_BITS) | queue | PLACED;
  }

  /** The log's contents, to send to another thread (the typed arrays can be transferred). */
  toData(): EventLogData {
    return { count: this.count, chunks: this.chunks, printed: this.printed.toData(), strings: this.strings.toData(), times: this.times.toData(), places: this.places };
  }

  /** A log rebuilt from `toData`, for reading (decoding, times, length). */
  static fromData(data: EventLogData): EventLog {
    const log = new EventLog();
    log.count = data.count;
    log.limit = data.count;
    log.chunks.push(...data.chunks);
    log.printed = TextTable.fromData(data.printed);
    log.strings = TextTable.fromData(data.strings);
    log.times = EventTimes.fromData(data.times);
    log.places = data.places === null ? null : [...data.places];
    return log;
  }

  /** The buffers behind `toData`'s result, each once (a transfer list may not repeat one), to transfer rather than copy. */
  static buffersOf(data: EventLogData): ArrayBufferLike[] {
    return uniqueBuffers([...data.chunks.map((chunk) => chunk.buffer), ...(data.places ?? []).map((chunk) => chunk.buffer), ...EventTimes.buffersOf(data.times), ...TextTable.buffersOf(data.printed), ...TextTable.buffersOf(data.strings)]);
  }

  /** Every line the print events printed, in order (line i is print event number i's text). */
  get lines(): TextList {
    return this.printed;
  }

  /** Bytes held by the columns and tables. */
  byteSize(): number {
    const places = (this.places ?? []).reduce((sum, chunk) => sum + chunk.byteLength, 0);
    return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0) + places + this.times.byteSize() + this.printed.byteSize() + this.strings.byteSize();
  }

  at(index: number): LabEvent {
    if (index < 0 || index >= this.count) throw new RangeError(`no event ${index} (log has ${this.count})`);
    const words = this.chunks[index >>> SHIFT]!;
    const at = (index & MASK) * WORDS;
    const head = words[at]!;
    const task = head >>> 16;
    // Each case spells its object out: a spread of shared fields is several times slower in Node 20's V8.
    const seq = index;
    const t = this.times.at(index);
    const taskId = task === NO_TASK ? -1 : task;
    let site = (head >>> 8) & 0xff;
    let queue = 0;
    if (this.places !== null) {
      const place = this.places[index >>> SHIFT]?.[index & MASK] ?? 0;
      if (place !== 0) {
        queue = place & QUEUE_MASK;
        site = (place & ~PLACED) >>> QUEUE_BITS;
      }
    }
    const job = words[at + 1]!;
    const a = words[at + 2]!;
    const b = words[at + 3]!;
    const kind = EVENT_KINDS[head & 0xff]!;
    switch (kind) {
      case 'task.create':
        return { seq, t, task: taskId, site, kind, created: a, name: this.strings.at(b)! };
      case 'task.done':
        return { seq, t, task: taskId, site, kind, outcome: OUTCOMES[a]!, message: this.strings.at(b)! };
      case 'task.cancel':
        return { seq, t, task: taskId, site, kind, target: a };
      case 'task.stuck':
        return { seq, t, task: taskId, site, kind, awaiting: this.strings.at(a)! };
      case 'queue.put':
        return { seq, t, task: taskId, site, kind, queue, job, position: a, unfinished: b };
      case 'queue.put_wait':
        return { seq, t, task: taskId, site, kind, queue, job, qsize: a };
      case 'queue.get':
        return { seq, t, task: taskId, site, kind, queue, job, qsize: a };
      case 'queue.get_wait':
        return { seq, t, task: taskId, site, kind, queue, qsize: a };
      case 'queue.wake':
        return { seq, t, task: taskId, site, kind, queue, target: a, waiter: WAITERS[b]! };
      case 'queue.task_done':
        return { seq, t, task: taskId, site, kind, queue, unfinished: a };
      case 'queue.join_wait':
        return { seq, t, task: taskId, site, kind, queue, unfinished: a };
      case 'queue.join_release':
        return { seq, t, task: taskId, site, kind, queue, target: a };
      case 'queue.shutdown':
        return { seq, t, task: taskId, site, kind, queue, immediate: a === 1, dropped: b };
      case 'queue.drop':
        return { seq, t, task: taskId, site, kind, queue, job, unfinished: a };
      case 'queue.refused':
        return { seq, t, task: taskId, site, kind, queue, waiter: WAITERS[a]! };
      case 'sleep':
        floatWords[0] = a;
        floatWords[1] = b;
        return { seq, t, task: taskId, site, kind, delay: floatBits[0]!, job };
      case 'print':
        return { seq, t, task: taskId, site, kind, text: this.printed.at(a)! };
      case 'job.failed':
        return { seq, t, task: taskId, site, kind, job, attempt: a, message: this.strings.at(b)! };
      case 'job.dead_letter':
        return { seq, t, task: taskId, site, kind, job };
      case 'task.step':
        return { seq, t, task: taskId, site, kind };
      case 'task.await':
        return { seq, t, task: taskId, site, kind, awaiting: this.strings.at(a)! };
      case 'queue.create':
        return { seq, t, task: taskId, site, kind, queue };
      case 'queue.wait_cancelled':
        return { seq, t, task: taskId, site, kind, queue, waiter: WAITERS[a]! };
    }
  }

  *[Symbol.iterator](): Iterator<LabEvent> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  private text(value: string): number {
    return this.strings.push(value);
  }

  private append(kind: number, task: number, site: number, job: number, a: number, b: number): void {
    const i = this.count;
    if (i === this.limit) this.grow();
    // Literals rather than the module's constants: V8 reloads and re-checks module-level `const`s on every call.
    const words = this.current;
    // Event i's words start at (i mod CHUNK) * WORDS in its chunk, the first chunk included.
    const at = (i & 0xffff) << 2;
    words[at] = kind | ((site & 0xff) << 8) | ((task < 0 ? 0xffff : task & 0xffff) << 16);
    words[at + 1] = job;
    words[at + 2] = a;
    words[at + 3] = b;
    this.count = i + 1;
  }

  /** Double the first chunk up to CHUNK events (most logs are short); past that, add a full chunk. */
  private grow(): void {
    if (this.count < CHUNK) {
      const events = Math.min(CHUNK, Math.max(256, this.count * 2));
      const fresh = new Int32Array(events * WORDS);
      fresh.set(this.current);
      this.current = fresh;
      this.chunks[0] = fresh;
      this.limit = events;
    } else {
      this.current = new Int32Array(CHUNK * WORDS);
      this.chunks.push(this.current);
      this.limit = this.count + CHUNK;
    }
  }
}

function uniqueBuffers(buffers: readonly ArrayBufferLike[]): ArrayBufferLike[] {
  return [...new Set(buffers)];
}
