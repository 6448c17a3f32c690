import { type JobId, type LabEvent, type RunStatus, type TextList, SENTINEL, describeError, exhaustive, floatRepr, formatFixed } from '../engine/index';
import type { ProgramRecording } from '../pyodide/recording';
import type { Outcome } from './computed-run';
import { type RunShape, itemLabel } from './run-shape';
import type { QueueView, TaskView } from './view-state';

/**
 * Every sentence the lab says about an event, in one place (the narration line
 * and what a screen reader hears come from here).
 */

const returnedAt = (at: string): string => `asyncio.run(main()) returned at ${at}: the program finished.`;
const WOULD_HANG = 'nothing is ready and no timer is pending, so CPython would wait forever.';

function capacity(queue: QueueView | undefined, maxsize: number): string {
  const length = queue?.length ?? 0;
  return maxsize > 0 ? `${length}/${maxsize}` : `${length}, unbounded`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The queue an event is about: `the queue` when the run has one, else its name. */
function queueWords(shape: RunShape, queue: number): string {
  return shape.queues.length === 1 ? 'the queue' : `queue ${shape.queues[queue]?.name ?? queue + 1}`;
}

/** One sentence about `event`; `lines` are the run's printed lines (a print event names its line by number). */
export function narrate(event: LabEvent, actor: TaskView | undefined, target: TaskView | undefined, queues: readonly QueueView[], shape: RunShape, lines: TextList): string {
  const who = actor?.label ?? 'asyncio.run()';
  const whom = target?.label ?? 'a task';
  const jobLabel = (job: JobId): string => itemLabel(shape, job);
  if ('queue' in event) return narrateQueue(event, who, whom, queues[event.queue], shape, jobLabel);
  switch (event.kind) {
    case 'task.create':
      return `${who} wraps ${whom} in a task; its first step runs on the next loop iteration.`;
    case 'task.done':
      if (event.outcome === 'returned') return `${who} returned: its task is done.`;
      if (event.outcome === 'cancelled') return `${who} was cancelled: CancelledError ended its task.`;
      return `${who} crashed: ${event.message} escaped it, and its task ended with that exception.`;
    case 'task.cancel':
      return `${who} calls ${whom}.cancel(): CancelledError will be raised where it waits, on the next loop iteration.`;
    case 'task.stuck':
      return `Deadlock: ${WOULD_HANG} ${who} waits in ${event.awaiting}.`;
    case 'task.step':
      return `The event loop resumes ${who}: its coroutine runs until its next await.`;
    case 'task.await':
      return `${who} waits for ${event.awaiting}; other tasks run meanwhile.`;
    case 'sleep':
      if (event.job > 0) return `${who} works on ${jobLabel(event.job)}: \`await asyncio.sleep(${floatRepr(event.delay)})\`.`;
      return `${who} sleeps ${floatRepr(event.delay)} s${shape.source === 'scenario' ? ' before the next job' : ''}; other tasks run meanwhile.`;
    case 'print':
      return `${who} prints: ${lines.at(event.line) ?? ''}`;
    case 'job.failed':
      return `${jobLabel(event.job)} raises RuntimeError on attempt ${event.attempt}: ${event.message}.`;
    case 'job.dead_letter':
      return `${who} gives up on ${jobLabel(event.job)} and puts it in the dead-letter queue.`;
    default:
      return exhaustive(event);
  }
}

type QueueEventOf = Extract<LabEvent, { queue: number }>;

function narrateQueue(event: QueueEventOf, who: string, whom: string, queue: QueueView | undefined, shape: RunShape, jobLabel: (job: JobId) => string): string {
  const where = queueWords(shape, event.queue);
  const Where = where.charAt(0).toUpperCase() + where.slice(1);
  const maxsize = shape.queues[event.queue]?.maxsize ?? 0;
  switch (event.kind) {
    case 'queue.create':
      return `${who} creates ${where} (${maxsize > 0 ? `maxsize=${maxsize}` : 'unbounded'}).`;
    case 'queue.wait_cancelled':
      return `${who} stops waiting in ${event.waiter === 'getter' ? 'get()' : 'put()'} on ${where}: the wait was cancelled (a timeout, or cancel()).`;
    case 'queue.put':
      if (event.job === SENTINEL) return `${who} puts None into ${where} (${capacity(queue, maxsize)}): a sentinel that tells one worker to stop.`;
      return `${who} puts ${jobLabel(event.job)} into ${where} (${capacity(queue, maxsize)}); ${plural(event.unfinished, 'unfinished task', 'unfinished tasks')}.`;
    case 'queue.put_wait':
      return `${Where} is full (${capacity(queue, maxsize)}), so \`await queue.put(${event.job === SENTINEL ? 'None' : 'job'})\` makes ${who} wait for a free slot.`;
    case 'queue.get':
      return `${who} takes ${jobLabel(event.job)} from ${where} (${capacity(queue, maxsize)} left).`;
    case 'queue.get_wait':
      return `${Where} is empty, so ${who} waits in \`await queue.get()\`.`;
    case 'queue.wake':
      return event.waiter === 'getter'
        ? `An item arrived: ${whom}, the longest waiting getter, is woken and resumes on the next loop iteration.`
        : `A slot opened: ${whom}, the longest waiting putter, is woken and retries its put on the next loop iteration.`;
    case 'queue.task_done':
      return `${who} calls queue.task_done(): ${plural(event.unfinished, 'unfinished task', 'unfinished tasks')} left${event.unfinished === 0 ? ', so queue.join() can return' : ''}.`;
    case 'queue.join_wait':
      return `${who} waits in \`await queue.join()\` until task_done() has been called for all ${event.unfinished} unfinished jobs.`;
    case 'queue.join_release':
      return `Every job is done, so ${whom} is released from queue.join() on the next loop iteration.`;
    case 'queue.shutdown':
      return event.immediate
        ? `${who} calls queue.shutdown(immediate=True): ${plural(event.dropped, 'queued job is', 'queued jobs are')} dropped, and every waiting get() and put() will raise QueueShutDown.`
        : `${who} calls queue.shutdown(): no more puts; get() hands out what is queued, then raises QueueShutDown.`;
    case 'queue.drop':
      return `shutdown(immediate=True) drops ${jobLabel(event.job)} and counts it as done (${plural(event.unfinished, 'unfinished task', 'unfinished tasks')}).`;
    case 'queue.refused':
      return `${Where} is shut down${event.waiter === 'getter' ? ' and empty' : ''}, so ${who}'s ${event.waiter === 'getter' ? 'get()' : 'put()'} raises QueueShutDown.`;
    default:
      return exhaustive(event);
  }
}

/** How a run ends, in one or two sentences (shown when the cursor reaches the end). */
export function describeOutcome(status: RunStatus, endTime: number): { readonly kind: RunStatus['kind']; readonly text: string } {
  const at = `t = ${formatFixed(endTime, 1)} s`;
  switch (status.kind) {
    case 'returned':
      return { kind: status.kind, text: returnedAt(at) };
    case 'raised':
      return { kind: status.kind, text: `main() raised ${describeError(status.error)}. asyncio.run() cancelled the other tasks and re-raised it: the program ends with a traceback.` };
    case 'deadlock': {
      const waits = status.pending.map((p) => `${p.label} waits in ${p.awaiting}`).join('; ');
      return { kind: status.kind, text: `Deadlock at ${at}: ${WOULD_HANG} ${waits}.` };
    }
    case 'limit':
      return { kind: status.kind, text: `Stopped after ${status.iterations} event loop iterations at ${at}: the run looks endless.` };
    default:
      return exhaustive(status);
  }
}

/** How a recorded program ends, in the same words as a scenario's where they are the same thing. */
export function describeRecordedOutcome(recording: ProgramRecording, endTime: number): Outcome {
  const at = `t = ${formatFixed(endTime, 1)} s`;
  const { stopped } = recording;
  if (stopped !== null) return { kind: 'limit', text: `${stopped.message} The events up to there can be stepped through.` };
  const ending = recording.result.ending;
  switch (ending.kind) {
    case 'returned':
      return { kind: 'returned', text: returnedAt(at) };
    case 'exit':
      return { kind: ending.code === 0 ? 'returned' : 'raised', text: `The program called sys.exit(${ending.code}) at ${at}.` };
    case 'raised':
      return { kind: 'raised', text: `The program raised ${ending.lastLine}${recording.errorLines.length > 0 ? ` (line ${recording.errorLines.at(-1)})` : ''}: it ends with a traceback.` };
    case 'deadlock': {
      // What each task waits on, as its task.stuck event says (the ending names the task and its line).
      const awaiting = new Map<string, string>();
      for (const [kind, , task, , what] of recording.events) if (kind === 'task.stuck') awaiting.set(recording.tasks[task]?.name ?? '', String(what));
      const on = (name: string): string => (awaiting.has(name) ? ` in ${awaiting.get(name)}` : '');
      const waits = ending.tasks.map((t) => `${t.name} (${t.coroutine}) waits${on(t.name)} at line ${t.line}`).join('; ');
      return { kind: 'deadlock', text: `Deadlock at t = ${floatRepr(ending.t)} s: ${WOULD_HANG} ${waits}.` };
    }
    case 'limit':
      return { kind: 'limit', text: `${ending.message}.` };
  }
}
