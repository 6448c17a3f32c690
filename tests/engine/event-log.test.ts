import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../src/engine/event-log';
import { DEFAULT_SETTINGS, runScenario } from '../../src/engine/index';
import type { LabEvent } from '../../src/engine/events';

/** Record one event of every kind at time `t` (the loop sets the log's clock), from task `task`. */
function everyKind(log: EventLog, t: number, task: number, n: number): void {
  log.setTime(t);
  log.taskCreate(task, 2, n, `Worker-${n}`);
  log.put(task, 10, n, 3, n + 1);
  log.putWait(task, 10, n, 5);
  log.get(task, 20, n, 4);
  log.getWait(task, 20, 0);
  log.wake(task, 20, n % 7, n % 2 === 0 ? 'getter' : 'putter');
  log.taskDoneCall(task, 31, n);
  log.joinWait(task, 5, n);
  log.joinRelease(task, 5, 1);
  log.shutdown(task, 15, n % 2 === 1, n);
  log.drop(task, 15, n, 2);
  log.refused(task, 20, 'putter');
  log.sleep(task, 25, n / 3, n);
  log.print(task, 26, `line ${n}`);
  log.jobFailed(task, 41, n, 2, `process_item_${n} failed`);
  log.deadLetter(task, 29, n);
  log.taskCancel(task, 6, 3);
  log.taskStuck(task, 20, 'queue.get()');
  log.taskDone(task, 0, 'raised', 'RuntimeError: boom');
}

describe('EventLog', () => {
  it('gives back every kind with its fields, times and task (-1 outside a task)', () => {
    const log = new EventLog();
    everyKind(log, 0, -1, 1);
    everyKind(log, 1.7000000000000002, 65534, 2);
    const events = [...log];
    expect(events).toHaveLength(38);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events[0]).toEqual({ seq: 0, t: 0, task: -1, site: 2, kind: 'task.create', created: 1, name: 'Worker-1' });
    expect(events[19 + 1]).toEqual({ seq: 20, t: 1.7000000000000002, task: 65534, site: 10, kind: 'queue.put', queue: 0, job: 2, position: 3, unfinished: 3 });
    expect(events.find((e) => e.kind === 'sleep' && e.job === 2)).toMatchObject({ delay: 2 / 3 });
    expect(events.find((e) => e.kind === 'queue.wake' && e.seq > 19)).toMatchObject({ target: 2, waiter: 'getter' });
    expect(events.find((e) => e.kind === 'queue.shutdown')).toMatchObject({ immediate: true, dropped: 1 });
    expect(events.at(-1)).toMatchObject({ kind: 'task.done', outcome: 'raised', message: 'RuntimeError: boom' });
  });

  it('keeps every sleep delay bit for bit, and every time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true }), fc.double({ min: 0, noNaN: true })), { maxLength: 50 }), (pairs) => {
        const log = new EventLog();
        const sorted = pairs.map(([, t]) => t).toSorted((a, b) => a - b);
        pairs.forEach(([delay], i) => {
          log.setTime(sorted[i]!);
          log.sleep(0, 25, delay, i + 1);
        });
        const back = [...log] as Extract<LabEvent, { kind: 'sleep' }>[];
        expect(back.map((e) => e.delay)).toEqual(pairs.map(([delay]) => delay));
        expect(back.map((e) => Object.is(e.delay, -0))).toEqual(pairs.map(([delay]) => Object.is(delay, -0)));
        expect(back.map((e) => e.t)).toEqual(sorted);
        expect(sorted.map((_, i) => log.time(i))).toEqual(sorted);
      }),
    );
  });

  it('times events before any setTime at 0, and skips times at which nothing was recorded', () => {
    const log = new EventLog();
    log.getWait(1, 20, 0);
    log.setTime(0.5);
    log.setTime(0.75);
    log.getWait(2, 20, 0);
    log.setTime(1);
    log.setTime(1.5);
    log.setTime(2);
    log.getWait(3, 20, 0);
    log.getWait(4, 20, 0);
    log.setTime(3);
    expect([0, 1, 2, 3].map((i) => log.time(i))).toEqual([0, 0.75, 2, 2]);
    expect([...log].map((e) => e.t)).toEqual([0, 0.75, 2, 2]);
    expect(log.time(4)).toBeNaN();
    const copy = EventLog.fromData(structuredClone(log.toData()));
    expect([3, 2, 1, 0].map((i) => copy.time(i))).toEqual([2, 2, 0.75, 0]);
  });

  it('grows past a chunk without losing events, looks up times in any order, and stays near 16 bytes an event', () => {
    const log = new EventLog();
    const n = 300_000;
    // Three events per time, as a run's iterations make them.
    for (let i = 0; i < n; i++) {
      log.setTime(Math.floor(i / 3) * 0.25);
      log.get(i % 100, 20, i, i % 10);
    }
    expect(log.length).toBe(n);
    for (const i of [0, 1, 2, 3, 65_535, 65_536, 65_537, 196_607, 196_608, n - 1, 4, 200_000, 17]) {
      expect(log.time(i)).toBe(Math.floor(i / 3) * 0.25);
      expect(log.at(i)).toMatchObject({ seq: i, kind: 'queue.get', job: i, task: i % 100, qsize: i % 10 });
    }
    expect(log.time(n)).toBeNaN();
    for (const k of [0, 1, 21_845, 65_536, 99_999]) {
      expect(log.firstAtOrAfter(k * 0.25)).toBe(3 * k);
      expect(log.firstAtOrAfter(k * 0.25 - 0.1)).toBe(3 * k);
      expect(log.firstAtOrAfter(k * 0.25 + 0.1)).toBe(Math.min(n, 3 * (k + 1)));
    }
    expect(log.firstAtOrAfter(-1)).toBe(0);
    expect(log.firstAtOrAfter(1e9)).toBe(n);
    expect(() => log.at(n)).toThrow(RangeError);
    // 12 bytes of words per get event, plus 12 per time run (one run every three events), plus at most one chunk of slack.
    expect(log.byteSize() / n).toBeLessThan(12 + 12 / 3 + (1 << 20) / n);
  });

  it('reads events of one to four words in any order, across chunk ends, and goes on appending after a round trip through toData', () => {
    // Each recorder writes one event and says what reading it back must give: sizes 1 (step), 2 (print, task_done), 3 (get), 4 (put, sleep).
    const recorders: ((log: EventLog, i: number) => Partial<LabEvent>)[] = [
      (log, i) => (log.taskStep(i % 5, 3), { kind: 'task.step', task: i % 5, site: 3 }),
      (log, i) => {
        const line = log.lines.length;
        log.print(1, 26, `line ${i}`);
        return { kind: 'print', line };
      },
      (log, i) => (log.taskDoneCall(2, 31, i), { kind: 'queue.task_done', unfinished: i }),
      (log, i) => (log.get(3, 20, i, i % 10), { kind: 'queue.get', job: i, qsize: i % 10 }),
      (log, i) => (log.put(4, 10, i, i % 7, i + 1), { kind: 'queue.put', job: i, position: i % 7, unfinished: i + 1 }),
      (log, i) => (log.sleep(5, 25, i / 7, i), { kind: 'sleep', job: i, delay: i / 7 }),
    ];
    const record = (log: EventLog, from: number, count: number, expected: Partial<LabEvent>[]): void => {
      // A fixed pseudo-random order of kinds, so chunk ends fall after events of every size.
      for (let i = from; i < from + count; i++) expected.push({ seq: i, ...recorders[(i * 2654435761) % 1000003 % recorders.length]!(log, i) });
    };
    const log = new EventLog();
    const expected: Partial<LabEvent>[] = [];
    record(log, 0, 250_000, expected);
    const check = (read: EventLog, indexes: Iterable<number>): void => {
      for (const i of indexes) {
        const event = read.at(i);
        expect(event).toMatchObject(expected[i]!);
        expect(read.kindAt(i)).toBe(event.kind);
        // A print names its line by number; the text is the log's line.
        if (event.kind === 'print') expect(read.lines.at(event.line)).toBe(`line ${i}`);
      }
    };
    check(log, fc.sample(fc.nat({ max: 249_999 }), { numRuns: 2000, seed: 7 }));
    check(log, [249_999, 0, 63, 64, 65, 127, 128, 249_936, 249_935]);
    expect([...log]).toEqual(expected.map((event, i) => expect.objectContaining({ ...event, seq: i })));
    const data = log.toData();
    const copy = EventLog.fromData(structuredClone(data, { transfer: EventLog.buffersOf(data) as ArrayBuffer[] }));
    record(copy, 250_000, 100_000, expected);
    expect(copy.length).toBe(350_000);
    check(copy, fc.sample(fc.nat({ max: 349_999 }), { numRuns: 2000, seed: 8 }));
    for (let i = 0; i < 350_000; i += 997) check(copy, [i]);
  });
});

describe('EventLog places (a recorded program: several queues, any line)', () => {
  it('gives each placed event its queue and line, and leaves the others on queue 0 at their site', () => {
    const log = new EventLog();
    log.place(0, 3);
    log.queueCreate(-1, 3);
    log.place(4095, 123_456);
    log.queueCreate(-1, 0);
    log.taskStep(0, 7);
    log.place(2, 300);
    log.put(0, 0, 5, 0, 1);
    log.place(2, 301);
    log.waitCancelled(1, 0, 'getter');
    log.place(0, 302);
    log.taskAwait(1, 0, 'Event.wait()');
    for (let i = 0; i < 70_000; i++) {
      log.place(i % 3, 1000 + (i % 500));
      log.get(1, 0, i, 0);
    }
    const events = [...log];
    expect(events.slice(0, 6)).toEqual([
      { seq: 0, t: 0, task: -1, site: 3, kind: 'queue.create', queue: 0 },
      { seq: 1, t: 0, task: -1, site: 123_456, kind: 'queue.create', queue: 4095 },
      { seq: 2, t: 0, task: 0, site: 7, kind: 'task.step' },
      { seq: 3, t: 0, task: 0, site: 300, kind: 'queue.put', queue: 2, job: 5, position: 0, unfinished: 1 },
      { seq: 4, t: 0, task: 1, site: 301, kind: 'queue.wait_cancelled', queue: 2, waiter: 'getter' },
      { seq: 5, t: 0, task: 1, site: 302, kind: 'task.await', awaiting: 'Event.wait()' },
    ]);
    for (const i of [0, 65_529, 65_530, 69_999]) expect(events[6 + i]).toMatchObject({ kind: 'queue.get', job: i, queue: i % 3, site: 1000 + (i % 500) });
    const copy = EventLog.fromData(structuredClone(log.toData()));
    expect([...copy]).toEqual(events);
    expect(() => log.place(4096, 1)).toThrow(RangeError);
  });
});

describe('EventLog data for another thread', () => {
  it('reads back every event, time and printed line of a run from toData, after a structured clone that transfers its buffers', () => {
    const run = runScenario({ ...DEFAULT_SETTINGS, jobs: 3000, workers: 7, fail: [5], onError: 'log' });
    const log = run.log!;
    const events = [...log];
    const lastTime = log.time(log.length - 1);
    // Transferring detaches the original's buffers: everything is compared with what was read before.
    const data = log.toData();
    const copy = EventLog.fromData(structuredClone(data, { transfer: EventLog.buffersOf(data) as ArrayBuffer[] }));
    expect(copy.length).toBe(events.length);
    expect(copy.lines.slice()).toEqual(run.lines);
    expect([...copy]).toEqual(events);
    expect(copy.time(events.length - 1)).toBe(lastTime);
  });
});
