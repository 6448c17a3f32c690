import { floatRepr } from '../python/format';
import type { Plan } from './plan';
import { PythonSource, jobSet } from './python-source';
import type { ScenarioSettings } from './settings';
import { SITE, type Site } from './sites';

/** The exported program and, for each site, its 1-based line number. */
export interface ExportedProgram {
  readonly text: string;
  readonly lineOf: ReadonlyMap<Site, number>;
}

const QUEUE_CLASS = { fifo: 'Queue', priority: 'PriorityQueue', lifo: 'LifoQueue' } as const;

/** What the program needs, derived once from the settings. */
interface Shape {
  readonly settings: ScenarioSettings;
  readonly jobs: number;
  readonly say: string;
  readonly priority: boolean;
  /** Some jobs raise, so the work goes through `process()`. */
  readonly failing: boolean;
  readonly deadLetters: boolean;
}

/**
 * The scenario as the plain asyncio program a learner would write. It runs on
 * real time with `python3 program.py` (3.13+ for queue.shutdown), and under the
 * oracle's run_virtual.py prints exactly what the engine printed for the same
 * settings. program.ts mirrors it statement for statement.
 */
export function exportScenario(settings: ScenarioSettings): ExportedProgram {
  const shape: Shape = {
    settings,
    jobs: settings.plan?.jobs ?? settings.jobs,
    say: settings.timePrefix ? 'log' : 'print',
    priority: settings.queue === 'priority',
    failing: settings.fail.length > 0 || settings.flaky.length > 0,
    deadLetters: settings.onError === 'retry',
  };
  const py = new PythonSource();
  header(py, shape);
  if (settings.timePrefix) logHelper(py);
  if (shape.failing) processFunction(py, shape);
  producer(py, shape);
  worker(py, shape);
  main(py, shape);
  py.gap().line('if __name__ == "__main__":').line('    asyncio.run(main())');
  return { text: py.text(), lineOf: py.lineOf };
}

function header(py: PythonSource, shape: Shape): void {
  const { settings, jobs } = shape;
  const what = `asyncio.${QUEUE_CLASS[settings.queue]}`;
  py.line(`"""Producer-consumer with ${what}: ${jobs} jobs, ${settings.workers} workers, maxsize ${settings.maxsize}.`)
    .line('')
    .line(`Exported from Queue Lab. Run it with: python3 program.py${settings.shutdown.startsWith('shutdown') ? '  (Python 3.13+: queue.shutdown)' : ''}`)
    .line('"""')
    .line('')
    .line('import asyncio');
  if (settings.plan === null) py.line('import random');
  py.line('').line(`NUM_JOBS = ${jobs}`).line(`NUM_WORKERS = ${settings.workers}`).line(`MAX_QUEUE_SIZE = ${settings.maxsize}  # 0 or less: unbounded`);
  if (settings.fail.length > 0) py.line(`FAILING_JOBS = ${jobSet(settings.fail)}  # raise on every attempt`);
  if (settings.flaky.length > 0) py.line(`FLAKY_JOBS = ${jobSet(settings.flaky)}  # raise on the first attempt only`);
  if (shape.deadLetters) py.line(`MAX_RETRIES = ${settings.retries}`);
  if (shape.priority && settings.shutdown === 'sentinel') py.line('STOP = 4  # sentinel priority: after every job (job priorities are 1 to 3)');
  py.line('');
  for (const line of planLines(settings, settings.plan, shape.priority)) py.line(line);
  if (shape.failing) py.line('attempts = {job: 0 for job in durations}');
}

function planLines(settings: ScenarioSettings, plan: Plan | null, priority: boolean): string[] {
  if (plan === null) {
    return [
      '# Every random number comes from one seeded generator, so every run is the same.',
      `rng = random.Random(${settings.seed})`,
      `durations = {f"process_item_{i}": ${drawRounded(settings.minDuration, settings.maxDuration)} for i in range(1, NUM_JOBS + 1)}`,
      `intervals = [${drawRounded(settings.minInterval, settings.maxInterval)} for _ in range(NUM_JOBS - 1)]`,
      ...(priority ? ['priorities = {f"process_item_{i}": rng.randint(1, 3) for i in range(1, NUM_JOBS + 1)}'] : []),
    ];
  }
  const origin = plan.seed === null ? 'a plan file' : `a plan file (drawn with seed ${plan.seed})`;
  const lines = [
    `# How long each job takes and the pause between two puts, in seconds, from ${origin}.`,
    ...wrapList('job_durations', Array.from(plan.durations, floatRepr)),
    'durations = {f"process_item_{i}": d for i, d in enumerate(job_durations, start=1)}',
    ...wrapList('intervals', Array.from(plan.intervals, floatRepr)),
  ];
  if (priority && plan.priorities !== null) {
    lines.push(...wrapList('job_priorities', plan.priorities.map(String)), 'priorities = {f"process_item_{i}": p for i, p in enumerate(job_priorities, start=1)}');
  }
  return lines;
}

function logHelper(py: PythonSource): void {
  py.gap()
    .line('def log(message: str) -> None:')
    .line('    """print() with the time since the program started, as [t=1.234]."""')
    .line('    print(f"[t={asyncio.get_running_loop().time() - started_at:.3f}] {message}")')
    .gap()
    .line('started_at = 0.0');
}

function processFunction(py: PythonSource, { settings }: Shape): void {
  const conditions = [...(settings.fail.length > 0 ? ['job in FAILING_JOBS'] : []), ...(settings.flaky.length > 0 ? ['(job in FLAKY_JOBS and attempts[job] == 1)'] : [])];
  py.gap()
    .line('async def process(job: str) -> None:')
    .line('    """The work itself: takes durations[job] seconds, and some jobs fail."""')
    .line('    attempts[job] += 1')
    .line('    await asyncio.sleep(durations[job])', SITE.processSleep)
    .line(`    if ${conditions.join(' or ')}:`)
    .line('        raise RuntimeError(f"{job} failed on attempt {attempts[job]}")', SITE.processRaise);
}

function producer(py: PythonSource, { settings, say, priority }: Shape): void {
  py.gap()
    .line('async def producer(queue: asyncio.Queue) -> None:')
    .line('    for i in range(1, NUM_JOBS + 1):')
    .line('        job = f"process_item_{i}"')
    .line(`        await queue.put(${priority ? '(priorities[job], i, job)' : 'job'})  # waits while the queue is full`, SITE.producerPut)
    .line(`        ${say}(f"[Producer] Added job: {job}${priority ? ' (priority {priorities[job]})' : ''}")`, SITE.producerAdded)
    .line('        if i < NUM_JOBS:')
    .line('            await asyncio.sleep(intervals[i - 1])', SITE.producerSleep)
    .line(`    ${say}(f"[Producer] Done \u2014 added {NUM_JOBS} jobs total")`, SITE.producerDone);
  switch (settings.shutdown) {
    case 'sentinel':
      if (priority) py.line('    for k in range(1, NUM_WORKERS + 1):').line('        await queue.put((STOP, NUM_JOBS + k, None))  # one sentinel per worker: no more jobs', SITE.producerSentinel);
      else py.line('    for _ in range(NUM_WORKERS):').line('        await queue.put(None)  # one sentinel per worker: no more jobs', SITE.producerSentinel);
      break;
    case 'shutdown':
      py.line('    queue.shutdown()  # no more puts; get() raises QueueShutDown once the queue is empty', SITE.producerShutdown);
      break;
    case 'shutdown-immediate':
      py.line('    dropped = queue.qsize()')
        .line('    queue.shutdown(immediate=True)  # drop what is still queued', SITE.producerShutdown)
        .line(`    ${say}(f"[Producer] Shut the queue down: {dropped} queued jobs dropped")`, SITE.producerShutdownReport);
      break;
    case 'none':
    case 'cancel':
      break;
  }
}

function worker(py: PythonSource, shape: Shape): void {
  const { settings, say, priority, failing, deadLetters } = shape;
  const get = `${priority ? '_, _, job' : 'job'} = await queue.get()  # waits while the queue is empty`;
  py.gap().line(`async def worker(worker_id: int, queue: asyncio.Queue${deadLetters ? ', dead_letters: asyncio.Queue' : ''}) -> None:`).line('    while True:');
  if (settings.shutdown === 'shutdown' || settings.shutdown === 'shutdown-immediate') {
    py.line('        try:')
      .line(`            ${get}`, SITE.workerGet)
      .line('        except asyncio.QueueShutDown:')
      .line(`            ${say}(f"[Worker-{worker_id}] The queue is shut down: stopping")`, SITE.workerShutDown)
      .line('            break');
  } else if (settings.shutdown === 'cancel') {
    // No except CancelledError with a print here: when a run deadlocks, asyncio.run cancels the
    // leftover tasks in set order (by memory address), so what they printed would be arbitrary.
    py.line(`        ${get}  # main() cancels us here once every job is done`, SITE.workerGet);
  } else {
    py.line(`        ${get}`, SITE.workerGet)
      .line('        if job is None:')
      .line(`            ${say}(f"[Worker-{worker_id}] Shutting down")`, SITE.workerSentinel)
      .line('            queue.task_done()', SITE.workerSentinelDone)
      .line('            break');
  }
  py.line('        duration = durations[job]');
  const work = failing ? 'await process(job)' : 'await asyncio.sleep(duration)  # the work itself';
  const processed = `${say}(f"[Worker-{worker_id}] Processing: {job} (took {duration:.1f}s)")`;
  switch (settings.onError) {
    case 'crash':
      py.line(`        ${work}`, SITE.workerWork).line(`        ${processed}`, SITE.workerProcessed);
      break;
    case 'log':
      py.line('        try:')
        .line(`            ${work}`, SITE.workerWork)
        .line('        except Exception as exc:')
        .line(`            ${say}(f"[Worker-{worker_id}] Failed: {exc}")`, SITE.workerFailed)
        .line('        else:')
        .line(`            ${processed}`, SITE.workerProcessed);
      break;
    case 'retry':
      py.line('        for attempt in range(1, MAX_RETRIES + 2):')
        .line('            try:')
        .line(`                ${work}`, SITE.workerWork)
        .line('            except Exception as exc:')
        .line(`                ${say}(f"[Worker-{worker_id}] Attempt {attempt} failed: {exc}")`, SITE.workerAttemptFailed)
        .line('            else:')
        .line(`                ${processed}`, SITE.workerProcessed)
        .line('                break')
        .line('        else:')
        .line('            await dead_letters.put(job)', SITE.workerDeadLetter)
        .line(`            ${say}(f"[Worker-{worker_id}] Gave up on {job}: moved to the dead-letter queue")`, SITE.workerGaveUp);
      break;
  }
  py.line('        queue.task_done()', SITE.workerTaskDone);
}

function main(py: PythonSource, { settings, say, deadLetters }: Shape): void {
  const workerArgs = `worker_id, queue${deadLetters ? ', dead_letters' : ''}`;
  py.gap().line('async def main() -> None:');
  if (settings.timePrefix) py.line('    global started_at');
  py.line(`    queue: asyncio.Queue = asyncio.${QUEUE_CLASS[settings.queue]}(maxsize=MAX_QUEUE_SIZE)`);
  if (deadLetters) py.line('    dead_letters: asyncio.Queue = asyncio.Queue()');
  py.line('    loop = asyncio.get_running_loop()').line('    start = loop.time()');
  if (settings.timePrefix) py.line('    started_at = start');
  if (settings.shutdown === 'cancel') {
    py.line('    producer_task = asyncio.create_task(producer(queue))', SITE.createProducer)
      .line(`    workers = [asyncio.create_task(worker(${workerArgs})) for worker_id in range(1, NUM_WORKERS + 1)]`, SITE.createWorkers)
      .line('    await producer_task', SITE.awaitProducer)
      .line('    await queue.join()  # returns once task_done() was called for every job', SITE.join)
      .line('    for task in workers:')
      .line('        task.cancel()', SITE.cancelWorkers)
      .line('    await asyncio.gather(*workers, return_exceptions=True)', SITE.gatherWorkers);
  } else {
    py.line('    await asyncio.gather(', SITE.gather)
      .line('        producer(queue),')
      .line(`        *(worker(${workerArgs}) for worker_id in range(1, NUM_WORKERS + 1)),`)
      .line('    )');
  }
  py.line('    elapsed = loop.time() - start').line(`    ${say}(f"Processed {NUM_JOBS} jobs in ~{elapsed:.1f} seconds with {NUM_WORKERS} workers")`, SITE.summary);
  if (deadLetters) {
    py.line('    failed = [dead_letters.get_nowait() for _ in range(dead_letters.qsize())]').line(`    ${say}(f"Dead-letter queue: {', '.join(failed) if failed else 'empty'}")`, SITE.deadLetterReport);
  }
}

function drawRounded(low: number, high: number): string {
  return `round(rng.uniform(${floatRepr(low)}, ${floatRepr(high)}), 1)`;
}

/** `name = [a, b, ...]` wrapped at about 88 columns, as a formatter would. */
function wrapList(name: string, items: readonly string[]): string[] {
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
