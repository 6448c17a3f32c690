import { PyException, QueueShutDown } from '../errors';
import type { Coro } from '../future';
import { getRunningLoop } from '../loop';
import { formatFixed } from '../python/format';
import type { Queue } from '../queue';
import { sleep } from '../sleep';

import { type Item, JOB_NAME_PREFIX, type ProgramContext, jobName, unwrap } from './program-context';
import { processJob } from './program-producer';
import { workerLabel } from './roles';
import { SITE } from './sites';

/** `str(exc)`: the message alone (the type is not part of it). */
function pyStr(error: PyException): string {
  return error.message;
}

/** `job = await queue.get()` inside the try/except of the shutdown strategies: QueueShutDown stops the worker. */
function* getJob(name: string, queue: Queue<Item>, { out }: ProgramContext): Coro<Item | 'stop'> {
  try {
    return yield* queue.get(SITE.workerGet);
  } catch (error) {
    if (!(error instanceof QueueShutDown)) throw error;
    out.print(SITE.workerShutDown, `[${name}] The queue is shut down: stopping`);
    return 'stop';
  }
}

/** `async def worker(worker_id, queue[, dead_letters])`, as export-python.ts writes it. */
export function* worker(k: number, queue: Queue<Item>, deadLetters: Queue<number> | null, context: ProgramContext): Coro<void> {
  const { settings, plan, out } = context;
  const name = workerLabel(k);
  const failing = settings.fail.length > 0 || settings.flaky.length > 0;
  // Only the shutdown strategies wrap get() in try/except: the others await it directly (one generator less per job).
  const guarded = settings.shutdown === 'shutdown' || settings.shutdown === 'shutdown-immediate';
  const work = (job: number, duration: number): Coro<void> => (failing ? processJob(job, context) : sleep(duration, SITE.workerWork, job));
  // `[Worker-3] Processing: process_item_17 (took 1.5s)` from three pieces: this prefix, the number, a suffix made once per duration.
  const processing = `[${name}] Processing: ${JOB_NAME_PREFIX}`;
  // Drawn durations are tenths (round(x, 1)): k/10 is looked up by k, in an array (a Map of doubles cost a tenth of the run).
  const tookByTenths: string[] = [];
  const tookText = (duration: number): string => {
    const tenths = Math.round(duration * 10);
    if (tenths / 10 !== duration || !(tenths > 0) || tenths > 100_000) return ` (took ${formatFixed(duration, 1)}s)`;
    return (tookByTenths[tenths] ??= ` (took ${formatFixed(duration, 1)}s)`);
  };
  for (;;) {
    const item = guarded ? yield* getJob(name, queue, context) : yield* queue.get(SITE.workerGet);
    if (item === 'stop') return;
    const job = unwrap(item);
    if (job === null) {
      // `if job is None:` (sentinel and none strategies; the others never put None)
      out.print(SITE.workerSentinel, `[${name}] Shutting down`);
      queue.taskDone(SITE.workerSentinelDone);
      return;
    }
    const duration = plan.durations[job - 1]!;
    const took = tookText(duration);
    switch (settings.onError) {
      case 'crash':
        yield* work(job, duration);
        out.printJoined(SITE.workerProcessed, processing, job, took);
        break;
      case 'log':
        try {
          yield* work(job, duration);
        } catch (error) {
          if (!(error instanceof PyException)) throw error;
          out.print(SITE.workerFailed, `[${name}] Failed: ${pyStr(error)}`);
          break;
        }
        out.printJoined(SITE.workerProcessed, processing, job, took);
        break;
      case 'retry':
        yield* retry(job, name, processing + job + took, () => work(job, duration), deadLetters!, context);
        break;
    }
    queue.taskDone(SITE.workerTaskDone);
  }
}

/** `for attempt in range(1, MAX_RETRIES + 2): try/except/else ... else: dead-letter`. */
function* retry(job: number, name: string, processed: string, work: () => Coro<void>, deadLetters: Queue<number>, { settings, out }: ProgramContext): Coro<void> {
  for (let attempt = 1; attempt <= settings.retries + 1; attempt++) {
    try {
      yield* work();
    } catch (error) {
      if (!(error instanceof PyException)) throw error;
      out.print(SITE.workerAttemptFailed, `[${name}] Attempt ${attempt} failed: ${pyStr(error)}`);
      continue;
    }
    out.print(SITE.workerProcessed, processed);
    return;
  }
  yield* deadLetters.put(job, SITE.workerDeadLetter);
  const loop = getRunningLoop();
  loop.log?.deadLetter(loop.currentTaskId(), SITE.workerDeadLetter, job);
  out.print(SITE.workerGaveUp, `[${name}] Gave up on ${jobName(job)}: moved to the dead-letter queue`);
}

