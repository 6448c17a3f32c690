import { useId } from 'react';
import { type RunShape, type TaskTable, type TaskView, taskAt } from '../store/index';
import { formatCount } from './format-number';
import { useFollowable, useLab } from './lab-context';
import { TaskLane } from './TaskLane';

/** A column's heading: the scenario's Producer / Workers, or a program's coroutines (`parse ×3`). */
function titleOf(shape: RunShape, tasks: TaskTable, ids: readonly number[]): string {
  if (shape.source === 'scenario') return ids.length === 1 ? (taskAt(tasks, ids[0]!)?.label ?? 'Producer') : 'Workers';
  const counts = new Map<string, number>();
  for (const id of ids) {
    const name = shape.coroutines?.[id] ?? 'task';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count === 1 ? name : `${name} ×${count}`)).join(', ');
}

/** Lanes drawn in one column: a program with thousands of tasks shows these and counts the rest. */
const LANES_SHOWN = 64;

const SHUTDOWN_HINT = { sentinel: ', then one None per worker', none: ' and stops (no sentinels)', cancel: '; main() cancels the workers after queue.join()', shutdown: ', then calls queue.shutdown()', 'shutdown-immediate': ', then queue.shutdown(immediate=True)' } as const;

/** The tasks of one step of the pipeline, each in its lane (only those created so far). */
export function TaskColumn({ ids, first }: { ids: readonly number[]; first: boolean }) {
  const tasks = useLab((s) => s.view.tasks);
  const shape = useLab((s) => s.run.shape);
  const total = useLab((s) => s.run.jobs);
  const shutdown = useLab((s) => s.settings.shutdown);
  const id = useId();
  const fast = !useFollowable();
  const shown = ids.map((task) => taskAt(tasks, task)).filter((task): task is TaskView => task !== undefined);
  const title = titleOf(shape, tasks, ids);
  const producer = shape.source === 'scenario' && first;
  return (
    <section className={`panel tasks${producer ? ' producer' : ' workers'}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shown.length === 0 ? <p className="hint">Not started yet.</p> : <ul className={`lanes${shown.length > 8 ? ' compact' : ''}${fast ? ' fast' : ''}`}>{shown.slice(0, LANES_SHOWN).map((task) => <TaskLane key={task.id} task={task} />)}</ul>}
      {shown.length > LANES_SHOWN && <p className="hint">and {formatCount(shown.length - LANES_SHOWN)} more tasks in this step, not drawn</p>}
      {producer && <p className="hint">puts {formatCount(total)} jobs{SHUTDOWN_HINT[shutdown]}</p>}
    </section>
  );
}
