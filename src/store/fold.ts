import { type EventLog, type JobId, type LabEvent, SENTINEL, exhaustive } from '../engine/index';
import { narrate } from './messages';
import type { RunShape } from './run-shape';
import { taskAt, withTask } from './task-table';
import { type QueueView, type TaskStatus, type TaskView, type ViewState, roleOf, statusOfOutcome } from './view-state';

const without = (list: readonly number[], id: number): readonly number[] => list.filter((item) => item !== id);

/**
 * Apply one event to the picture: a pure function, so any picture can be rebuilt
 * by folding the log from a checkpoint (step back = seek to cursor - 1). It
 * copies only small things (the task table, the waiter lines): which jobs are
 * where comes from the run's index (run-index.ts), not from lists copied here.
 */
export function applyEvent(view: ViewState, event: LabEvent): ViewState {
  let { tasks, queues, printed, deadlocked } = view;
  const t = event.t;
  const setTask = (id: number, change: Partial<TaskView>): void => {
    const current = taskAt(tasks, id);
    if (current === undefined) return;
    tasks = withTask(tasks, id, { ...current, ...change });
  };
  const become = (id: number, status: TaskStatus, change: Partial<TaskView> = {}): void => setTask(id, { status, since: t, until: null, awaiting: null, ...change });
  const jobOf = (id: number): JobId | null => taskAt(tasks, id)?.job ?? null;
  /** Change queue `q` (a copy of the list, so earlier pictures keep theirs). */
  const setQueue = (q: number, change: (queue: QueueView) => Partial<QueueView>): void => {
    const current = queues[q];
    if (current === undefined) return;
    const copy = queues.slice();
    copy[q] = { ...current, ...change(current) };
    queues = copy;
  };

  switch (event.kind) {
    case 'task.create': {
      const created: TaskView = { id: event.created, label: event.name, role: roleOf(event.name), status: 'starting', job: null, since: t, until: null, error: null, stuck: null, awaiting: null };
      tasks = withTask(tasks, event.created, created);
      if (event.task >= 0) become(event.task, 'running', { job: jobOf(event.task) });
      break;
    }
    case 'task.done':
      become(event.task, statusOfOutcome(event.outcome), { job: null, error: event.outcome === 'raised' ? event.message : null });
      if (queues.some((q) => q.getters.includes(event.task) || q.putters.includes(event.task) || q.joiners.includes(event.task))) {
        queues = queues.map((q) => ({ ...q, getters: without(q.getters, event.task), putters: without(q.putters, event.task), joiners: without(q.joiners, event.task) }));
      }
      break;
    case 'task.cancel':
      break;
    case 'task.stuck':
      setTask(event.task, { stuck: event.awaiting });
      deadlocked = true;
      break;
    case 'task.step': {
      // A task that got None keeps saying so while it finishes.
      const current = taskAt(tasks, event.task);
      if (current !== undefined && current.status !== 'stopping') become(event.task, 'running', { job: current.job });
      break;
    }
    case 'task.await':
      become(event.task, 'waiting', { job: jobOf(event.task), awaiting: event.awaiting });
      break;
    case 'queue.create':
      setQueue(event.queue, () => ({ created: true }));
      break;
    case 'queue.wait_cancelled':
      setQueue(event.queue, (q) => (event.waiter === 'getter' ? { getters: without(q.getters, event.task) } : { putters: without(q.putters, event.task) }));
      become(event.task, 'running', { job: event.waiter === 'putter' ? null : jobOf(event.task) });
      break;
    case 'queue.put':
      setQueue(event.queue, (q) => ({ length: q.length + 1, unfinished: event.unfinished }));
      become(event.task, 'running', { job: null });
      break;
    case 'queue.put_wait':
      setQueue(event.queue, (q) => ({ putters: [...q.putters, event.task] }));
      become(event.task, 'blocked-put', { job: event.job });
      break;
    case 'queue.get':
      setQueue(event.queue, (q) => ({ length: q.length - 1 }));
      become(event.task, event.job === SENTINEL ? 'stopping' : 'running', { job: event.job });
      break;
    case 'queue.get_wait':
      setQueue(event.queue, (q) => ({ getters: [...q.getters, event.task] }));
      become(event.task, 'waiting-get', { job: null });
      break;
    case 'queue.wake':
      setQueue(event.queue, (q) => (event.waiter === 'getter' ? { getters: without(q.getters, event.target) } : { putters: without(q.putters, event.target) }));
      become(event.target, 'woken', { job: jobOf(event.target) });
      break;
    case 'queue.task_done':
      setQueue(event.queue, () => ({ unfinished: event.unfinished }));
      setTask(event.task, { job: null });
      break;
    case 'queue.join_wait':
      setQueue(event.queue, (q) => ({ joiners: [...q.joiners, event.task] }));
      become(event.task, 'waiting-join');
      break;
    case 'queue.join_release':
      setQueue(event.queue, (q) => ({ joiners: without(q.joiners, event.target) }));
      become(event.target, 'woken');
      break;
    case 'queue.shutdown':
      setQueue(event.queue, () => ({ shutDown: true }));
      break;
    case 'queue.drop':
      setQueue(event.queue, (q) => ({ length: q.length - 1, unfinished: event.unfinished }));
      break;
    case 'queue.refused':
      become(event.task, 'stopping', { job: null });
      break;
    case 'sleep':
      become(event.task, 'sleeping', { until: t + event.delay, job: jobOf(event.task) });
      break;
    case 'print':
      printed += 1;
      break;
    case 'job.failed':
      become(event.task, 'running', { job: event.job });
      break;
    case 'job.dead_letter':
      break;
    default:
      exhaustive(event);
  }
  return {
    cursor: view.cursor + 1,
    t,
    tasks,
    queues,
    printed,
    deadlocked,
    site: event.site,
  };
}

/**
 * The sentence about the last event of a picture. Worked out only for the
 * picture on screen, not for every event folded (a seek folds hundreds).
 */
export function narrationOf(view: ViewState, log: EventLog, shape: RunShape): string {
  if (view.cursor === 0) return 'asyncio.run(main()) is about to start the event loop.';
  const event = log.at(view.cursor - 1);
  const target = event.kind === 'queue.wake' || event.kind === 'queue.join_release' || event.kind === 'task.cancel' ? taskAt(view.tasks, event.target) : event.kind === 'task.create' ? taskAt(view.tasks, event.created) : undefined;
  return narrate(event, taskAt(view.tasks, event.task), target, view.queues, shape);
}
