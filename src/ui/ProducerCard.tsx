import { JobToken } from './JobToken';
import { useLab } from './lab-context';
import { statusText } from './status-text';

export function ProducerCard() {
  const producer = useLab((s) => s.view.tasks.find((t) => t.role === 'producer'));
  const playTime = useLab((s) => s.playTime);
  const total = useLab((s) => s.run.jobs);
  const shutdown = useLab((s) => s.settings.shutdown);
  const ending = { sentinel: ', then one None per worker', none: ' and stops (no sentinels)', cancel: '; main() cancels the workers after queue.join()', shutdown: ', then calls queue.shutdown()', 'shutdown-immediate': ', then queue.shutdown(immediate=True)' }[shutdown];
  return (
    <section className={`panel producer status-${producer?.status ?? 'none'}`} aria-labelledby="producer-title">
      <h2 id="producer-title">Producer</h2>
      <p className="status">{producer === undefined ? 'not started yet' : statusText(producer, playTime)}</p>
      <div className="hand">{producer?.status === 'blocked-put' && producer.job !== null && <JobToken job={producer.job} />}</div>
      {producer?.stuck != null && <p className="stuck">Deadlock: waits forever in {producer.stuck}</p>}
      <p className="hint">puts {total} jobs{ending}</p>
    </section>
  );
}
