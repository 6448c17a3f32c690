import { useMemo } from 'react';
import { type StageColumn, stageLayout } from '../store/index';
import { useLab } from './lab-context';
import { OtherTasks } from './OtherTasks';
import { QueuePanel } from './QueuePanel';
import { TaskColumn } from './TaskColumn';
import { Trays } from './Trays';

/**
 * A column's width: one task (a producer) needs the least, a step of many
 * tasks draws its lanes in a grid of several columns, so it gets room for them.
 */
function trackOf(column: StageColumn): string {
  if (column.kind === 'queues') return 'minmax(0, 1.1fr)';
  return column.tasks.length > 8 ? 'minmax(0, 3fr)' : column.tasks.length > 1 ? 'minmax(0, 1.3fr)' : 'minmax(0, 0.8fr)';
}

/**
 * The picture: each step's tasks, left to right, with the queues between them
 * (producer -> queue -> workers for a scenario; fetcher -> urls -> parsers ->
 * pages -> writer for a pipeline), the trays under the last step, then the tasks that touch no queue.
 */
export function Stage() {
  const log = useLab((s) => s.timeline.log);
  const queueCount = useLab((s) => s.run.shape.queues.length);
  const scenario = useLab((s) => s.run.shape.source === 'scenario');
  const layout = useMemo(() => stageLayout(log, queueCount, scenario), [log, queueCount, scenario]);
  return (
    <div className="stage">
      <div className="pipeline" style={{ gridTemplateColumns: layout.columns.map(trackOf).join(' ') }}>
        {layout.columns.map((column, i) => (
          // The trays stand at the end of the line, under the last step: where items go when they are done.
          <div key={`${column.kind}${i}`} className="stage-column">
            {column.kind === 'tasks' ? <TaskColumn ids={column.tasks} first={i === 0} /> : column.queues.map((q) => <QueuePanel key={q} queue={q} />)}
            {i === layout.columns.length - 1 && <Trays />}
          </div>
        ))}
      </div>
      <OtherTasks ids={layout.others} />
    </div>
  );
}
