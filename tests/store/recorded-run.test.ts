import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/index';
import { type PythonRunner, prepareRunner } from '../../src/pyodide/run-program';
import { applyEvent } from '../../src/store/fold';
import { measureRun } from '../../src/store/metrics';
import { stageLayout } from '../../src/store/pipeline';
import { fromRunData, transferablesOf } from '../../src/store/computed-run';
import { computeRecordedRun, computeRecordedRunData } from '../../src/store/recorded-run';
import { queueAt } from '../../src/store/run-index';
import { itemLabel } from '../../src/store/run-shape';
import type { ViewState } from '../../src/store/view-state';
import { runVirtual } from '../support/oracle';

/**
 * A learner's program, recorded by real CPython (Pyodide), as the store shows
 * it: the same fold, index and timeline as the engine's runs. Every check
 * compares two computations of the same thing (the fold's queue lengths with
 * the index's contents, the recorder's positions with the index's order) or
 * the lab with CPython itself.
 */

let python: PythonRunner;

beforeAll(async () => {
  python = prepareRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }));
}, 120_000);

const PIPELINE = `import asyncio

async def fetcher(urls, n):
    for i in range(n):
        await urls.put(f"https://example.com/{i}")
        await asyncio.sleep(0.1)

async def parser(k, urls, pages):
    while True:
        url = await urls.get()
        if url is None:
            urls.task_done()
            break
        await asyncio.sleep(0.3)
        await pages.put(f"page of {url}")
        urls.task_done()

async def writer(pages):
    written = 0
    while True:
        page = await pages.get()
        await asyncio.sleep(0.05)
        written += 1
        print(f"wrote {page} ({written})")
        pages.task_done()

async def main():
    urls = asyncio.Queue(maxsize=2)
    pages: asyncio.Queue = asyncio.Queue(3)
    parsers = [asyncio.create_task(parser(k, urls, pages)) for k in range(3)]
    w = asyncio.create_task(writer(pages))
    await fetcher(urls, 8)
    for _ in parsers:
        await urls.put(None)
    await asyncio.gather(*parsers)
    await pages.join()
    w.cancel()
    print("done")

asyncio.run(main())
`;

const ORDERS = `import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    stack = asyncio.LifoQueue(maxsize=3)
    for p in [5, 1, 4, 1, 3, 9, 2, 6]:
        await pq.put((p, f"job-{p}"))
    while not pq.empty():
        got = await pq.get()
        print("priority", got)
        if got[0] % 2 == 0:
            await pq.put((got[0] - 1, "again"))
    async def pusher():
        for i in range(6):
            await stack.put(i)
    task = asyncio.create_task(pusher())
    await asyncio.sleep(0)
    while not task.done() or not stack.empty():
        print("lifo", await stack.get())
        await asyncio.sleep(0.01)

asyncio.run(main())
`;

function foldAll(views: ViewState[], run: ReturnType<typeof computeRecordedRun>): void {
  const log = run.timeline.log;
  for (let i = 0; i < log.length; i++) views.push(applyEvent(views[i]!, log.at(i)));
}

describe('a recorded program in the store', () => {
  for (const [name, program] of [
    ['a two-queue pipeline', PIPELINE],
    ['priority and LIFO queues', ORDERS],
  ] as const) {
    it(`${name}: prints what CPython prints, and the fold, the index and the recorder agree at every event`, async () => {
      const recording = python.record(program);
      const run = computeRecordedRun(recording, program, DEFAULT_SETTINGS);
      const oracle = await runVirtual(program);
      expect(oracle.code).toBe(0);
      expect(run.lines.slice().join('\n') + '\n').toBe(oracle.stdout);
      expect(recording.result.stdout).toBe(oracle.stdout);
      const log = run.timeline.log;
      const views = [run.timeline.viewAt(0)];
      foldAll(views, run);
      let puts = 0;
      for (let i = 0; i < log.length; i++) {
        const event = log.at(i);
        const view = views[i + 1]!;
        for (let q = 0; q < run.run.shape.queues.length; q++) {
          expect(queueAt(run.index.queues[q], i + 1, 10_000).length).toBe(view.queues[q]!.length);
        }
        if (event.kind === 'queue.put') {
          puts++;
          expect(queueAt(run.index.queues[event.queue], i + 1, 10_000).items[event.position]).toBe(event.job);
          expect(view.queues[event.queue]!.unfinished).toBe(event.unfinished);
        }
        if (event.kind === 'queue.get') expect(view.queues[event.queue]!.length).toBe(event.qsize);
        expect(view.t).toBeGreaterThanOrEqual(views[i]!.t);
      }
      expect(puts).toBeGreaterThan(5);
      // Seeking (checkpoints, then folding) gives the picture folding from the start gave.
      for (const cursor of [0, 1, 255, 256, 257, Math.floor(log.length / 2), log.length]) expect(run.timeline.viewAt(cursor)).toEqual(views[Math.min(cursor, log.length)]);
      const metrics = measureRun(log, log.length, run.run.endTime, run.run.shape);
      for (const q of metrics.queues) expect(q.L).toBeCloseTo(q.lambda * q.W, 9);
      expect(run.outcome.kind).toBe('returned');
    });
  }

  it('lays a pipeline out left to right: fetcher, urls, parsers, pages, writer; main that only waits stands apart', () => {
    const run = computeRecordedRun(python.record(PIPELINE), PIPELINE, DEFAULT_SETTINGS);
    const { shape } = run.run;
    expect(shape.queues.map((q) => [q.name, q.className, q.maxsize])).toEqual([
      ['urls', 'Queue', 2],
      ['pages', 'Queue', 3],
    ]);
    const layout = stageLayout(run.timeline.log, shape.queues.length);
    const columns = layout.columns.map((c) => (c.kind === 'queues' ? c.queues.map((q) => shape.queues[q]!.name) : c.tasks.map((t) => shape.coroutines![t])));
    // main() puts the sentinels into urls itself (and runs the fetcher's coroutine inline): it stands with the producers.
    expect(columns).toEqual([['main'], ['urls'], ['parser', 'parser', 'parser'], ['pages'], ['writer']]);
    expect(layout.others).toEqual([]);
    const page = itemLabel(shape, run.index.queues[1]!.job[0]!);
    expect(page).toBe("'page of https://example.com/0'");
  });

  it('made into plain data in a worker and sent with its buffers transferred, shows the same run on the page', () => {
    const recording = python.record(PIPELINE);
    const here = computeRecordedRun(recording, PIPELINE, DEFAULT_SETTINGS);
    const data = computeRecordedRunData(recording, PIPELINE, DEFAULT_SETTINGS);
    const there = fromRunData(structuredClone(data, { transfer: transferablesOf(data) as ArrayBuffer[] }));
    expect(there.lines.slice()).toEqual(here.lines.slice());
    expect(there.program.text).toBe(PIPELINE);
    expect(there.outcome).toEqual(here.outcome);
    expect(there.run.shape).toEqual(here.run.shape);
    expect(there.index).toEqual(here.index);
    const length = here.timeline.length;
    expect(there.timeline.length).toBe(length);
    for (let cursor = 0; cursor <= length; cursor += 37) expect(there.timeline.viewAt(cursor)).toEqual(here.timeline.viewAt(cursor));
    expect(there.timeline.viewAt(length)).toEqual(here.timeline.viewAt(length));
    // The layout came with the data: the page does not walk the log for it.
    expect(stageLayout(there.timeline.log, there.run.shape.queues.length)).toEqual(data.layout);
  });
});
