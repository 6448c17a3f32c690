import { JobToken } from './JobToken';
import { useLab } from './lab-context';

/** The last few finished jobs are drawn; the rest are counted. */
const SHOWN = 16;

export function DoneTray() {
  const done = useLab((s) => s.view.done);
  const total = useLab((s) => s.run.plan.jobs);
  return (
    <section className="panel done" aria-labelledby="done-title">
      <h2 id="done-title">
        Done <span className="count">{done.length}/{total}</span>
      </h2>
      <div className="tray">
        {done.slice(-SHOWN).map((job) => (
          <JobToken key={job} job={job} faded />
        ))}
      </div>
    </section>
  );
}
