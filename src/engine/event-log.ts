import { doubled } from './typed-arrays';
import { EventTimes, type EventTimesData } from './event-times';
import { type TextList, TextTable, type TextTableData } from './text-table';
import { EVENT_KINDS, type EventKind, type JobId, type LabEvent, type TaskOutcome, type WaiterKind } from './events';

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

/** Events per chunk of the place column. */
const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Words per chunk of the word column (1 MiB); the first chunk starts small and doubles up to this. */
const WORD_SHIFT = 18;
const CHUNK_WORDS = 1 << WORD_SHIFT;
const WORD_MASK = CHUNK_WORDS - 1;
/** The most words an event takes: an event starts a fresh chunk when fewer than this are left. */
const MAX_EVENT_WORDS = 4;
/** Every 64th event's word position is kept, so `at(i)` walks at most 63 events to find event i. */
const BLOCK_SHIFT = 6;
const BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;

/** The words each kind takes: the head, then the kind's own fields (its job, if it has one, first). */
const WORDS_OF: Record<EventKind, number> = {
  'task.create': 3,
  'task.done': 3,
  'task.cancel': 2,
  'task.stuck': 2,
  'queue.put': 4,
  'queue.put_wait': 3,
  'queue.get': 3,
  'queue.get_wait': 2,
  'queue.wake': 3,
  'queue.task_done': 2,
  'queue.join_wait': 2,
  'queue.join_release': 2,
  'queue.shutdown': 3,
  'queue.drop': 3,
  'queue.refused': 2,
  sleep: 4,
  print: 2,
  'job.failed': 4,
  'job.dead_letter': 2,
  'task.step': 1,
  'task.await': 2,
  'queue.create': 1,
  'queue.wait_cancelled': 2,
};
/** WORDS_OF by kind code, for walking the words. */
const WORDS_BY_CODE = Uint8Array.from(EVENT_KINDS, (kind) => WORDS_OF[kind]);

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
 * Each event is one to four int32 words: the head [kind u8 | site u8 |
 * task u16], then only the fields its kind has (WORDS_OF): its job, and up
 * to two more, each a number, an index into a string table, or (sleep) half
 * of the delay's 64 bits. A million-job run averages three words an event
 * (12 bytes, not 16). Printed lines have a table of their own, so a print's
 * word is its line number and the lines can be read without walking the
 * events. Words live in chunks of 1 MiB, so the log grows without copying and
 * never holds more than one chunk of slack; every 64th event's position is
 * kept, and reading events in order walks from the last one read. Times are
 * stored as runs of equal time (EventTimes): the log stamps each event with
 * the time last given to `setTime` (its loop's clock; a log belongs to one
 * loop), starting at 0.
 */
/** A finished log as plain data (typed arrays and strings): what a Web Worker sends back. */
export interface EventLogData {
  readonly count: number;
  readonly chunks: readonly Int32Array[];
  /** Where every 64th event starts: chunk << 18 | word offset. */
  readonly blockStarts: Int32Array;
  /** Strings as bytes (typed arrays transfer between threads; 2,000,000 strings would clone one by one). */
  readonly printed: TextTableData;
  readonly strings: TextTableData;
  readonly times: EventTimesData;
  /** Each event's queue and source line, for logs that have them (recorded programs); null for the engine's. */
  readonly places: readonly Int32Array[] | null;
}

export class EventLog {
  private count = 0;
  private readonly chunks: Int32Array[] = [];
  /** The chunk being filled, and how many of its words are used. */
  private current: Int32Array = new Int32Array(0);
  private used = 0;
  /** Past this many used words, the current chunk has no room for the longest event. */
  private wordLimit = -MAX_EVENT_WORDS;
  /** The next event whose position is kept (a multiple of 64). */
  private nextBlock = 0;
  private blockStarts: Int32Array = new Int32Array(16);
  /** The event `at` read last and where it starts: reading in order walks one event from it. */
  private hintIndex = -1;
  private hintPlace = 0;
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

  /** The index of the first event at time `t` or later (the log's length if there is none). */
  firstAtOrAfter(t: number): number {
    const first = this.times.firstAtOrAfter(t);
    return first < 0 ? this.count : Math.min(first, this.count);
  }

  taskCreate(task: number, site: number, created: number, name: string): void {
    this.append3(TASK_CREATE, task, site, created, this.text(name));
  }
  taskDone(task: number, site: number, outcome: TaskOutcome, message: string): void {
    this.append3(TASK_DONE, task, site, OUTCOMES.indexOf(outcome), this.text(message));
  }
  taskCancel(task: number, site: number, target: number): void {
    this.append2(TASK_CANCEL, task, site, target);
  }
  taskStuck(task: number, site: number, awaiting: string): void {
    this.append2(TASK_STUCK, task, site, this.text(awaiting));
  }
  put(task: number, site: number, job: JobId, position: number, unfinished: number): void {
    this.append4(PUT, task, site, job, position, unfinished);
  }
  putWait(task: number, site: number, job: JobId, qsize: number): void {
    this.append3(PUT_WAIT, task, site, job, qsize);
  }
  get(task: number, site: number, job: JobId, qsize: number): void {
    this.append3(GET, task, site, job, qsize);
  }
  getWait(task: number, site: number, qsize: number): void {
    this.append2(GET_WAIT, task, site, qsize);
  }
  wake(task: number, site: number, target: number, waiter: WaiterKind): void {
    this.append3(WAKE, task, site, target, waiterCode(waiter));
  }
  taskDoneCall(task: number, site: number, unfinished: number): void {
    this.append2(TASK_DONE_CALL, task, site, unfinished);
  }
  joinWait(task: number, site: number, unfinished: number): void {
    this.append2(JOIN_WAIT, task, site, unfinished);
  }
  joinRelease(task: number, site: number, target: number): void {
    this.append2(JOIN_RELEASE, task, site, target);
  }
  shutdown(task: number, site: number, immediate: boolean, dropped: number): void {
    this.append3(SHUTDOWN, task, site, immediate ? 1 : 0, dropped);
  }
  drop(task: number, site: number, job: JobId, unfinished: number): void {
    this.append3(DROP, task, site, job, unfinished);
  }
  refused(task: number, site: number, waiter: WaiterKind): void {
    this.append2(REFUSED, task, site, waiterCode(waiter));
  }
  sleep(task: number, site: number, delay: number, job: JobId): void {
    floatBits[0] = delay;
    this.append4(SLEEP, task, site, job, floatWords[0]!, floatWords[1]!);
  }
  print(task: number, site: number, text: string): void {
    this.append2(PRINT, task, site, this.printed.push(text));
  }
  /** `print` of the line `head + n + tail`, which is not made (TextTable.pushJoined). */
  printJoined(task: number, site: number, head: string, n: number, tail: string): void {
    this.append2(PRINT, task, site, this.printed.pushJoined(head, n, tail));
  }
  jobFailed(task: number, site: number, job: JobId, attempt: number, message: string): void {
    this.append4(JOB_FAILED, task, site, job, attempt, this.text(message));
  }
  deadLetter(task: number, site: number, job: JobId): void {
    this.append2(DEAD_LETTER, task, site, job);
  }
  taskStep(task: number, site: number): void {
    this.append1(TASK_STEP, task, site);
  }
  taskAwait(task: number, site: number, awaiting: string): void {
    this.append2(TASK_AWAIT, task, site, this.text(awaiting));
  }
  queueCreate(task: number, site: number): void {
    this.append1(QUEUE_CREATE, task, site);
  }
  waitCancelled(task: number, site: number, waiter: WaiterKind): void {
    this.append2(WAIT_CANCELLED, task, site, waiterCode(waiter));
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
    return { count: this.count, chunks: this.chunks, blockStarts: this.blockStarts, printed: this.printed.toData(), strings: this.strings.toData(), times: this.times.toData(), places: this.places };
  }

  /** A log rebuilt from `toData`, for reading (decoding, times, length). */
  static fromData(data: EventLogData): EventLog {
    const log = new EventLog();
    log.count = data.count;
    log.chunks.push(...data.chunks);
    log.blockStarts = data.blockStarts;
    // Appending goes on where the events end (a chunk that has no room left for one is followed by a fresh one).
    log.current = log.chunks.at(-1) ?? new Int32Array(0);
    const end = data.count === 0 ? 0 : log.placeAfter(log.locate(data.count - 1));
    log.used = end >>> WORD_SHIFT === log.chunks.length - 1 ? end & WORD_MASK : CHUNK_WORDS;
    log.wordLimit = log.current.length - MAX_EVENT_WORDS;
    log.nextBlock = (data.count + BLOCK_MASK) & ~BLOCK_MASK;
    log.printed = TextTable.fromData(data.printed);
    log.strings = TextTable.fromData(data.strings);
    log.times = EventTimes.fromData(data.times);
    log.places = data.places === null ? null : [...data.places];
    return log;
  }

  /** The buffers behind `toData`'s result, each once (a transfer list may not repeat one), to transfer rather than copy. */
  static buffersOf(data: EventLogData): ArrayBufferLike[] {
    return uniqueBuffers([...data.chunks.map((chunk) => chunk.buffer), data.blockStarts.buffer, ...(data.places ?? []).map((chunk) => chunk.buffer), ...EventTimes.buffersOf(data.times), ...TextTable.buffersOf(data.printed), ...TextTable.buffersOf(data.strings)]);
  }

  /** Every line the print events printed, in order (line i is print event number i's text). */
  get lines(): TextList {
    return this.printed;
  }

  /** Bytes held by the columns and tables. */
  byteSize(): number {
    const places = (this.places ?? []).reduce((sum, chunk) => sum + chunk.byteLength, 0);
    return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0) + this.blockStarts.byteLength + places + this.times.byteSize() + this.printed.byteSize() + this.strings.byteSize();
  }

  /** The kind of event `index`, without decoding it: a pass that reads a few kinds skips the others cheaply. */
  kindAt(index: number): EventKind {
    if (index < 0 || index >= this.count) throw new RangeError(`no event ${index} (log has ${this.count})`);
    const start = this.locate(index);
    return EVENT_KINDS[this.chunks[start >>> WORD_SHIFT]![start & WORD_MASK]! & 0xff]!;
  }

  at(index: number): LabEvent {
    if (index < 0 || index >= this.count) throw new RangeError(`no event ${index} (log has ${this.count})`);
    const start = this.locate(index);
    const words = this.chunks[start >>> WORD_SHIFT]!;
    const at = start & WORD_MASK;
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
    // The kind's fields follow the head in WORDS_OF's order; nothing past them is read (it is the next event, or past the chunk).
    const one = at + 1;
    const two = at + 2;
    const three = at + 3;
    const kind = EVENT_KINDS[head & 0xff]!;
    switch (kind) {
      case 'task.create':
        return { seq, t, task: taskId, site, kind, created: words[one]!, name: this.strings.at(words[two]!)! };
      case 'task.done':
        return { seq, t, task: taskId, site, kind, outcome: OUTCOMES[words[one]!]!, message: this.strings.at(words[two]!)! };
      case 'task.cancel':
        return { seq, t, task: taskId, site, kind, target: words[one]! };
      case 'task.stuck':
        return { seq, t, task: taskId, site, kind, awaiting: this.strings.at(words[one]!)! };
      case 'queue.put':
        return { seq, t, task: taskId, site, kind, queue, job: words[one]!, position: words[two]!, unfinished: words[three]! };
      case 'queue.put_wait':
        return { seq, t, task: taskId, site, kind, queue, job: words[one]!, qsize: words[two]! };
      case 'queue.get':
        return { seq, t, task: taskId, site, kind, queue, job: words[one]!, qsize: words[two]! };
      case 'queue.get_wait':
        return { seq, t, task: taskId, site, kind, queue, qsize: words[one]! };
      case 'queue.wake':
        return { seq, t, task: taskId, site, kind, queue, target: words[one]!, waiter: WAITERS[words[two]!]! };
      case 'queue.task_done':
        return { seq, t, task: taskId, site, kind, queue, unfinished: words[one]! };
      case 'queue.join_wait':
        return { seq, t, task: taskId, site, kind, queue, unfinished: words[one]! };
      case 'queue.join_release':
        return { seq, t, task: taskId, site, kind, queue, target: words[one]! };
      case 'queue.shutdown':
        return { seq, t, task: taskId, site, kind, queue, immediate: words[one] === 1, dropped: words[two]! };
      case 'queue.drop':
        return { seq, t, task: taskId, site, kind, queue, job: words[one]!, unfinished: words[two]! };
      case 'queue.refused':
        return { seq, t, task: taskId, site, kind, queue, waiter: WAITERS[words[one]!]! };
      case 'sleep':
        floatWords[0] = words[two]!;
        floatWords[1] = words[three]!;
        return { seq, t, task: taskId, site, kind, delay: floatBits[0]!, job: words[one]! };
      case 'print':
        // The line's number, not its text: folding and indexing a run decode every print, and only narration reads the text.
        return { seq, t, task: taskId, site, kind, line: words[one]! };
      case 'job.failed':
        return { seq, t, task: taskId, site, kind, job: words[one]!, attempt: words[two]!, message: this.strings.at(words[three]!)! };
      case 'job.dead_letter':
        return { seq, t, task: taskId, site, kind, job: words[one]! };
      case 'task.step':
        return { seq, t, task: taskId, site, kind };
      case 'task.await':
        return { seq, t, task: taskId, site, kind, awaiting: this.strings.at(words[one]!)! };
      case 'queue.create':
        return { seq, t, task: taskId, site, kind, queue };
      case 'queue.wait_cancelled':
        return { seq, t, task: taskId, site, kind, queue, waiter: WAITERS[words[one]!]! };
    }
  }

  *[Symbol.iterator](): Iterator<LabEvent> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  private text(value: string): number {
    return this.strings.push(value);
  }

  private append1(kind: number, task: number, site: number): void {
    const words = this.room();
    words[this.used++] = headWord(kind, task, site);
  }

  private append2(kind: number, task: number, site: number, first: number): void {
    const words = this.room();
    const at = this.used;
    words[at] = headWord(kind, task, site);
    words[at + 1] = first;
    this.used = at + 2;
  }

  private append3(kind: number, task: number, site: number, first: number, second: number): void {
    const words = this.room();
    const at = this.used;
    words[at] = headWord(kind, task, site);
    words[at + 1] = first;
    words[at + 2] = second;
    this.used = at + 3;
  }

  private append4(kind: number, task: number, site: number, first: number, second: number, third: number): void {
    const words = this.room();
    const at = this.used;
    words[at] = headWord(kind, task, site);
    words[at + 1] = first;
    words[at + 2] = second;
    words[at + 3] = third;
    this.used = at + 4;
  }

  /** The chunk the next event goes in, at `used` (with room for the longest event); counts the event. */
  private room(): Int32Array {
    const i = this.count;
    // One test on the hot path: the chunk is nearly full, or this event starts a block.
    if (this.used > this.wordLimit || i === this.nextBlock) this.makeRoom(i);
    this.count = i + 1;
    return this.current;
  }

  private makeRoom(i: number): void {
    if (this.used > this.wordLimit) {
      // Fewer words left than the longest event takes: a fresh chunk (the reader makes the same step, see placeAfter).
      if (this.used > CHUNK_WORDS - MAX_EVENT_WORDS) this.nextChunk();
      else this.growFirstChunk();
      this.wordLimit = this.current.length - MAX_EVENT_WORDS;
    }
    if (i === this.nextBlock) {
      const block = i >>> BLOCK_SHIFT;
      if (block === this.blockStarts.length) this.blockStarts = doubled(this.blockStarts);
      this.blockStarts[block] = ((this.chunks.length - 1) << WORD_SHIFT) | this.used;
      this.nextBlock = i + (1 << BLOCK_SHIFT);
    }
  }

  private nextChunk(): void {
    this.current = new Int32Array(CHUNK_WORDS);
    this.chunks.push(this.current);
    this.used = 0;
  }

  /** Double the first chunk, up to CHUNK_WORDS (most logs are short). */
  private growFirstChunk(): void {
    const fresh = new Int32Array(Math.min(CHUNK_WORDS, Math.max(1024, this.current.length * 2)));
    fresh.set(this.current);
    this.current = fresh;
    this.chunks[0] = fresh;
  }

  /** Where event `index` starts (chunk << 18 | word offset): from the last event read if it is in the same block and not after it, else from the block's start. */
  private locate(index: number): number {
    let from = this.hintIndex;
    let place = this.hintPlace;
    if (from > index || from < (index & ~BLOCK_MASK)) {
      from = index & ~BLOCK_MASK;
      place = this.blockStarts[index >>> BLOCK_SHIFT]!;
    }
    for (; from < index; from++) place = this.placeAfter(place);
    this.hintIndex = index;
    this.hintPlace = place;
    return place;
  }

  /** Where the event after the one at `place` starts. */
  private placeAfter(place: number): number {
    const chunk = place >>> WORD_SHIFT;
    const next = (place & WORD_MASK) + WORDS_BY_CODE[this.chunks[chunk]![place & WORD_MASK]! & 0xff]!;
    return next > CHUNK_WORDS - MAX_EVENT_WORDS ? (chunk + 1) << WORD_SHIFT : (chunk << WORD_SHIFT) | next;
  }
}

/** An event's first word: [kind u8 | site u8 | task u16], 0xffff for no task. */
function headWord(kind: number, task: number, site: number): number {
  return kind | ((site & 0xff) << 8) | ((task < 0 ? 0xffff : task & 0xffff) << 16);
}

function uniqueBuffers(buffers: readonly ArrayBufferLike[]): ArrayBufferLike[] {
  return [...new Set(buffers)];
}
