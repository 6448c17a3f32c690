import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PythonRunner, prepareRunner } from '../../src/pyodide/run-program';
import { eventsOf, recordLikeCPython, replayQueues, taskNamed } from './recording-helpers';

/**
 * What a task waits on when it is not a queue or a sleep, the tasks a program
 * makes of library coroutines, and the corners of a run: output without a
 * final newline, two asyncio.run calls, sys.exit in a task, an exception
 * nobody retrieves (logged when the task is freed: the recorder must not keep
 * it alive), a queue subclass and a queue made outside any loop.
 */

let python: PythonRunner;

beforeAll(async () => {
  python = prepareRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }));
}, 120_000);

const record = (source: string) => recordLikeCPython(python, source);

const AWAITS = `import asyncio


async def child(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    sem = asyncio.Semaphore(0)
    cond = asyncio.Condition()
    ev = asyncio.Event()

    async def on_sem():
        async with sem:
            print("got the semaphore")

    async def on_cond():
        async with cond:
            await cond.wait()
            print("notified")

    async def on_event():
        await ev.wait()
        print("event set")

    waiting = [asyncio.create_task(f(), name=f.__name__) for f in (on_sem, on_cond, on_event)]
    helper = asyncio.create_task(child("helper", 0.5), name="helper")
    print("helper returned", await helper)
    done, _ = await asyncio.wait([asyncio.create_task(child("w", 0.25))])
    print("asyncio.wait returned", len(done))
    sem.release()
    async with cond:
        cond.notify_all()
    ev.set()
    await asyncio.gather(*waiting)


asyncio.run(main())
`;

describe('what a step waits on, in words', () => {
  it('Semaphore.acquire(), Condition.wait(), Event.wait(), another task by name, asyncio.wait(), asyncio.gather()', async () => {
    const recording = await record(AWAITS);
    const awaiting = (task: number): string[] => eventsOf(recording, 'task.await').filter((e) => e.task === task).map((e) => String(e['awaiting']));
    expect(awaiting(taskNamed(recording, 'on_sem'))).toEqual(['Semaphore.acquire()']);
    expect(awaiting(taskNamed(recording, 'on_cond'))).toEqual(['Condition.wait()']);
    expect(awaiting(taskNamed(recording, 'on_event'))).toEqual(['Event.wait()']);
    expect(awaiting(0)).toEqual(['helper', 'asyncio.wait()', 'asyncio.gather()']);
    // Each at the line of its await.
    const lineOf = (text: string): number => AWAITS.split('\n').findIndex((line) => line.includes(text)) + 1;
    expect(eventsOf(recording, 'task.await').filter((e) => e.task === 0).map((e) => e.line)).toEqual([lineOf('await helper'), lineOf('await asyncio.wait('), lineOf('await asyncio.gather(')]);
  });
});

const LIBRARY_TASKS = `import asyncio


async def main():
    queue = asyncio.Queue()
    getter = asyncio.create_task(queue.get())
    napper = asyncio.create_task(asyncio.sleep(0.5, "rested"))
    await asyncio.sleep(0.1)
    queue.put_nowait("parcel")
    print(await getter, await napper)
    print("partial", end="")
    print(" line", end="")


asyncio.run(main())
`;

describe('tasks of library coroutines, and a last line without a newline', () => {
  it('records create_task(queue.get()) and create_task(asyncio.sleep()) as tasks of their own', async () => {
    const recording = await record(LIBRARY_TASKS);
    expect(recording.tasks.map((t) => [t.coroutine, t.parent, t.line])).toEqual([
      ['main', -1, 15],
      ['Queue.get', 0, 6],
      ['sleep', 0, 7],
    ]);
    // Inside them no line of the program is on the stack.
    expect(eventsOf(recording, 'queue.get_wait')).toMatchObject([{ task: 1, line: 0 }]);
    expect(eventsOf(recording, 'sleep').filter((e) => e.task === 2)).toMatchObject([{ delay: 0.5, line: 0 }]);
    expect(eventsOf(recording, 'queue.wake')).toMatchObject([{ task: 0, target: 1, line: 9 }]);
    const prints = eventsOf(recording, 'print').map((e) => e['text']);
    expect(prints.map((text) => `${text}`).join('\n')).toBe(recording.result.stdout);
    expect(prints.at(-1)).toBe('partial line');
  });
});

describe('the corners of a run', () => {
  it('two asyncio.run calls: both recorded, the clock starts again at 0, task numbers go on', async () => {
    const twice = 'import asyncio\n\nasync def main(n):\n    await asyncio.sleep(n)\n    print("slept", n, asyncio.get_running_loop().time())\n\nasyncio.run(main(2))\nasyncio.run(main(1))\n';
    const recording = await record(twice);
    expect(recording.tasks.map((t) => t.name)).toEqual(['Task-1', 'Task-1']);
    expect(eventsOf(recording, 'print').map((e) => [e.task, e.t])).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });

  it('sys.exit(3) in a task ends the program with status 3, as CPython does', async () => {
    const exits = 'import asyncio, sys\n\nasync def main():\n    print("leaving")\n    sys.exit(3)\n\nasyncio.run(main())\n';
    const recording = await record(exits);
    expect(recording.result.ending).toEqual({ kind: 'exit', code: 3 });
    expect(eventsOf(recording, 'task.done')).toMatchObject([{ task: 0, outcome: 'raised', message: 'SystemExit: 3' }]);
  });

  it('an exception nobody retrieves is logged when its task is freed, at the same point as without the recorder', async () => {
    const lost = 'import asyncio\n\nasync def boom():\n    raise ValueError("lost")\n\nasync def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(1)\n    print("main ends")\n\nasyncio.run(main())\n';
    const recording = await record(lost);
    expect(recording.result.stderr).toContain('Task exception was never retrieved');
    expect(recording.result.stderr).toContain('ValueError: lost');
    expect(recording.result.stderr).not.toContain('record');
    expect(eventsOf(recording, 'task.done')[0]).toMatchObject({ task: 1, outcome: 'raised', message: 'ValueError: lost', line: 4 });
  });

  it('a queue subclass, and a queue made before asyncio.run (outside any task)', async () => {
    const subclass = 'import asyncio\n\nclass Jobs(asyncio.Queue):\n    pass\n\nbacklog = Jobs(3)\nbacklog.put_nowait("early")\n\nasync def main():\n    print(await backlog.get())\n\nasyncio.run(main())\n';
    const recording = await record(subclass);
    expect(recording.queues).toEqual([{ name: 'backlog', className: 'Jobs', maxsize: 3, line: 6 }]);
    expect(eventsOf(recording, 'queue.create', 'queue.put')).toMatchObject([
      { task: -1, t: 0, line: 6 },
      { task: -1, line: 7, item: 1, position: 0 },
    ]);
    expect(replayQueues(recording)).toEqual([[1]]);
  });
});
