import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { WorkerMessage, WorkerRecordingReply, WorkerRequest } from '../../src/pyodide/protocol';
import { type PythonRunner, prepareRunner } from '../../src/pyodide/run-program';
import type { RecordReply, RecordRequest } from '../../src/ui/program-messages';
import type { RealPythonReply } from '../../src/ui/real-python-messages';
import { eventsOf, oracle, oracleFor, recordFaithfully } from './recording-helpers';

/**
 * How a recording ends when the program does not end well: a deadlock, an
 * exception, a SyntaxError (each exactly as CPython reports it), and the runs
 * the recorder stops itself, with the events up to there: a loop that never
 * awaits, an endless awaiting loop, too many events, lines or tasks, and the
 * calls the lab refuses.
 */

let python: PythonRunner;

beforeAll(async () => {
  python = prepareRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }));
}, 120_000);

const DEADLOCK = `import asyncio


async def producer(queue):
    for i in range(3):
        await queue.put(f"job {i}")
    await queue.join()
    print("all jobs done")


async def worker(queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)
        print("done", job)
        queue.task_done()


async def main():
    queue = asyncio.Queue(1)
    lock = asyncio.Lock()
    event = asyncio.Event()

    async def locked():
        async with lock:
            await event.wait()

    await asyncio.gather(producer(queue), worker(queue), locked(), locked())


asyncio.run(main())
`;

describe('a deadlock', () => {
  it('ends as CPython would hang (exit 3, the same report), with each pending task stuck where it waits', async () => {
    const recording = recordFaithfully(python, DEADLOCK);
    const cpython = await oracle(DEADLOCK);
    expect(recording.result.stdout).toBe(cpython.stdout);
    expect([recording.result.exitCode, cpython.code]).toEqual([3, 3]);
    expect(recording.stopped).toBeNull();
    const stuck = eventsOf(recording, 'task.stuck');
    expect(stuck.map((e) => [e.task, e['awaiting'], e.line])).toEqual([
      [0, 'asyncio.gather()', 28],
      [2, 'queue.get()', 13],
      [3, 'Event.wait()', 26],
      [4, 'Lock.acquire()', 25],
    ]);
    // The same tasks and lines as CPython's own deadlock report (the task's own frame).
    const ending = recording.result.ending;
    expect(ending.kind).toBe('deadlock');
    if (ending.kind !== 'deadlock') return;
    expect(ending.tasks.map((t) => [t.name, t.line])).toEqual(stuck.map((e) => [recording.tasks[e.task]!.name, e.line]));
    expect(stuck.every((e) => e.t === ending.t)).toBe(true);
    expect(eventsOf(recording).at(-1)!.kind).toBe('task.stuck');
  });
});

const RAISES = `import asyncio


async def work(queue, n):
    await queue.put(n)
    if n == 2:
        raise RuntimeError(f"job {n} failed")
    await asyncio.sleep(1)


async def main():
    queue = asyncio.Queue()
    print("start")
    await asyncio.gather(*(work(queue, n) for n in range(3)))


asyncio.run(main())
`;

describe('an exception', () => {
  it('prints CPython\'s traceback on stderr, keeps the learner\'s frames in `traceback`, and marks its lines', async () => {
    const recording = recordFaithfully(python, RAISES);
    const cpython = await oracle(RAISES);
    expect(recording.result.stdout).toBe(cpython.stdout);
    expect(recording.result.exitCode).toBe(1);
    expect(recording.result.stderr.trimEnd().split('\n').at(-1)).toBe(cpython.stderr.trimEnd().split('\n').at(-1));
    expect(recording.result.stderr).toContain('asyncio/runners.py');
    expect(recording.traceback).not.toContain('File "/lib');
    expect(recording.traceback).not.toContain('vclock_runner');
    expect(recording.traceback).toMatch(/^Traceback \(most recent call last\):\n {2}File "program.py", line 17, in <module>\n/);
    expect(recording.traceback).toContain('    raise RuntimeError(f"job {n} failed")\nRuntimeError: job 2 failed\n');
    expect(recording.errorLines).toEqual([17, 14, 7]);
    expect(eventsOf(recording, 'task.done').filter((e) => e['outcome'] === 'raised').map((e) => [e.task, e.line, e['message']])).toEqual([
      [3, 7, 'RuntimeError: job 2 failed'],
      [0, 14, 'RuntimeError: job 2 failed'],
    ]);
  });

  it('a SyntaxError: exit 1 as python3 reports it, no events, its line marked', async () => {
    const broken = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1\n\nasyncio.run(main())\n';
    const recording = recordFaithfully(python, broken);
    const cpython = await oracle(broken);
    expect(recording.result.exitCode).toBe(1);
    expect(recording.result.stderr.trimEnd().split('\n').at(-1)).toBe(cpython.stderr.trimEnd().split('\n').at(-1));
    expect(recording.events).toEqual([]);
    expect(recording.errorLines).toEqual([4]);
    expect(recording.traceback).toContain('SyntaxError');
  });
});

const SPIN = `import asyncio


async def spin():
    n = 0
    while True:
        n += 1


async def main():
    print("start")
    await asyncio.gather(spin(), asyncio.sleep(1))


asyncio.run(main())
`;

describe('runs the recorder stops', () => {
  it('a loop that never awaits: stopped after maxStepSeconds, naming the task and the line, with what it printed', async () => {
    const started = performance.now();
    const recording = python.record(SPIN, { maxStepSeconds: 0.5 });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(5);
    expect(recording.stopped?.kind).toBe('time');
    expect(recording.stopped?.message).toMatch(/^Task-2 \(spin\) ran for 0\.5 s at line 7 without reaching an await/);
    expect(recording.errorLines.at(-1)).toBe(7);
    expect(recording.result).toMatchObject({ exitCode: 4, ending: { kind: 'limit', message: recording.stopped?.message } });
    const cpython = await oracleFor(SPIN, 2); // CPython spins until killed
    expect(recording.result.stdout).toBe(cpython.stdout);
    expect(eventsOf(recording, 'print').map((e) => e['text'])).toEqual(['start']);
    expect(eventsOf(recording).at(-1)).toMatchObject({ kind: 'task.step', task: 1 });
  });

  it('a loop outside any task (before asyncio.run): stopped too, with the line it spins at', () => {
    const recording = python.record('print("hi")\nn = 0\nwhile True:\n    n += 1\n', { maxStepSeconds: 0.3 });
    expect(recording.stopped?.kind).toBe('time');
    expect(recording.stopped?.message).toMatch(/^The program ran for 0\.3 s at line 4 outside any task/);
    expect(recording.errorLines).toEqual([4]);
    expect(recording.result.stdout).toBe('hi\n');
  });

  it('a loop that never awaits and catches everything is still stopped', () => {
    const stubborn = 'import asyncio\n\nasync def main():\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            print("caught")\n\nasyncio.run(main())\n';
    const recording = python.record(stubborn, { maxStepSeconds: 0.3 });
    expect(recording.stopped?.kind).toBe('time');
    expect(recording.result.stdout).toBe('');
  });

  it('an endless program that awaits: stopped at the iteration limit, as run_program reports it', () => {
    const forever = 'import asyncio\n\nasync def main():\n    n = 0\n    while True:\n        n += 1\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n';
    const recording = python.record(forever, { maxIterations: 1000 });
    const plain = python.run(forever, { maxIterations: 1000 });
    expect(recording.stopped?.kind).toBe('iterations');
    expect(recording.result.stderr).toBe(plain.stderr);
    expect(recording.result.ending).toEqual(plain.ending);
    expect(eventsOf(recording, 'sleep').length).toBeGreaterThan(900);
  });

  it('too many events: keeps exactly the first maxEvents', () => {
    const many = 'import asyncio\n\nasync def main():\n    q = asyncio.Queue()\n    for i in range(100000):\n        q.put_nowait(i)\n\nasyncio.run(main())\n';
    const recording = python.record(many, { maxEvents: 5000 });
    expect(recording.stopped?.kind).toBe('events');
    expect(recording.events).toHaveLength(5000);
    expect(eventsOf(recording, 'queue.put').at(-1)!['unfinished']).toBe(5000 - 3);
  });

  it('too many lines printed: the output up to the limit, each line an event', () => {
    const chatty = 'for i in range(10 ** 6):\n    print("line", i)\n';
    const recording = python.record(chatty, { maxOutputLines: 100 });
    expect(recording.stopped?.kind).toBe('output');
    const prints = eventsOf(recording, 'print');
    expect(prints).toHaveLength(100);
    expect(recording.result.stdout.startsWith(prints.map((e) => `${e['text']}\n`).join(''))).toBe(true);
    expect(python.record('print("x" * 5000)\n', { maxOutputBytes: 1000 }).stopped?.kind).toBe('output');
  });

  it('too many tasks', () => {
    const swarm = 'import asyncio\n\nasync def nap():\n    await asyncio.sleep(1)\n\nasync def main():\n    tasks = [asyncio.create_task(nap()) for _ in range(1000)]\n    await asyncio.gather(*tasks)\n\nasyncio.run(main())\n';
    const recording = python.record(swarm, { maxTasks: 100 });
    expect(recording.stopped?.kind).toBe('tasks');
    expect(recording.tasks).toHaveLength(100);
    expect(recording.errorLines.at(-1)).toBe(7);
  });
});

/** Each refused call, in a program that prints first: the recording stops at the call and names it. */
const REFUSED: readonly (readonly [string, string, RegExp])[] = [
  ['time.sleep()', 'import time\n    time.sleep(0.1)', /^time\.sleep\(\) .*await asyncio\.sleep/],
  ['input()', 'input("name? ")', /^input\(\) /],
  ['a thread', 'import threading\n    threading.Thread(target=print).start()', /^threading\.Thread\.start\(\) .*asyncio tasks/],
  ['asyncio.to_thread()', 'await asyncio.to_thread(print, "x")', /^asyncio\.to_thread\(\) /],
  ['loop.run_in_executor()', 'await asyncio.get_running_loop().run_in_executor(None, print)', /^loop\.run_in_executor\(\) /],
  ['asyncio.open_connection()', 'await asyncio.open_connection("example.com", 80)', /^asyncio\.open_connection\(\) .*no network/],
  ['a socket', 'import socket\n    socket.socket()', /^socket\.socket\(\) .*no network/],
  ['urllib', 'import urllib.request\n    urllib.request.urlopen("http://example.com")', /^urllib\.request\.urlopen\(\) .*no network/],
];

describe('calls the lab refuses', () => {
  it.each(REFUSED)('%s: stopped there, naming the call and what to use instead', async (_name, call, message) => {
    const source = `import asyncio\n\n\nasync def main():\n    print("before")\n    ${call}\n    print("after")\n\n\nasyncio.run(main())\n`;
    const recording = python.record(source);
    expect(recording.stopped?.kind).toBe('refused');
    expect(recording.stopped?.message).toMatch(message);
    expect(eventsOf(recording, 'print').map((e) => e['text'])).toEqual(['before']);
    expect(recording.errorLines.at(-1)).toBe(source.split('\n').findIndex((line) => line.includes(call.split('\n').at(-1)!.trim())) + 1);
    // What CPython prints up to the refused call (it goes on, or fails in its own way, after it).
    const cpython = await oracleFor(source, 5);
    expect(cpython.stdout.startsWith(recording.result.stdout)).toBe(true);
    expect(recording.result.stdout).toBe(cpython.stdout.split('\n')[0] + '\n');
  });

  it('leaves the interpreter able to run the same program uninstrumented afterwards', () => {
    const source = 'import time\nt = time.monotonic()\ntime.sleep(0.01)\nprint(time.monotonic() - t >= 0.01)\n';
    expect(python.record(source).stopped?.kind).toBe('refused');
    expect(python.run(source).stdout).toBe('True\n');
  });
});

describe('the worker\'s messages', () => {
  it('take the editor\'s record request, answer with its recording reply, and leave the real-Python panel\'s as they were (types)', () => {
    expectTypeOf<RecordRequest>().toExtend<WorkerRequest>();
    expectTypeOf<WorkerRecordingReply>().toExtend<RecordReply>();
    expectTypeOf<Exclude<WorkerMessage, WorkerRecordingReply>>().toExtend<RealPythonReply>();
  });
});
