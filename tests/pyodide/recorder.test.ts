import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PythonRunner, prepareRunner } from '../../src/pyodide/run-program';
import { eventsOf, labels, queueNamed, recordLikeCPython, replayQueues, taskNamed } from './recording-helpers';

/**
 * recorder.py on small real programs: each prints what CPython 3.11 (the
 * oracle) and an uninstrumented Pyodide run print, and its events tell what
 * the program did: which task took which item from which queue, where it
 * stood, who waited and who woke it.
 */

let python: PythonRunner;

beforeAll(async () => {
  python = prepareRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }));
}, 120_000);

/** Record, and check the output against the uninstrumented run and CPython 3.11. */
async function record(source: string) {
  const recording = await recordLikeCPython(python, source);
  expect(recording.stopped).toBeNull();
  return recording;
}

const PIPELINE = `import asyncio


class Pipeline:
    def __init__(self):
        self.urls = asyncio.Queue(1)
        self.pages: asyncio.Queue = asyncio.Queue()

    async def fetcher(self):
        for i in range(1, 7):
            await self.urls.put(f"https://example.com/{i}")
            await asyncio.sleep(0.05)
        for _ in range(2):
            await self.urls.put(None)

    async def parser(self):
        while True:
            url = await self.urls.get()
            if url is None:
                self.urls.task_done()
                break
            await asyncio.sleep(0.25)
            await self.pages.put(f"page of {url}")
            print(f"parsed {url}")
            self.urls.task_done()

    async def writer(self):
        for _ in range(6):
            page = await self.pages.get()
            await asyncio.sleep(0.05)
            print(f"wrote {page}")
            self.pages.task_done()


async def main():
    p = Pipeline()
    tasks = [asyncio.create_task(p.parser(), name=f"parser-{k}") for k in (1, 2)]
    await asyncio.gather(p.fetcher(), p.writer(), *tasks)
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
`;

describe('a two-queue pipeline: fetcher -> urls -> parsers -> pages -> writer', () => {
  it('finds the queues by the names the program binds them to, and their tasks', async () => {
    const recording = await record(PIPELINE);
    expect(recording.queues.map((q) => [q.name, q.className, q.maxsize, q.line])).toEqual([
      ['urls', 'Queue', 1, 6],
      ['pages', 'Queue', 0, 7],
    ]);
    expect(recording.tasks.map((t) => [t.name, t.coroutine, t.parent])).toEqual([
      ['Task-1', 'main', -1],
      ['parser-1', 'Pipeline.parser', 0],
      ['parser-2', 'Pipeline.parser', 0],
      ['Task-2', 'Pipeline.fetcher', 0],
      ['Task-3', 'Pipeline.writer', 0],
    ]);
  });

  it('the parsers get from urls and put into pages; the writer gets every page a parser put', async () => {
    const recording = await record(PIPELINE);
    const urls = queueNamed(recording, 'urls');
    const pages = queueNamed(recording, 'pages');
    const parsers = [taskNamed(recording, 'parser-1'), taskNamed(recording, 'parser-2')];
    const [fetcher, writer] = [taskNamed(recording, 'Task-2'), taskNamed(recording, 'Task-3')];
    const ops = eventsOf(recording, 'queue.put', 'queue.get');
    const who = (kind: string, queue: number): Set<number> => new Set(ops.filter((e) => e.kind === kind && e['queue'] === queue).map((e) => e.task));
    expect(who('queue.put', urls)).toEqual(new Set([fetcher]));
    expect(who('queue.get', urls)).toEqual(new Set(parsers));
    expect(who('queue.put', pages)).toEqual(new Set(parsers));
    expect(who('queue.get', pages)).toEqual(new Set([writer]));
    const [gotUrls, gotPages] = replayQueues(recording);
    expect(labels(recording, gotUrls!).filter((l) => l !== 'None')).toEqual([1, 2, 3, 4, 5, 6].map((i) => `'https://example.com/${i}'`));
    // Each page a parser puts is made from the url that parser got last.
    ops.forEach((put, i) => {
      if (put.kind !== 'queue.put' || put['queue'] !== pages) return;
      const lastGet = ops.slice(0, i).findLast((e) => e.kind === 'queue.get' && e.task === put.task)!;
      expect(recording.items[put['item'] as number]).toBe(`'page of ${recording.items[lastGet['item'] as number]!.slice(1)}`);
    });
    expect(new Set(gotPages)).toEqual(new Set(ops.filter((e) => e.kind === 'queue.put' && e['queue'] === pages).map((e) => e['item'])));
  });

  it('a full urls queue makes the fetcher wait, and a parser\'s get wakes it; a parser sleeps holding its url', async () => {
    const recording = await record(PIPELINE);
    const fetcher = taskNamed(recording, 'Task-2');
    const waits = eventsOf(recording, 'queue.put_wait');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.map((e) => [e.task, e['qsize']])).toEqual(waits.map(() => [fetcher, 1]));
    expect(new Set(waits.map((e) => e.line))).toEqual(new Set([11, 14]));
    const wakes = eventsOf(recording, 'queue.wake').filter((e) => e['waiter'] === 'putter');
    expect(wakes.map((e) => e['target'])).toEqual(waits.map(() => fetcher));
    const all = eventsOf(recording);
    all.forEach((sleep, i) => {
      if (sleep.kind !== 'sleep' || sleep.line !== 22) return;
      const got = all.slice(0, i).findLast((e) => e.kind === 'queue.get' && e.task === sleep.task)!;
      expect([sleep['item'], sleep['delay']]).toEqual([got['item'], 0.25]);
    });
    expect(eventsOf(recording, 'sleep').filter((e) => e.task === fetcher).every((e) => e['item'] === -1)).toBe(true);
  });

  it('every print is an event at its line, in the task that printed, with the text CPython printed', async () => {
    const recording = await record(PIPELINE);
    const prints = eventsOf(recording, 'print');
    expect(prints.map((e) => `${e['text']}\n`).join('')).toBe(recording.result.stdout);
    expect(new Set(prints.map((e) => e.line))).toEqual(new Set([24, 31, 39]));
    const last = prints.at(-1)!;
    expect(last.task).toBe(0);
    expect(`done at ${last.t}`).toBe(last['text']);
  });
});

const TASK_GROUP = `import asyncio


async def worker(name, queue, done):
    while True:
        job = await queue.get()
        await asyncio.sleep(job / 10)
        done.append(job)
        print(f"{name} did job {job}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    done = []
    for job in [3, 1, 2, 5, 4]:
        queue.put_nowait(job)
    async with asyncio.TaskGroup() as tg:
        workers = [tg.create_task(worker(f"w{i}", queue, done), name=f"w{i}") for i in range(2)]
        await queue.join()
        print("joined with", len(done), "jobs done")
        for w in workers:
            w.cancel()
    print("cancelled:", [w.cancelled() for w in workers])


asyncio.run(main())
`;

describe('a TaskGroup of workers, joined then cancelled', () => {
  it('records the group\'s tasks, the join and its release, the cancellations and how each task ended', async () => {
    const recording = await record(TASK_GROUP);
    const [w0, w1] = [taskNamed(recording, 'w0'), taskNamed(recording, 'w1')];
    expect(recording.tasks[w0]).toMatchObject({ coroutine: 'worker', parent: 0, line: 19 });
    expect(eventsOf(recording, 'queue.join_wait')).toMatchObject([{ task: 0, line: 20, unfinished: 5 }]);
    expect(eventsOf(recording, 'queue.join_release')).toMatchObject([{ target: 0, line: 10 }]);
    expect(eventsOf(recording, 'task.cancel').map((e) => [e.task, e['target'], e.line])).toEqual([
      [0, w0, 23],
      [0, w1, 23],
    ]);
    expect(eventsOf(recording, 'task.await').filter((e) => e.task === 0).map((e) => e['awaiting'])).toContain("the TaskGroup's tasks");
    expect(eventsOf(recording, 'queue.wait_cancelled').map((e) => [e.task, e['waiter']])).toEqual([
      [w0, 'getter'],
      [w1, 'getter'],
    ]);
    expect(eventsOf(recording, 'task.done').map((e) => [e.task, e['outcome']])).toEqual([
      [w0, 'cancelled'],
      [w1, 'cancelled'],
      [0, 'returned'],
    ]);
    expect(labels(recording, replayQueues(recording)[0]!)).toEqual(['3', '1', '2', '5', '4']);
  });
});

const TWO_PRODUCERS = `import asyncio


async def producer(name, queue, count, gap):
    for i in range(count):
        await queue.put(f"{name}-{i}")
        await asyncio.sleep(gap)
    await queue.put("x")


async def consumer(queue, expected):
    seen = []
    while len(seen) < expected:
        item = await queue.get()
        seen.append(item)
        await asyncio.sleep(0.15)
        queue.task_done()
    print("consumed", seen)


async def main():
    queue = asyncio.Queue(maxsize=3)
    await asyncio.gather(producer("a", queue, 4, 0.1), producer("b", queue, 3, 0.12), consumer(queue, 9))
    await queue.join()
    print("queue empty:", queue.empty())


asyncio.run(main())
`;

describe('two producers sharing one queue', () => {
  it('numbers every item once, the same string put by two producers twice, and hands them out first in, first out', async () => {
    const recording = await record(TWO_PRODUCERS);
    const puts = eventsOf(recording, 'queue.put');
    expect(new Set(puts.map((e) => e.task))).toEqual(new Set([1, 2]));
    expect(new Set(puts.map((e) => e['item'])).size).toBe(puts.length);
    expect(puts.filter((e) => recording.items[e['item'] as number] === "'x'")).toHaveLength(2);
    const got = replayQueues(recording)[0]!;
    expect(got).toEqual(puts.map((e) => e['item']));
    expect(eventsOf(recording, 'queue.put_wait').length).toBeGreaterThan(0);
  });
});

const ORDERS = `import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (0, "first")]:
        await pq.put(item)
    stack = asyncio.LifoQueue(maxsize=2)
    for item in ["x", "y"]:
        stack.put_nowait(item)
    try:
        stack.put_nowait("z")
    except asyncio.QueueFull:
        print("the stack is full")
    while not pq.empty():
        print("priority", await pq.get())
    while not stack.empty():
        print("lifo", stack.get_nowait())


asyncio.run(main())
`;

describe('PriorityQueue and LifoQueue', () => {
  it('places each put at its position in get() order and gets them out in that order', async () => {
    const recording = await record(ORDERS);
    expect(recording.queues.map((q) => [q.name, q.className])).toEqual([
      ['pq', 'PriorityQueue'],
      ['stack', 'LifoQueue'],
    ]);
    const positions = eventsOf(recording, 'queue.put').map((e) => [recording.items[e['item'] as number], e['position']]);
    expect(positions).toEqual([
      ["(3, 'c')", 0],
      ["(1, 'a')", 0],
      ["(2, 'b')", 1],
      ["(1, 'a2')", 1],
      ["(5, 'e')", 4],
      ["(0, 'first')", 0],
      ["'x'", 0],
      ["'y'", 0],
    ]);
    const [priority, lifo] = replayQueues(recording);
    // What the queues handed out is what the program printed.
    const printed = eventsOf(recording, 'print').map((e) => String(e['text']));
    expect(labels(recording, priority!)).toEqual(printed.filter((l) => l.startsWith('priority ')).map((l) => l.slice('priority '.length)));
    expect(labels(recording, lifo!)).toEqual(printed.filter((l) => l.startsWith('lifo ')).map((l) => `'${l.slice('lifo '.length)}'`));
  });
});

const RETRY = `import asyncio


class Job:
    def __init__(self, n):
        self.n = n
        self.tries = 0

    def __repr__(self):
        return f"Job({self.n})"


async def worker(queue):
    while True:
        job = await queue.get()
        job.tries += 1
        await asyncio.sleep(0.5)
        if job.n == 2 and job.tries < 3:
            await queue.put(job)  # try again later
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for n in range(1, 4):
        queue.put_nowait(Job(n))
    task = asyncio.create_task(worker(queue))
    await queue.join()
    task.cancel()
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
`;

describe('an item put back by the task that got it', () => {
  it('keeps its number, so it can be followed; its label is its repr', async () => {
    const recording = await record(RETRY);
    expect(recording.items).toEqual(['None', 'Job(1)', 'Job(2)', 'Job(3)']);
    const puts = eventsOf(recording, 'queue.put');
    expect(puts.map((e) => [e.task, e['item']])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 2],
    ]);
    expect(replayQueues(recording)[0]).toEqual([1, 2, 3, 2, 2]);
  });
});

const TIMEOUTS = `import asyncio


async def slow_producer(queue):
    await asyncio.sleep(1.5)
    await queue.put("late")


async def main():
    queue = asyncio.Queue()
    producer = asyncio.create_task(slow_producer(queue))
    try:
        async with asyncio.timeout(0.5):
            await queue.get()
    except TimeoutError:
        print("timeout after", asyncio.get_running_loop().time())
    try:
        await asyncio.wait_for(queue.get(), timeout=0.25)
    except TimeoutError:
        print("wait_for timed out at", asyncio.get_running_loop().time())
    item = await asyncio.wait_for(queue.get(), timeout=5)
    print("got", item, "at", asyncio.get_running_loop().time())
    await producer


asyncio.run(main())
`;

describe('asyncio.timeout and wait_for around get()', () => {
  it('records each timed-out get as a cancelled wait, cancelled from the timer (outside any task)', async () => {
    const recording = await record(TIMEOUTS);
    const waits = eventsOf(recording, 'queue.get_wait', 'queue.wait_cancelled', 'queue.get', 'task.cancel');
    expect(waits.map((e) => [e.kind, e.t, e.task, e.line])).toEqual([
      ['queue.get_wait', 0, 0, 14],
      ['task.cancel', 0.5, -1, 0],
      ['queue.wait_cancelled', 0.5, 0, 14],
      ['queue.get_wait', 0.5, 0, 18],
      ['task.cancel', 0.75, -1, 0],
      ['queue.wait_cancelled', 0.75, 0, 18],
      ['queue.get_wait', 0.75, 0, 21],
      ['queue.get', 1.5, 0, 21],
    ]);
    expect(eventsOf(recording, 'task.cancel').every((e) => e['target'] === 0)).toBe(true);
    expect(eventsOf(recording, 'queue.wake')).toMatchObject([{ t: 1.5, task: 1, target: 0, waiter: 'getter' }]);
  });
});

const SHUTDOWN = `import asyncio


async def producer(queue):
    for i in range(5):
        await queue.put(i)
    print("shutting down with", queue.qsize(), "queued")
    queue.shutdown()
    try:
        await queue.put(99)
    except asyncio.QueueShutDown:
        print("put refused")


async def consumer(k, queue):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            print(f"consumer {k} stops")
            return
        await asyncio.sleep(1)
        print(f"consumer {k} got {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    idle = asyncio.Queue()
    waiter = asyncio.create_task(consumer(0, idle))
    await asyncio.sleep(0)
    idle.shutdown()
    await asyncio.gather(producer(queue), consumer(1, queue), consumer(2, queue), waiter)


asyncio.run(main())
`;

const SHUTDOWN_NOW = `import asyncio


async def main():
    queue = asyncio.Queue(maxsize=2)

    async def joiner():
        await queue.join()
        print("join returned at", asyncio.get_running_loop().time())

    async def late_putter():
        try:
            await queue.put("c")
        except asyncio.QueueShutDown:
            print("the waiting put is refused")

    queue.put_nowait("a")
    queue.put_nowait("b")
    waiting = [asyncio.create_task(joiner()), asyncio.create_task(late_putter())]
    await asyncio.sleep(1)
    print("shutting down with", queue.qsize(), "queued")
    queue.shutdown(immediate=True)
    await asyncio.gather(*waiting)
    try:
        queue.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait refused")


asyncio.run(main())
`;

const SLEEPS = `import asyncio


async def main():
    await asyncio.sleep(2)
    await asyncio.sleep(0.25)
    try:
        await asyncio.wait_for(asyncio.sleep(float("inf")), 1)
    except TimeoutError:
        print("gave up on forever: \u00e9t\u00e9")
    napping = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    napping.cancel()
    try:
        await napping
    except asyncio.CancelledError:
        pass
    raise ValueError("the end \u2014 on purpose")


asyncio.run(main())
`;

describe('sleeps and texts as the program gave them', () => {
  it('keeps an int delay an int and an infinite one "Infinity", and each text (lines, error messages) whole', async () => {
    const recording = await record(SLEEPS);
    expect(eventsOf(recording, 'sleep').map((e) => e['delay'])).toEqual([2, 0.25, 'Infinity', 0, 5]);
    expect(eventsOf(recording, 'print').map((e) => e['text'])).toEqual(['gave up on forever: \u00e9t\u00e9']);
    expect(eventsOf(recording, 'task.done').map((e) => [e['outcome'], e['message']])).toEqual([
      ['cancelled', ''],
      ['raised', 'ValueError: the end \u2014 on purpose'],
    ]);
  });
});

describe('Queue.shutdown (Python 3.13)', () => {
  it('wakes a waiting getter, which is then refused; the queued items are still got', async () => {
    const recording = await record(SHUTDOWN);
    const idle = queueNamed(recording, 'idle');
    const waiter = recording.tasks.findIndex((t) => t.coroutine === 'consumer');
    expect(eventsOf(recording, 'queue.get_wait', 'queue.shutdown', 'queue.wake', 'queue.refused').filter((e) => e['queue'] === idle).map((e) => [e.kind, e.task, e.line])).toEqual([
      ['queue.get_wait', waiter, 18],
      ['queue.shutdown', 0, 32],
      ['queue.wake', 0, 32],
      ['queue.refused', waiter, 18],
    ]);
    const lab = queueNamed(recording, 'queue');
    expect(eventsOf(recording, 'queue.shutdown').map((e) => [e['queue'], e['immediate'], e['dropped']])).toEqual([
      [idle, 0, 0],
      [lab, 0, 0],
    ]);
    expect(labels(recording, replayQueues(recording)[lab]!)).toEqual(['0', '1', '2', '3', '4']);
    expect(eventsOf(recording, 'queue.refused').filter((e) => e['queue'] === lab).map((e) => [e['waiter'], e.line])).toEqual([
      ['putter', 10],
      ['getter', 18],
      ['getter', 18],
    ]);
  });

  it('shutdown(immediate=True): the drops, the shutdown, join() released, the waiting putter woken, in that order', async () => {
    const recording = await record(SHUTDOWN_NOW);
    const queued = Number(/shutting down with (\d+) queued/.exec(recording.result.stdout)![1]);
    expect(queued).toBe(2);
    const [joiner, putter] = [1, 2];
    const at = eventsOf(recording).findIndex((e) => e.kind === 'queue.drop');
    const shutdown = eventsOf(recording).slice(at, at + queued + 3);
    expect(shutdown.map((e) => [e.kind, e['item'] ?? e['dropped'] ?? e['target'], e['unfinished'] ?? e['waiter'] ?? e['immediate'], e.line])).toEqual([
      ['queue.drop', 1, 1, 22],
      ['queue.drop', 2, 0, 22],
      ['queue.shutdown', queued, 1, 22],
      ['queue.join_release', joiner, undefined, 22],
      ['queue.wake', putter, 'putter', 22],
    ]);
    replayQueues(recording);
    expect(eventsOf(recording, 'queue.refused').map((e) => [e.task, e['waiter']])).toEqual([
      [putter, 'putter'],
      [0, 'getter'],
    ]);
  });
});

describe('the interpreter between recordings', () => {
  it('records the same program the same way twice, and names tasks from Task-1 each time', () => {
    const first = python.record(PIPELINE);
    python.record(TASK_GROUP);
    const again = python.record(PIPELINE);
    expect(again.events).toEqual(first.events);
    expect(again.tasks).toEqual(first.tasks);
  });

  it('puts asyncio back as it was: an uninstrumented run after a recording reports what it did before', () => {
    const probe = `import asyncio, time, builtins\nprint(asyncio.Queue.put_nowait.__module__, asyncio.Queue.__init__.__qualname__, asyncio.tasks.Task.__module__, time.sleep.__module__, builtins.input.__module__)\n`;
    const before = python.run(probe).stdout;
    python.record(SHUTDOWN_NOW);
    expect(python.run(probe).stdout).toBe(before);
    expect(before).toBe('asyncio.queues Queue.__init__ _asyncio time builtins\n');
  });
});
