import { RuntimeError } from '../errors';
import type { Coro } from '../future';
import { getRunningLoop } from '../loop';
import type { Queue } from '../queue';
import { sleep } from '../sleep';
import { type Item, JOB_NAME_PREFIX, type ProgramContext, STOP, jobName } from './program-context';
import { SITE } from './sites';

/** `async def process(job)`: the work, which raises for failing and flaky jobs. */
export function* processJob(job: number, { plan, settings, attempts }: ProgramContext): Coro<void> {
  const attempt = (attempts.get(job) ?? 0) + 1;
  attempts.set(job, attempt);
  yield* sleep(plan.durations[job - 1]!, SITE.processSleep, job);
  if (settings.fail.includes(job) || (settings.flaky.includes(job) && attempt === 1)) {
    const message = `${jobName(job)} failed on attempt ${attempt}`;
    const loop = getRunningLoop();
    loop.log?.jobFailed(loop.currentTaskId(), SITE.processRaise, job, attempt, message);
    throw new RuntimeError(message);
  }
}

/** `async def producer(queue)`, as export-python.ts writes it. */
export function* producer(queue: Queue<Item>, context: ProgramContext): Coro<void> {
  const { plan, settings, out } = context;
  const priority = settings.queue === 'priority';
  const added = `[Producer] Added job: ${JOB_NAME_PREFIX}`;
  for (let i = 1; i <= plan.jobs; i++) {
    const item: Item = priority ? { priority: plan.priorities![i - 1]!, n: i, job: i } : i;
    yield* queue.put(item, SITE.producerPut);
    if (priority) out.print(SITE.producerAdded, `${added}${i} (priority ${plan.priorities![i - 1]})`);
    else out.printJoined(SITE.producerAdded, added, i, '');
    if (i < plan.jobs) yield* sleep(plan.intervals[i - 1]!, SITE.producerSleep);
  }
  out.print(SITE.producerDone, `[Producer] Done \u2014 added ${plan.jobs} jobs total`);
  switch (settings.shutdown) {
    case 'sentinel':
      for (let k = 1; k <= settings.workers; k++) yield* queue.put(priority ? { priority: STOP, n: plan.jobs + k, job: null } : null, SITE.producerSentinel);
      break;
    case 'shutdown':
      queue.shutdown(false, SITE.producerShutdown);
      break;
    case 'shutdown-immediate': {
      const dropped = queue.qsize();
      queue.shutdown(true, SITE.producerShutdown);
      out.print(SITE.producerShutdownReport, `[Producer] Shut the queue down: ${dropped} queued jobs dropped`);
      break;
    }
    case 'none':
    case 'cancel':
      break;
  }
}
