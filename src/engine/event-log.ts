import { EVENT_KINDS, type EventKind, type JobId, type LabEvent, type TaskOutcome, type WaiterKind } from './events';

const KIND_CODE = new Map<EventKind, number>(EVENT_KINDS.map((kind, code) => [kind, code]));
const OUTCOMES: readonly TaskOutcome[] = ['returned', 'cancelled', 'raised'];
const WAITERS: readonly WaiterKind[] = ['getter', 'putter'];

/**
 * The run's events stored column-wise (typed arrays, a float table and a string
 * table) rather than as one object per event, so that a million-job run fits in
 * memory. `at(i)` decodes one event into the `LabEvent` union on demand.
 *
 * Columns: t (f64) kind (u8) site (u8) task (u16) job (i32) a (i32) b (i32):
 * 24 bytes an event; `a`/`b` hold the kind's own fields, or an index into the
 * float or string table.
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
    this.append('task.create', t, task, site, -1, created, this.strings.push(name) - 1);
  }

  taskDone(t: number, task: number, site: number, outcome: TaskOutcome): void {
    this.append('task.done', t, task, site, -1, OUTCOMES.indexOf(outcome), 0);
  }

  put(t: number, task: number, site: number, job: JobId, qsize: number, unfinished: number): void {
    this.append('queue.put', t, task, site, job, qsize, unfinished);
  }

  putWait(t: number, task: number, site: number, job: JobId, qsize: number): void {
    this.append('queue.put_wait', t, task, site, job, qsize, 0);
  }

  get(t: number, task: number, site: number, job: JobId, qsize: number): void {
    this.append('queue.get', t, task, site, job, qsize, 0);
  }

  getWait(t: number, task: number, site: number, qsize: number): void {
    this.append('queue.get_wait', t, task, site, -1, qsize, 0);
  }

  wake(t: number, task: number, site: number, target: number, waiter: WaiterKind): void {
    this.append('queue.wake', t, task, site, -1, target, WAITERS.indexOf(waiter));
  }

  taskDoneCall(t: number, task: number, site: number, unfinished: number): void {
    this.append('queue.task_done', t, task, site, -1, unfinished, 0);
  }

  sleep(t: number, task: number, site: number, delay: number, job: JobId): void {
    this.append('sleep', t, task, site, job, this.floats.push(delay) - 1, 0);
  }

  print(t: number, task: number, site: number, text: string): void {
    this.append('print', t, task, site, -1, this.strings.push(text) - 1, 0);
  }

  /** Bytes held by the columns and tables (an estimate for strings: 2 bytes a char). */
  byteSize(): number {
    const columns = this.capacity * 24;
    const strings = this.strings.reduce((sum, s) => sum + 2 * s.length, 0);
    return columns + this.floats.length * 8 + strings;
  }

  at(index: number): LabEvent {
    if (index < 0 || index >= this.count) throw new RangeError(`no event ${index} (log has ${this.count})`);
    const base = { seq: index, t: this.t[index]!, task: this.taskAt(index), site: this.site[index]! };
    const job = this.job[index]!;
    const a = this.a[index]!;
    const b = this.b[index]!;
    const kind = EVENT_KINDS[this.kind[index]!]!;
    switch (kind) {
      case 'task.create':
        return { ...base, kind, created: a, name: this.strings[b]! };
      case 'task.done':
        return { ...base, kind, outcome: OUTCOMES[a]! };
      case 'queue.put':
        return { ...base, kind, job, qsize: a, unfinished: b };
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
      case 'sleep':
        return { ...base, kind, delay: this.floats[a]!, job };
      case 'print':
        return { ...base, kind, text: this.strings[a]! };
    }
  }

  private taskAt(index: number): number {
    const task = this.task[index] ?? 0xffff;
    return task === 0xffff ? -1 : task;
  }

  *[Symbol.iterator](): Iterator<LabEvent> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  private append(kind: EventKind, t: number, task: number, site: number, job: number, a: number, b: number): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.t[i] = t;
    this.kind[i] = KIND_CODE.get(kind)!;
    this.site[i] = site;
    this.task[i] = task < 0 ? 0xffff : task;
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
