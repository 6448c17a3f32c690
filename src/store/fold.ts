import { type EventLog, type JobId, type LabEvent, SENTINEL, exhaustive } from '../engine/index';
import { narrate } from './messages';
import { type QueueView, type TaskStatus, type TaskView, type ViewState, roleOf, statusOfOutcome } from './view-state';

/** What the fold needs to know about the run besides its events. */
export interface FoldContext {
  readonly maxsize: number;
}

const without = (list: readonly number[], id: number): readonly number[] => list.filter((item) => item !== id);

/**
 * Apply one event to the picture: a pure function, so any picture can be rebuilt
 * by folding the log from a checkpoint (step back = seek to cursor - 1). It
 * copies only small things (the task table, the waiter lines): which jobs are
 * where comes from the run's index (run-index.ts), not from lists copied here.
 */
export function applyEvent(view: ViewState, event: LabEvent): ViewState {
  let { tasks, queue, printed, deadlocked } = view;
  const t = event.t;
  const setTask = (id: number, change: Partial<TaskView>): void => {
    const current = tasks[id];
    if (current === undefined) return;
    const copy = tasks.slice();
    copy[id] = { ...current, ...change };
    tasks = copy;
  };
  const become = (id: number, status: TaskStatus, change: Partial<TaskView> = {}): void => setTask(id, { status, since: t, until: null, ...change });
  const jobOf = (id: number): JobId | null => tasks[id]?.job ?? null;

  switch (event.kind) {
    case 'task.create': {
      const created: TaskView = { id: event.created, label: event.name, role: roleOf(event.name), status: 'starting', job: null, since: t, until: null, error: null, stuck: null };
      const copy = tasks.slice();
      copy[event.created] = created;
      tasks = copy;
      if (event.task >= 0) become(event.task, 'running');
      break;
    }
    case 'task.done':
      become(event.task, statusOfOutcome(event.outcome), { job: null, error: event.outcome === 'raised' ? event.message : null });
      queue = { ...queue, getters: without(queue.getters, event.task), putters: without(queue.putters, event.task), joiners: without(queue.joiners, event.task) };
      break;
    case 'task.cancel':
      break;
    case 'task.stuck':
      setTask(event.task, { stuck: event.awaiting });
      deadlocked = true;
      break;
    case 'queue.put':
      queue = { ...queue, length: queue.length + 1, unfinished: event.unfinished };
      become(event.task, 'running', { job: null });
      break;
    case 'queue.put_wait':
      queue = { ...queue, putters: [...queue.putters, event.task] };
      become(event.task, 'blocked-put', { job: event.job });
      break;
    case 'queue.get':
      queue = { ...queue, length: queue.length - 1 };
      become(event.task, event.job === SENTINEL ? 'stopping' : 'running', { job: event.job });
      break;
    case 'queue.get_wait':
      queue = { ...queue, getters: [...queue.getters, event.task] };
      become(event.task, 'waiting-get', { job: null });
      break;
    case 'queue.wake':
      queue = event.waiter === 'getter' ? { ...queue, getters: without(queue.getters, event.target) } : { ...queue, putters: without(queue.putters, event.target) };
      become(event.target, 'woken', { job: jobOf(event.target) });
      break;
    case 'queue.task_done':
      queue = { ...queue, unfinished: event.unfinished };
      setTask(event.task, { job: null });
      break;
    case 'queue.join_wait':
      queue = { ...queue, joiners: [...queue.joiners, event.task] };
      become(event.task, 'waiting-join');
      break;
    case 'queue.join_release':
      queue = { ...queue, joiners: without(queue.joiners, event.target) };
      become(event.target, 'woken');
      break;
    case 'queue.shutdown':
      queue = { ...queue, shutDown: true };
      break;
    case 'queue.drop':
      queue = { ...queue, length: queue.length - 1, unfinished: event.unfinished };
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
  const queueView: QueueView = queue;
  return {
    cursor: view.cursor + 1,
    t,
    tasks,
    queue: queueView,
    printed,
    deadlocked,
    site: event.site,
  };
}

/**
 * The sentence about the last event of a picture. Worked out only for the
 * picture on screen, not for every event folded (a seek folds hundreds).
 */
export function narrationOf(view: ViewState, log: EventLog, context: FoldContext): string {
  if (view.cursor === 0) return 'asyncio.run(main()) is about to start the event loop.';
  const event = log.at(view.cursor - 1);
  const target = event.kind === 'queue.wake' || event.kind === 'queue.join_release' || event.kind === 'task.cancel' ? view.tasks[event.target] : event.kind === 'task.create' ? view.tasks[event.created] : undefined;
  return narrate(event, view.tasks[event.task], target, view.queue, context.maxsize);
}
