import { useMemo } from 'react';
import { stageLayout } from '../store/index';
import { useLab } from './lab-context';
import { OtherTasks } from './OtherTasks';
import { QueuePanel } from './QueuePanel';
import { TaskColumn } from './TaskColumn';
import { Trays } from './Trays';

/**
 * The picture: each step's tasks, left to right, with the queues between them
 * (producer -> queue -> workers for a scenario; fetcher -> urls -> parsers ->
 * pages -> writer for a pipeline), then the trays and the tasks that touch no queue.
 */
export function Stage() {
  const log = useLab((s) => s.timeline.log);
  const queueCount = useLab((s) => s.run.shape.queues.length);
  const scenario = useLab((s) => s.run.shape.source === 'scenario');
  const layout = useMemo(() => stageLayout(log, queueCount, scenario), [log, queueCount, scenario]);
  return (
    <div className="stage">
      <div className="pipeline" style={{ gridTemplateColumns: layout.columns.map((c) => (c.kind === 'queues' ? 'minmax(0, 1.2fr)' : 'minmax(0, 1fr)')).join(' ') }}>
        {layout.columns.map((column, i) =>
          column.kind === 'tasks' ? (
            <TaskColumn key={`t${i}`} ids={column.tasks} first={i === 0} />
          ) : (
            <div key={`q${i}`} className="queue-column">
              {column.queues.map((q) => (
                <QueuePanel key={q} queue={q} />
              ))}
            </div>
          ),
        )}
      </div>
      <OtherTasks ids={layout.others} />
      <Trays />
    </div>
  );
}
