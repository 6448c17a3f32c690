import { type JobId, type LabEvent, SENTINEL, exhaustive, floatRepr } from '../engine/index';
import type { QueueView, TaskView } from './view-state';

/**
 * Every sentence the lab says about an event, in one place (the narration line
 * and what a screen reader hears come from here).
 */
export function jobLabel(job: JobId): string {
  return job === SENTINEL ? 'None (a sentinel)' : `process_item_${job}`;
}

function capacity(queue: QueueView, maxsize: number): string {
  return maxsize > 0 ? `${queue.items.length}/${maxsize}` : `${queue.items.length}, unbounded`;
}

export function narrate(event: LabEvent, actor: TaskView | undefined, target: TaskView | undefined, queue: QueueView, maxsize: number): string {
  const who = actor?.label ?? 'The event loop';
  switch (event.kind) {
    case 'task.create':
      return `asyncio.gather() wraps ${target?.label ?? 'a coroutine'} in a task; its first step runs on the next loop iteration.`;
    case 'task.done':
      if (event.outcome === 'returned') return `${who} returned: its task is done.`;
      if (event.outcome === 'cancelled') return `${who} was cancelled.`;
      return `${who} raised an exception and its task ended.`;
    case 'queue.put':
      if (event.job === SENTINEL) return `${who} puts None into the queue (${capacity(queue, maxsize)}): a sentinel that tells one worker to stop.`;
      return `${who} puts ${jobLabel(event.job)} into the queue (${capacity(queue, maxsize)}); ${queue.unfinished} unfinished.`;
    case 'queue.put_wait':
      return `The queue is full (${capacity(queue, maxsize)}), so \`await queue.put(${event.job === SENTINEL ? 'None' : 'job'})\` makes ${who} wait for a free slot.`;
    case 'queue.get':
      return `${who} takes ${jobLabel(event.job)} from the queue (${capacity(queue, maxsize)} left).`;
    case 'queue.get_wait':
      return `The queue is empty, so ${who} waits in \`await queue.get()\`.`;
    case 'queue.wake':
      return event.waiter === 'getter'
        ? `An item arrived: ${target?.label ?? 'the oldest waiting getter'} is woken and resumes on the next loop iteration.`
        : `A slot opened: ${target?.label ?? 'the oldest waiting putter'} is woken and retries its put on the next loop iteration.`;
    case 'queue.task_done':
      return `${who} calls queue.task_done(): ${event.unfinished} unfinished ${event.unfinished === 1 ? 'task' : 'tasks'} left${event.unfinished === 0 ? ', so queue.join() would return' : ''}.`;
    case 'sleep':
      if (actor?.role === 'worker' && event.job > 0) return `${who} works on ${jobLabel(event.job)}: \`await asyncio.sleep(${floatRepr(event.delay)})\`.`;
      return `${who} sleeps ${floatRepr(event.delay)} s before the next job; other tasks run meanwhile.`;
    case 'print':
      return `${who} prints: ${event.text}`;
    default:
      return exhaustive(event);
  }
}
