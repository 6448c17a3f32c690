import { floatRepr } from '../python/format';
import type { Plan } from './plan';
import type { ClassicSettings } from './settings';
import { SITE, type Site } from './sites';

/** The exported program and, for each site, its 1-based line number. */
export interface ExportedProgram {
  readonly text: string;
  readonly lineOf: ReadonlyMap<Site, number>;
}

/**
 * The classic exercise as the plain asyncio program a learner would write. It
 * runs on real time with `python3 program.py`, and under the oracle's
 * run_virtual.py prints exactly what the engine printed for the same settings.
 */
export function exportClassic(settings: ClassicSettings): ExportedProgram {
  const lines: string[] = [];
  const lineOf = new Map<Site, number>();
  const add = (text: string, site?: Site): void => {
    lines.push(text);
    if (site !== undefined) lineOf.set(site, lines.length);
  };
  const plan = settings.plan;
  const jobs = plan?.jobs ?? settings.jobs;
  const say = settings.timePrefix ? 'log' : 'print';

  add(`"""Producer-consumer with asyncio.Queue: ${jobs} jobs, ${settings.workers} workers, maxsize ${settings.maxsize}.`);
  add('');
  add('Exported from Queue Lab. Run it with: python3 program.py');
  add('"""');
  add('');
  add('import asyncio');
  if (plan === null) add('import random');
  add('');
  add(`NUM_JOBS = ${jobs}`);
  add(`NUM_WORKERS = ${settings.workers}`);
  add(`MAX_QUEUE_SIZE = ${settings.maxsize}  # 0 or less: unbounded`);
  add('');
  for (const line of planLines(settings, plan)) add(line);
  if (settings.timePrefix) {
    add('');
    add('');
    add('def log(message: str) -> None:');
    add('    """print() with the time since the event loop started, as [t=1.234]."""');
    add('    print(f"[t={asyncio.get_running_loop().time() - started_at:.3f}] {message}")');
    add('');
    add('');
    add('started_at = 0.0');
  }
  add('');
  add('');
  add('async def producer(queue: asyncio.Queue) -> None:');
  add('    for i in range(1, NUM_JOBS + 1):');
  add('        job = f"process_item_{i}"');
  add('        await queue.put(job)  # waits while the queue is full', SITE.producerPut);
  add(`        ${say}(f"[Producer] Added job: {job}")`, SITE.producerAdded);
  add('        if i < NUM_JOBS:');
  add('            await asyncio.sleep(intervals[i - 1])', SITE.producerSleep);
  add(`    ${say}(f"[Producer] Done \u2014 added {NUM_JOBS} jobs total")`, SITE.producerDone);
  add('    for _ in range(NUM_WORKERS):');
  add('        await queue.put(None)  # one sentinel per worker: no more jobs', SITE.producerSentinel);
  add('');
  add('');
  add('async def worker(worker_id: int, queue: asyncio.Queue) -> None:');
  add('    while True:');
  add('        job = await queue.get()  # waits while the queue is empty', SITE.workerGet);
  add('        if job is None:');
  add(`            ${say}(f"[Worker-{worker_id}] Shutting down")`, SITE.workerShutdown);
  add('            queue.task_done()', SITE.workerSentinelDone);
  add('            break');
  add('        duration = durations[job]');
  add('        await asyncio.sleep(duration)  # the work itself', SITE.workerSleep);
  add(`        ${say}(f"[Worker-{worker_id}] Processing: {job} (took {duration:.1f}s)")`, SITE.workerProcessed);
  add('        queue.task_done()', SITE.workerTaskDone);
  add('');
  add('');
  add('async def main() -> None:');
  if (settings.timePrefix) add('    global started_at');
  add('    queue: asyncio.Queue = asyncio.Queue(maxsize=MAX_QUEUE_SIZE)');
  add('    loop = asyncio.get_running_loop()');
  add('    start = loop.time()');
  if (settings.timePrefix) add('    started_at = start');
  add('    await asyncio.gather(', SITE.gather);
  add('        producer(queue),');
  add('        *(worker(worker_id, queue) for worker_id in range(1, NUM_WORKERS + 1)),');
  add('    )');
  add('    elapsed = loop.time() - start');
  add(`    ${say}(f"Processed {NUM_JOBS} jobs in ~{elapsed:.1f} seconds with {NUM_WORKERS} workers")`, SITE.summary);
  add('');
  add('');
  add('if __name__ == "__main__":');
  add('    asyncio.run(main())');
  return { text: `${lines.join('\n')}\n`, lineOf };
}

function planLines(settings: ClassicSettings, plan: Plan | null): string[] {
  if (plan === null) {
    return [
      '# Every random number comes from one seeded generator, so every run is the same.',
      `rng = random.Random(${settings.seed})`,
      `durations = {f"process_item_{i}": ${drawRounded(settings.minDuration, settings.maxDuration)} for i in range(1, NUM_JOBS + 1)}`,
      `intervals = [${drawRounded(settings.minInterval, settings.maxInterval)} for _ in range(NUM_JOBS - 1)]`,
    ];
  }
  const origin = plan.seed === null ? 'a plan file' : `a plan file (drawn with seed ${plan.seed})`;
  return [
    `# How long each job takes and the pause between two puts, in seconds, from ${origin}.`,
    ...wrapList('job_durations', plan.durations),
    'durations = {f"process_item_{i}": d for i, d in enumerate(job_durations, start=1)}',
    ...wrapList('intervals', plan.intervals),
  ];
}

function drawRounded(low: number, high: number): string {
  return `round(rng.uniform(${floatRepr(low)}, ${floatRepr(high)}), 1)`;
}

/** `name = [a, b, ...]` wrapped at about 88 columns, as a formatter would. */
function wrapList(name: string, values: readonly number[]): string[] {
  const items = values.map(floatRepr);
  const oneLine = `${name} = [${items.join(', ')}]`;
  if (oneLine.length <= 88) return [oneLine];
  const rows: string[] = [`${name} = [`];
  let row = '   ';
  for (const item of items) {
    if (row.length + item.length + 2 > 88) {
      rows.push(row);
      row = '   ';
    }
    row += ` ${item},`;
  }
  rows.push(row, ']');
  return rows;
}
