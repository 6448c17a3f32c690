import { useMemo } from 'react';
import { SENTINEL, queueAt } from '../store/index';
import { JobToken } from './JobToken';
import { useLab } from './lab-context';

/** Unbounded queues show at most this many items, then a count. */
const SHOWN = 24;

export function QueuePanel() {
  const queue = useLab((s) => s.view.queue);
  const index = useLab((s) => s.index);
  const cursor = useLab((s) => s.view.cursor);
  const maxsize = useLab((s) => s.settings.maxsize);
  const kind = useLab((s) => s.settings.queue);
  const className = { fifo: 'Queue', priority: 'PriorityQueue', lifo: 'LifoQueue' }[kind];
  const labels = useLab((s) => s.view.tasks);
  const bounded = maxsize > 0;
  const { items } = useMemo(() => queueAt(index, cursor, bounded ? maxsize : SHOWN), [index, cursor, bounded, maxsize]);
  const slots = bounded ? maxsize : Math.min(queue.length, SHOWN);
  const nameOf = (id: number): string => labels[id]?.label ?? `Task-${id + 1}`;
  return (
    <section className="panel queue" aria-labelledby="queue-title">
      <h2 id="queue-title">
        asyncio.{className}(maxsize={maxsize}) <span className="count">{bounded ? `${queue.length}/${maxsize}` : `${queue.length} queued, unbounded`}</span>
        {queue.shutDown && <span className="badge">shut down</span>}
      </h2>
      <ol className={`slots${bounded && queue.length >= maxsize ? ' full' : ''}`} aria-label="Items in the queue, next out first">
        {Array.from({ length: slots }, (_, i) => {
          const job = items[i];
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
