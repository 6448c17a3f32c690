import { type LabEvent, SENTINEL, exhaustive } from '../engine/index';
import { narrate } from './messages';
import { type QueueView, type TaskStatus, type TaskView, type ViewState, roleOf, statusOfOutcome } from './view-state';

const dropWaiter = (list: readonly number[], id: number): readonly number[] => list.filter((waiting) => waiting !== id);

/** What the fold needs to know about the run besides its events. */
export interface FoldContext {
  readonly maxsize: number;
}

/**
 * Apply one event to the picture: a pure function, so any picture can be rebuilt
 * by folding the log from a checkpoint (step back = seek to cursor - 1).
 */
export function applyEvent(view: ViewState, event: LabEvent, context: FoldContext): ViewState {
  let tasks = view.tasks;
  let queue = view.queue;
  let printed = view.printed;
  let done = view.done;
  const t = event.t;
  const setTask = (id: number, change: Partial<TaskView>): void => {
    const current = tasks[id];
    if (current === undefined) return;
    const copy = tasks.slice();
    copy[id] = { ...current, ...change };
    tasks = copy;
  };
  const become = (id: number, status: TaskStatus, change: Partial<TaskView> = {}): void => setTask(id, { status, since: t, until: null, ...change });

  switch (event.kind) {
    case 'task.create': {
      const created: TaskView = { id: event.created, label: event.name, role: roleOf(event.name), status: 'starting', job: null, since: t, until: null };
      const copy = tasks.slice();
      copy[event.created] = created;
      tasks = copy;
      break;
    }
    case 'task.done':
      become(event.task, statusOfOutcome(event.outcome), { job: null });
      break;
    case 'queue.put':
      queue = { ...queue, items: [...queue.items, event.job], unfinished: event.unfinished };
      become(event.task, 'running', { job: null });
      break;
    case 'queue.put_wait':
      queue = { ...queue, putters: [...queue.putters, event.task] };
      become(event.task, 'blocked-put', { job: event.job });
      break;
    case 'queue.get':
      queue = { ...queue, items: queue.items.slice(1) };
      become(event.task, event.job === SENTINEL ? 'stopping' : 'running', { job: event.job });
      break;
    case 'queue.get_wait':
      queue = { ...queue, getters: [...queue.getters, event.task] };
      become(event.task, 'waiting-get', { job: null });
      break;
    case 'queue.wake':
      queue = event.waiter === 'getter' ? { ...queue, getters: dropWaiter(queue.getters, event.target) } : { ...queue, putters: dropWaiter(queue.putters, event.target) };
      become(event.target, 'woken', { job: tasks[event.target]?.job ?? null });
      break;
    case 'queue.task_done': {
      queue = { ...queue, unfinished: event.unfinished };
      const job = tasks[event.task]?.job;
      if (job !== undefined && job !== null && job !== SENTINEL) done = [...done, job];
      setTask(event.task, { job: null });
      break;
    }
    case 'sleep':
      become(event.task, 'sleeping', { until: t + event.delay, job: tasks[event.task]?.job ?? null });
      break;
    case 'print':
      printed += 1;
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
    done,
    site: event.site,
    narration: narrate(event, tasks[event.task], event.kind === 'queue.wake' ? tasks[event.target] : event.kind === 'task.create' ? tasks[event.created] : undefined, queueView, context.maxsize),
  };
}
