import { useId, useMemo } from 'react';
import { type QueueItems, type TaskTable, itemMotionKey, queueAt, taskAt } from '../store/index';
import { JobToken } from './JobToken';
import { useFollowable, useLab } from './lab-context';
import { atDoorMotionKey } from './use-upcoming-put';

/** Unbounded queues show at most this many items, then a count. */
const SHOWN = 24;
const CLOSED = { created: false, length: 0, unfinished: 0, getters: [], putters: [], joiners: [], shutDown: false } as const;

/** Waiting tasks named in a queue's facts; more are counted. */
const NAMED = 4;
/** Putters drawn at a queue's door; more are counted. */
const AT_DOOR = 4;

/**
 * The tasks blocked in put() on a full queue, each waiting at the door with
 * the item it holds and how long it has waited (the lane says the same in words).
 */
function Door({ putters, tasks }: { putters: readonly number[]; tasks: TaskTable }) {
  const followable = useFollowable();
  // Only a door with someone at it follows the clock: an empty one never re-renders while playing.
  const playTime = useLab((s) => (putters.length > 0 ? s.playTime : 0));
  return (
    <div className={`door${putters.length > 0 ? ' busy' : ''}`}>
      {putters.length === 0 ? (
        <span className="hint">put() comes in here; nobody waits</span>
      ) : (
        putters.slice(0, AT_DOOR).map((id) => {
          const task = taskAt(tasks, id);
          const waited = task === undefined || !followable ? '' : ` ${Math.max(0, playTime - task.since).toFixed(1)} s`;
          return (
            <span key={id} className="at-door">
              {task !== undefined && task.job !== null && <JobToken job={task.job} motionKey={atDoorMotionKey(id, task.job)} />}
              <span>
                {task?.label ?? `Task-${id + 1}`} waits in put(){waited}
              </span>
            </span>
          );
        })
      )}
      {putters.length > AT_DOOR && <span className="hint">and {putters.length - AT_DOOR} more</span>}
    </div>
  );
}

/** The items shown in a queue's slots, each with the name it glides under. */
function useSlotItems(items: QueueItems | undefined, cursor: number, limit: number): { job: number; key: string }[] {
  const log = useLab((s) => s.timeline.log);
  return useMemo(() => {
    const shown = queueAt(items, cursor, limit);
    return shown.items.map((job, i) => ({ job, key: itemMotionKey(items!, shown.at[i]!, log) }));
  }, [items, cursor, limit, log]);
}

/** One queue: who waits at its door in put(), its slots in get() order, unfinished_tasks, and who waits in get() and join(). */
export function QueuePanel({ queue: number }: { queue: number }) {
  const queue = useLab((s) => s.view.queues[number] ?? CLOSED);
  const facts = useLab((s) => s.run.shape.queues[number]);
  const items = useLab((s) => s.index.queues[number]);
  const cursor = useLab((s) => s.view.cursor);
  const labels = useLab((s) => s.view.tasks);
  const id = useId();
  const maxsize = facts?.maxsize ?? 0;
  const name = facts?.name ?? `Queue ${number + 1}`;
  const bounded = maxsize > 0;
  const shown = useSlotItems(items, cursor, bounded ? maxsize : SHOWN);
  const slots = bounded ? maxsize : Math.min(queue.length, SHOWN);
  const nameOf = (task: number): string => taskAt(labels, task)?.label ?? `Task-${task + 1}`;
  // 32 workers waiting in get() would fill the panel: the first few are named, the rest counted.
  const names = (tasks: readonly number[]): string =>
    tasks.length === 0 ? 'nobody' : tasks.length <= NAMED ? tasks.map(nameOf).join(', ') : `${tasks.slice(0, NAMED).map(nameOf).join(', ')} and ${tasks.length - NAMED} more`;
  return (
    <section className={`panel queue${queue.created ? '' : ' not-created'}`} aria-label={`Queue ${name}`}>
      <h2 id={id}>
        <span className="queue-name">
          {name} = asyncio.{facts?.className ?? 'Queue'}(<wbr />
          maxsize={maxsize})
        </span>{' '}
        <span className="count">{bounded ? `${queue.length}/${maxsize}` : `${queue.length} queued, unbounded`}</span>
        {queue.shutDown && <span className="badge">shut down</span>}
        {!queue.created && <span className="badge">not created yet</span>}
      </h2>
      <Door putters={queue.putters} tasks={labels} />
      <ol className={`slots${bounded && queue.length >= maxsize ? ' full' : ''}`} aria-label={`Items in ${name}, next out first`}>
        {Array.from({ length: slots }, (_, i) => {
          const item = shown[i];
          return (
            <li key={i} className="slot">
              {item !== undefined && <JobToken key={item.key} job={item.job} motionKey={item.key} />}
            </li>
          );
        })}
        {!bounded && queue.length > SHOWN && <li className="more">+{queue.length - SHOWN} more</li>}
      </ol>
      <dl className="queue-facts">
        <div>
          <dt>unfinished_tasks</dt>
          <dd>{queue.unfinished}</dd>
        </div>
        <div>
          <dt>waiting in get()</dt>
          <dd>{names(queue.getters)}</dd>
        </div>
        <div>
          <dt>waiting in join()</dt>
          <dd>{names(queue.joiners)}</dd>
        </div>
      </dl>
    </section>
  );
}
