import { useId, useMemo } from 'react';
import { SENTINEL, queueAt, taskAt } from '../store/index';
import { JobToken } from './JobToken';
import { useLab } from './lab-context';

/** Unbounded queues show at most this many items, then a count. */
const SHOWN = 24;
const CLOSED = { created: false, length: 0, unfinished: 0, getters: [], putters: [], joiners: [], shutDown: false } as const;

/** One queue: its slots in get() order, unfinished_tasks, and who waits in get(), put() and join(). */
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
  const shown = useMemo(() => queueAt(items, cursor, bounded ? maxsize : SHOWN).items, [items, cursor, bounded, maxsize]);
  const slots = bounded ? maxsize : Math.min(queue.length, SHOWN);
  const nameOf = (task: number): string => taskAt(labels, task)?.label ?? `Task-${task + 1}`;
  return (
    <section className={`panel queue${queue.created ? '' : ' not-created'}`} aria-label={`Queue ${name}`}>
      <h2 id={id}>
        {name} = asyncio.{facts?.className ?? 'Queue'}(maxsize={maxsize}) <span className="count">{bounded ? `${queue.length}/${maxsize}` : `${queue.length} queued, unbounded`}</span>
        {queue.shutDown && <span className="badge">shut down</span>}
        {!queue.created && <span className="badge">not created yet</span>}
      </h2>
      <ol className={`slots${bounded && queue.length >= maxsize ? ' full' : ''}`} aria-label={`Items in ${name}, next out first`}>
        {Array.from({ length: slots }, (_, i) => {
          const job = shown[i];
          return (
            <li key={i} className="slot">
              {job !== undefined && <JobToken key={job === SENTINEL ? `s${i}` : job} job={job} />}
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
          <dd>{queue.getters.length === 0 ? 'nobody' : queue.getters.map(nameOf).join(', ')}</dd>
        </div>
        <div>
          <dt>waiting in put()</dt>
          <dd>{queue.putters.length === 0 ? 'nobody' : queue.putters.map(nameOf).join(', ')}</dd>
        </div>
        <div>
          <dt>waiting in join()</dt>
          <dd>{queue.joiners.length === 0 ? 'nobody' : queue.joiners.map(nameOf).join(', ')}</dd>
        </div>
      </dl>
    </section>
  );
}
