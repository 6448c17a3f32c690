import { type Coro, awaitFuture } from '../future';
import { gather } from '../gather';
import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';
import { Queue } from '../queue';
import { createTask, labelled } from '../task';
import { type Item, type ProgramContext, jobName, jobOfItem, storeFor } from './program-context';
import { producer } from './program-producer';
import { worker } from './program-worker';
import { PRODUCER_LABEL, workerLabel } from './roles';
import { SITE } from './sites';

/**
 * `async def main()`, statement for statement as export-python.ts writes it
 * (and, for the classic settings, as seed_scenario.py runs it): `yield*` is `await`.
 */
export function* scenarioMain(context: ProgramContext): Coro<void> {
  const { settings, plan, out } = context;
  const queue = new Queue<Item>({ maxsize: settings.maxsize, jobOf: jobOfItem, store: storeFor(settings.queue) });
  const deadLetters = settings.onError === 'retry' ? new Queue<number>({ record: false }) : null;
  const loop = getRunningLoop();
  const start = loop.time();
  const workerCoro = (k: number): Coro<void> => labelled(worker(k, queue, deadLetters, context), workerLabel(k));
  if (settings.shutdown === 'cancel') {
    const producerTask = createTask(labelled(producer(queue, context), PRODUCER_LABEL), SITE.createProducer);
    const workers = Array.from({ length: settings.workers }, (_, i) => createTask(workerCoro(i + 1), SITE.createWorkers));
    yield* awaitFuture(producerTask, SITE.awaitProducer);
    yield* queue.join(SITE.join);
    for (const task of workers) task.cancel(undefined, SITE.cancelWorkers);
    yield* awaitFuture(gather(workers, { returnExceptions: true }), SITE.gatherWorkers);
  } else {
    const crew: Coro<unknown>[] = [labelled(producer(queue, context), PRODUCER_LABEL)];
    for (let k = 1; k <= settings.workers; k++) crew.push(workerCoro(k));
    yield* awaitFuture(gather(crew, { site: SITE.gather }), SITE.gather);
  }
  const elapsed = loop.time() - start;
  out.print(SITE.summary, `Processed ${plan.jobs} jobs in ~${formatFixed(elapsed, 1)} seconds with ${settings.workers} workers`);
  if (deadLetters !== null) {
    const failed: string[] = [];
    for (let i = deadLetters.qsize(); i > 0; i--) failed.push(jobName(deadLetters.getNowait()));
    out.print(SITE.deadLetterReport, `Dead-letter queue: ${failed.length > 0 ? failed.join(', ') : 'empty'}`);
  }
}
