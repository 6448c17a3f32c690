import { describe, expect, it } from 'vitest';
import { type Coro, awaitFuture } from '../../src/engine/future';
import { gather } from '../../src/engine/gather';
import { Queue } from '../../src/engine/queue';
import { sleep } from '../../src/engine/sleep';
import { floatRepr } from '../../src/engine/python/format';
import { createTask, labelled } from '../../src/engine/task';
import { PY_SAY, expectTwins } from '../support/twins';

describe('scheduling order, engine against CPython', () => {
  it('fires timers due at the same time in the order they were scheduled', async () => {
    await expectTwins(
      `${PY_SAY}
async def sleeper(name, delay):
    await asyncio.sleep(delay)
    say(name)
async def main():
    await asyncio.gather(*(sleeper(n, 1.0) for n in "ABCDEFG"), sleeper("early", 0.8 + 0.9), sleeper("exact", 1.7), sleeper("zero", 0))
asyncio.run(main())`,
      (out) =>
        (function* main(): Coro<void> {
          function* sleeper(name: string, delay: number): Coro<void> {
            yield* sleep(delay);
            out.print(0, name);
          }
          yield* awaitFuture(gather([...'ABCDEFG'].map((n) => sleeper(n, 1.0)).concat([sleeper('early', 0.8 + 0.9), sleeper('exact', 1.7), sleeper('zero', 0)])));
        })(),
    );
  });

  it('wakes one getter per item, oldest first, and lets a late getter jump the line', async () => {
    await expectTwins(
      `${PY_SAY}
async def getter(q, name):
    item = await q.get()
    say(f"{name} got {item}")
async def putter(q, name, items):
    for item in items:
        await q.put(item)
        say(f"{name} put {item}")
async def main():
    q = asyncio.Queue(maxsize=1)
    a = asyncio.create_task(getter(q, "g1"))
    b = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    await asyncio.gather(putter(q, "p1", [1, 2, 3]), putter(q, "p2", [4, 5]), getter(q, "g3"), getter(q, "g4"), getter(q, "g5"))
    await asyncio.gather(a, b)
    say(f"left {q.qsize()}")
asyncio.run(main())`,
      (out) =>
        (function* main(): Coro<void> {
          const q = new Queue<number>({ maxsize: 1 });
          function* getter(name: string): Coro<void> {
            const item = yield* q.get();
            out.print(0, `${name} got ${item}`);
          }
          function* putter(name: string, items: number[]): Coro<void> {
            for (const item of items) {
              yield* q.put(item);
              out.print(0, `${name} put ${item}`);
            }
          }
          const a = createTask(getter('g1'));
          const b = createTask(getter('g2'));
          yield* sleep(0);
          yield* awaitFuture(gather([putter('p1', [1, 2, 3]), putter('p2', [4, 5]), getter('g3'), getter('g4'), getter('g5')]));
          yield* awaitFuture(gather([a, b]));
          out.print(0, `left ${q.qsize()}`);
        })(),
    );
  });

  it('releases every join() waiter when task_done() brings the count to zero', async () => {
    await expectTwins(
      `${PY_SAY}
async def waiter(q, name):
    await q.join()
    say(f"{name} joined")
async def worker(q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        say(f"done {item}")
        q.task_done()
async def main():
    q = asyncio.Queue()
    for item in (0.5, 0.25, 1.0):
        q.put_nowait(item)
    w = asyncio.create_task(worker(q))
    await asyncio.gather(waiter(q, "first"), waiter(q, "second"))
    await q.join()
    say("main joined")
    w.cancel()
asyncio.run(main())`,
      (out) =>
        (function* main(): Coro<void> {
          const q = new Queue<number>();
          function* waiter(name: string): Coro<void> {
            yield* q.join();
            out.print(0, `${name} joined`);
          }
          function* worker(): Coro<void> {
            for (;;) {
              const item = yield* q.get();
              yield* sleep(item);
              out.print(0, `done ${floatRepr(item)}`);
              q.taskDone();
            }
          }
          // put_nowait outside a task needs the running loop, which main's first step has.
          for (const item of [0.5, 0.25, 1.0]) q.putNowait(item);
          const w = createTask(worker());
          yield* awaitFuture(gather([waiter('first'), waiter('second')]));
          yield* q.join();
          out.print(0, 'main joined');
          w.cancel();
        })(),
    );
  });

  it('reports a deadlock when workers wait in get() forever, naming what each waits on', async () => {
    const status = await expectTwins(
      `${PY_SAY}
async def worker(q, k):
    while True:
        job = await q.get()
        say(f"Worker-{k} got {job}")
        q.task_done()
async def main():
    q = asyncio.Queue()
    for job in range(3):
        await q.put(job)
    await asyncio.gather(*(worker(q, k) for k in (1, 2)))
asyncio.run(main())`,
      (out) =>
        labelled(
          (function* main(): Coro<void> {
            const q = new Queue<number>();
            function* worker(k: number): Coro<void> {
              for (;;) {
                const job = yield* q.get();
                out.print(0, `Worker-${k} got ${job}`);
                q.taskDone();
              }
            }
            for (let job = 0; job < 3; job++) yield* q.put(job);
            yield* awaitFuture(gather([labelled(worker(1), 'Worker-1'), labelled(worker(2), 'Worker-2')]));
          })(),
          'main',
        ),
    );
    expect(status).toMatchObject({
      kind: 'deadlock',
      pending: [
        { label: 'main', awaiting: 'asyncio.gather()' },
        { label: 'Worker-1', awaiting: 'queue.get()' },
        { label: 'Worker-2', awaiting: 'queue.get()' },
      ],
    });
  });
});
