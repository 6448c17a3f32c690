import { type TaskView, taskAt } from '../store/index';
import { formatCount } from './format-number';
import { useFollowable, useLab } from './lab-context';
import { statusText } from './status-text';
import { useItemLabel } from './use-item-label';

/** Tasks listed: a program with thousands of helpers shows these and counts the rest. */
const LANES_SHOWN = 32;

/** Tasks that touch no queue (main, helpers): one line each, beside the stage. */
export function OtherTasks({ ids }: { ids: readonly number[] }) {
  const tasks = useLab((s) => s.view.tasks);
  const playTime = useLab((s) => s.playTime);
  const followable = useFollowable();
  const label = useItemLabel();
  // A scenario's main() only gathers: the picture has always left it out (its deadlock is in the outcome).
  const scenario = useLab((s) => s.run.shape.source === 'scenario');
  const shown = ids.map((task) => taskAt(tasks, task)).filter((task): task is TaskView => task !== undefined);
  if (scenario || shown.length === 0) return null;
  return (
    <section className="panel other-tasks" aria-labelledby="other-tasks-title">
      <h2 id="other-tasks-title">Other tasks</h2>
      <ul>
        {shown.slice(0, LANES_SHOWN).map((task) => (
          <li key={task.id} className={`other-task status-${task.status}`}>
            <span className="name">{task.label}</span> <span className="status">{statusText(task, playTime, label, followable)}</span>
            {task.stuck !== null && <span className="stuck-note"> (deadlock: waits forever in {task.stuck})</span>}
          </li>
        ))}
      </ul>
      {shown.length > LANES_SHOWN && <p className="hint">and {formatCount(shown.length - LANES_SHOWN)} more tasks, not drawn</p>}
    </section>
  );
}
