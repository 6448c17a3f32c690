import type { JobId } from '../store/index';
import { JobToken } from './JobToken';
import { useLab } from './lab-context';

/** The last few jobs of a tray are drawn; the rest are counted. */
const SHOWN = 16;

function Tray({ id, title, jobs, total, tone }: { id: string; title: string; jobs: readonly JobId[]; total?: number; tone: string }) {
  return (
    <section className={`panel tray-panel ${tone}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{total === undefined ? jobs.length : `${jobs.length}/${total}`}</span>
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
  const done = useLab((s) => s.view.done);
  const failed = useLab((s) => s.view.failed);
  const deadLetters = useLab((s) => s.view.deadLetters);
  const dropped = useLab((s) => s.view.dropped);
  const total = useLab((s) => s.run.plan.jobs);
  const onError = useLab((s) => s.settings.onError);
  const immediate = useLab((s) => s.settings.shutdown === 'shutdown-immediate');
  const failing = useLab((s) => s.settings.fail.length + s.settings.flaky.length > 0);
  const stillFailed = failed.filter((job) => !deadLetters.includes(job));
  return (
    <div className="trays">
      <Tray id="tray-done" title="Done" jobs={done} total={total} tone="tone-done" />
      {failing && onError !== 'retry' && <Tray id="tray-failed" title="Failed" jobs={stillFailed} tone="tone-failed" />}
      {onError === 'retry' && <Tray id="tray-dead" title="Dead-letter queue" jobs={deadLetters} tone="tone-failed" />}
      {immediate && <Tray id="tray-dropped" title="Dropped by shutdown" jobs={dropped} tone="tone-dropped" />}
    </div>
  );
}
