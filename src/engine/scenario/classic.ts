import { NO_JOB, SENTINEL, type JobId } from '../events';
import { type Coro, awaitFuture } from '../future';
import { gather } from '../gather';
import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';
import { Queue } from '../queue';
import { sleep } from '../sleep';
import { labelled } from '../task';
import type { Output } from './output';
import type { Plan } from './plan';
import { SITE } from './sites';

/** A queue item: a job number, or null for the `None` sentinel. */
type Item = number | null;

export interface ClassicProgram {
  readonly plan: Plan;
  readonly workers: number;
  readonly maxsize: number;
  readonly out: Output;
}

const jobName = (job: number): string => `process_item_${job}`;
const jobOf = (item: Item): JobId => item ?? SENTINEL;

/**
 * The classic exercise, statement for statement as export-classic.ts writes it
 * in Python (and as seed_scenario.py runs it): `yield*` is `await`.
 */
export function* classicMain(program: ClassicProgram): Coro<void> {
  const { plan, workers, maxsize, out } = program;
  const loop = getRunningLoop();
  const queue = new Queue<Item>({ maxsize, jobOf });
  const start = loop.time();
  const crew: Coro<unknown>[] = [labelled(producer(queue, program), 'Producer')];
  for (let k = 1; k <= workers; k++) crew.push(labelled(worker(k, queue, program), `Worker-${k}`));
  yield* awaitFuture(gather(crew, SITE.gather));
  const elapsed = loop.time() - start;
  out.print(SITE.summary, `Processed ${plan.jobs} jobs in ~${formatFixed(elapsed, 1)} seconds with ${workers} workers`);
}

function* producer(queue: Queue<Item>, { plan, workers, out }: ClassicProgram): Coro<void> {
  for (let i = 1; i <= plan.jobs; i++) {
    yield* queue.put(i, SITE.producerPut);
    out.print(SITE.producerAdded, `[Producer] Added job: ${jobName(i)}`);
    if (i < plan.jobs) yield* sleep(plan.intervals[i - 1]!, SITE.producerSleep, NO_JOB);
  }
  out.print(SITE.producerDone, `[Producer] Done \u2014 added ${plan.jobs} jobs total`);
  for (let k = 0; k < workers; k++) yield* queue.put(null, SITE.producerSentinel);
}

function* worker(k: number, queue: Queue<Item>, { plan, out }: ClassicProgram): Coro<void> {
  for (;;) {
    const job = yield* queue.get(SITE.workerGet);
    if (job === null) {
      out.print(SITE.workerShutdown, `[Worker-${k}] Shutting down`);
      queue.taskDone(SITE.workerSentinelDone);
      return;
    }
    const duration = plan.durations[job - 1]!;
    yield* sleep(duration, SITE.workerSleep, job);
    out.print(SITE.workerProcessed, `[Worker-${k}] Processing: ${jobName(job)} (took ${formatFixed(duration, 1)}s)`);
    queue.taskDone(SITE.workerTaskDone);
  }
}
