import { useMemo } from 'react';
import { type JobId, failedAt, outcomesAt } from '../store/index';
import { formatCount } from './format-number';
import { JobToken } from './JobToken';
import { useLab } from './lab-context';

/** The last few jobs of a tray are drawn; the rest are counted. */
const SHOWN = 16;

function Tray({ id, title, jobs, count, total, tone }: { id: string; title: string; jobs: readonly JobId[]; count: number; total?: number; tone: string }) {
  return (
    <section className={`panel tray-panel ${tone}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{total === undefined ? formatCount(count) : `${formatCount(count)}/${formatCount(total)}`}</span>
      </h2>
      <div className="tray">
        {jobs.slice(-SHOWN).map((job) => (
          <JobToken key={job} job={job} faded />
        ))}
      </div>
    </section>
  );
}

/** Where jobs end up: done, and, when the run has them, failed, dead-lettered or dropped. */
export function Trays() {
  const index = useLab((s) => s.index);
  const cursor = useLab((s) => s.view.cursor);
  const total = useLab((s) => s.run.jobs);
  // A recorded program has no failure handling of the lab's: its trays are done and, if it dropped any, dropped.
  const scenario = useLab((s) => s.run.shape.source === 'scenario');
  const onError = useLab((s) => (scenario ? s.settings.onError : 'log'));
  const immediate = useLab((s) => (scenario ? s.settings.shutdown === 'shutdown-immediate' : s.index.dropped.at.length > 0));
  const failing = useLab((s) => scenario && s.settings.fail.length + s.settings.flaky.length > 0);
  const trays = useMemo(
    () => ({
      done: outcomesAt(index.done, cursor, SHOWN),
      deadLetters: outcomesAt(index.deadLetters, cursor, SHOWN),
      dropped: outcomesAt(index.dropped, cursor, SHOWN),
      failed: failedAt(index, cursor),
    }),
    [index, cursor],
  );
  return (
    <div className="trays">
      <Tray id="tray-done" title="Done" jobs={trays.done.recent} count={trays.done.count} total={total} tone="tone-done" />
      {failing && onError !== 'retry' && <Tray id="tray-failed" title="Failed" jobs={trays.failed} count={trays.failed.length} tone="tone-failed" />}
      {onError === 'retry' && <Tray id="tray-dead" title="Dead-letter queue" jobs={trays.deadLetters.recent} count={trays.deadLetters.count} tone="tone-failed" />}
      {immediate && <Tray id="tray-dropped" title="Dropped by shutdown" jobs={trays.dropped.recent} count={trays.dropped.count} tone="tone-dropped" />}
    </div>
  );
}
