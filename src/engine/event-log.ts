import { EVENT_KINDS, type EventKind, type JobId, type LabEvent, NO_JOB, type TaskOutcome, type WaiterKind } from './events';

const KIND_CODE = new Map<EventKind, number>(EVENT_KINDS.map((kind, code) => [kind, code]));
const OUTCOMES: readonly TaskOutcome[] = ['returned', 'cancelled', 'raised'];
const WAITERS: readonly WaiterKind[] = ['getter', 'putter'];
const NO_TASK = 0xffff;

/**
 * The run's events stored column-wise (typed arrays, plus a float table and a
 * string table) rather than one object per event, so a million-job run fits in
 * memory. `at(i)` decodes one event into the `LabEvent` union on demand.
 *
 * Columns: t (f64) kind (u8) site (u8) task (u16) job (i32) a (i32) b (i32),
 * 24 bytes an event; `a` and `b` hold the kind's own fields, or an index into
 * the float or string table.
 */
export class EventLog {
  private capacity = 0;
  private count = 0;
  private t = new Float64Array(0);
  private kind = new Uint8Array(0);
  private site = new Uint8Array(0);
  private task = new Uint16Array(0);
  private job = new Int32Array(0);
  private a = new Int32Array(0);
  private b = new Int32Array(0);
  private readonly floats: number[] = [];
  private readonly strings: string[] = [];

  get length(): number {
    return this.count;
  }

  time(index: number): number {
    return this.t[index]!;
  }

  taskCreate(t: number, task: number, site: number, created: number, name: string): void {
    this.append('task.create', t, task, site, NO_JOB, created, this.text(name));
  }
  taskDone(t: number, task: number, site: number, outcome: TaskOutcome, message: string): void {
    this.append('task.done', t, task, site, NO_JOB, OUTCOMES.indexOf(outcome), this.text(message));
  }
  taskCancel(t: number, task: number, site: number, target: number): void {
    this.append('task.cancel', t, task, site, NO_JOB, target, 0);
  }
  taskStuck(t: number, task: number, site: number, awaiting: string): void {
    this.append('task.stuck', t, task, site, NO_JOB, this.text(awaiting), 0);
  }
  put(t: number, task: number, site: number, job: JobId, position: number, unfinished: number): void {
    this.append('queue.put', t, task, site, job, position, unfinished);
  }
  putWait(t: number, task: number, site: number, job: JobId, qsize: number): void {
    this.append('queue.put_wait', t, task, site, job, qsize, 0);
  }
  get(t: number, task: number, site: number, job: JobId, qsize: number): void {
    this.append('queue.get', t, task, site, job, qsize, 0);
  }
  getWait(t: number, task: number, site: number, qsize: number): void {
    this.append('queue.get_wait', t, task, site, NO_JOB, qsize, 0);
  }
  wake(t: number, task: number, site: number, target: number, waiter: WaiterKind): void {
    this.append('queue.wake', t, task, site, NO_JOB, target, WAITERS.indexOf(waiter));
  }
  taskDoneCall(t: number, task: number, site: number, unfinished: number): void {
    this.append('queue.task_done', t, task, site, NO_JOB, unfinished, 0);
  }
  joinWait(t: number, task: number, site: number, unfinished: number): void {
    this.append('queue.join_wait', t, task, site, NO_JOB, unfinished, 0);
  }
  joinRelease(t: number, task: number, site: number, target: number): void {
    this.append('queue.join_release', t, task, site, NO_JOB, target, 0);
  }
  shutdown(t: number, task: number, site: number, immediate: boolean, dropped: number): void {
    this.append('queue.shutdown', t, task, site, NO_JOB, immediate ? 1 : 0, dropped);
  }
  drop(t: number, task: number, site: number, job: JobId, unfinished: number): void {
    this.append('queue.drop', t, task, site, job, unfinished, 0);
  }
  refused(t: number, task: number, site: number, waiter: WaiterKind): void {
    this.append('queue.refused', t, task, site, NO_JOB, WAITERS.indexOf(waiter), 0);
  }
  sleep(t: number, task: number, site: number, delay: number, job: JobId): void {
    this.append('sleep', t, task, site, job, this.floats.push(delay) - 1, 0);
  }
  print(t: number, task: number, site: number, text: string): void {
    this.append('print', t, task, site, NO_JOB, this.text(text), 0);
  }
  jobFailed(t: number, task: number, site: number, job: JobId, attempt: number, message: string): void {
    this.append('job.failed', t, task, site, job, attempt, this.text(message));
  }
  deadLetter(t: number, task: number, site: number, job: JobId): void {
    this.append('job.dead_letter', t, task, site, job, 0, 0);
  }

  /** Bytes held by the columns and tables (strings counted at 2 bytes a character). */
  byteSize(): number {
    const strings = this.strings.reduce((sum, s) => sum + 2 * s.length, 0);
    return this.capacity * 24 + this.floats.length * 8 + strings;
  }

  at(index: number): LabEvent {
    if (index < 0 || index >= this.count) throw new RangeError(`no event ${index} (log has ${this.count})`);
    const task = this.task[index]!;
    const base = { seq: index, t: this.t[index]!, task: task === NO_TASK ? -1 : task, site: this.site[index]! };
    const job = this.job[index]!;
    const a = this.a[index]!;
    const b = this.b[index]!;
    const kind = EVENT_KINDS[this.kind[index]!]!;
    switch (kind) {
      case 'task.create':
        return { ...base, kind, created: a, name: this.strings[b]! };
      case 'task.done':
        return { ...base, kind, outcome: OUTCOMES[a]!, message: this.strings[b]! };
      case 'task.cancel':
        return { ...base, kind, target: a };
      case 'task.stuck':
        return { ...base, kind, awaiting: this.strings[a]! };
      case 'queue.put':
        return { ...base, kind, job, position: a, unfinished: b };
      case 'queue.put_wait':
        return { ...base, kind, job, qsize: a };
      case 'queue.get':
        return { ...base, kind, job, qsize: a };
      case 'queue.get_wait':
        return { ...base, kind, qsize: a };
      case 'queue.wake':
        return { ...base, kind, target: a, waiter: WAITERS[b]! };
      case 'queue.task_done':
        return { ...base, kind, unfinished: a };
      case 'queue.join_wait':
        return { ...base, kind, unfinished: a };
      case 'queue.join_release':
        return { ...base, kind, target: a };
      case 'queue.shutdown':
        return { ...base, kind, immediate: a === 1, dropped: b };
      case 'queue.drop':
        return { ...base, kind, job, unfinished: a };
      case 'queue.refused':
        return { ...base, kind, waiter: WAITERS[a]! };
      case 'sleep':
        return { ...base, kind, delay: this.floats[a]!, job };
      case 'print':
        return { ...base, kind, text: this.strings[a]! };
      case 'job.failed':
        return { ...base, kind, job, attempt: a, message: this.strings[b]! };
      case 'job.dead_letter':
        return { ...base, kind, job };
    }
  }

  *[Symbol.iterator](): Iterator<LabEvent> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  private text(value: string): number {
    return this.strings.push(value) - 1;
  }

  private append(kind: EventKind, t: number, task: number, site: number, job: number, a: number, b: number): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.t[i] = t;
    this.kind[i] = KIND_CODE.get(kind)!;
    this.site[i] = site;
    this.task[i] = task < 0 ? NO_TASK : task;
    this.job[i] = job;
    this.a[i] = a;
    this.b[i] = b;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    this.t = resized(this.t, new Float64Array(capacity));
    this.kind = resized(this.kind, new Uint8Array(capacity));
    this.site = resized(this.site, new Uint8Array(capacity));
    this.task = resized(this.task, new Uint16Array(capacity));
    this.job = resized(this.job, new Int32Array(capacity));
    this.a = resized(this.a, new Int32Array(capacity));
    this.b = resized(this.b, new Int32Array(capacity));
    this.capacity = capacity;
  }
}

function resized<A extends Float64Array | Uint8Array | Uint16Array | Int32Array>(old: A, fresh: A): A {
  fresh.set(old as never);
  return fresh;
}
