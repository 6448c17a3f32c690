import { useMemo } from 'react';
import { measureRun } from '../store/index';
import { formatCount } from './format-number';
import { useLab } from './lab-context';
import { useThrottled } from './use-throttled';

const seconds = (value: number): string => `${value.toFixed(2)} s`;

/** Live measures of the run up to the cursor; Little's law checked on it. */
export function MetricsPanel() {
  const log = useLab((s) => s.timeline.log);
  const cursor = useThrottled(useLab((s) => s.view.cursor), 250);
  // The time of the throttled cursor's event (the view's t at that cursor): following s.view.t re-rendered the panel at every event.
  const time = cursor > 0 ? log.time(cursor - 1) : 0;
  const finalMetrics = useLab((s) => s.finalMetrics);
  const shape = useLab((s) => s.run.shape);
  const scenario = shape.source === 'scenario';
  // A large run was measured once, whole, in the background: walking its log here would block the page.
  const metrics = useMemo(() => finalMetrics ?? measureRun(log, cursor, time, shape), [finalMetrics, log, cursor, time, shape]);
  const { L, lambda, W } = metrics.little;
  const holds = Math.abs(L - lambda * W) <= 1e-9 * Math.max(1, L);
  return (
    <section className="panel metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">
        Measures <span className="count">{finalMetrics === undefined ? `up to t = ${metrics.elapsed.toFixed(1)} s` : `over the whole run (${metrics.elapsed.toFixed(1)} s)`}</span>
      </h2>
      <dl className="metric-grid">
        <div>
          <dt>Throughput</dt>
          <dd>{metrics.throughput.toFixed(2)} jobs/s ({formatCount(metrics.processed)} done)</dd>
        </div>
        <div>
          <dt>{shape.queues.length === 1 ? 'Mean wait in the queue' : 'Mean wait in a queue'}</dt>
          <dd>{seconds(metrics.meanWait)}</dd>
        </div>
        <div>
          <dt>Mean processing (get to task_done)</dt>
          <dd>{seconds(metrics.meanProcessing)}</dd>
        </div>
        <div>
          <dt>{scenario ? 'Producer blocked in put()' : 'Blocked in put() (all tasks)'}</dt>
          <dd>{seconds(metrics.producerBlocked)}</dd>
        </div>
        <div>
          <dt title="Little's law: mean queue length = arrival rate x mean time in the queue">Little's law, L = λW</dt>
          <dd>
            L = {L.toFixed(3)}, λ = {lambda.toFixed(3)}/s, W = {W.toFixed(3)} s, λW = {(lambda * W).toFixed(3)} {holds ? '✓ holds' : '✗ differs'}
          </dd>
        </div>
      </dl>
      {shape.queues.length > 1 && (
        <table className="per-queue">
          <caption>Little&apos;s law for each queue</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">L (mean length)</th>
              <th scope="col">λ (puts/s)</th>
              <th scope="col">W (mean wait)</th>
              <th scope="col">λW</th>
            </tr>
          </thead>
          <tbody>
            {metrics.queues.map((q, i) => (
              <tr key={i}>
                <th scope="row">{shape.queues[i]?.name ?? `Queue ${i + 1}`}</th>
                <td>{q.L.toFixed(3)}</td>
                <td>{q.lambda.toFixed(3)}</td>
                <td>{seconds(q.W)}</td>
                <td>{(q.lambda * q.W).toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="utilization">
        <caption>{scenario ? 'Worker utilization: share of the time holding a job' : 'Utilization: share of the time each task holds an item it got'}</caption>
        <thead>
          <tr>
            <th scope="col">{scenario ? 'Worker' : 'Task'}</th>
            <th scope="col">Busy</th>
          </tr>
        </thead>
        <tbody>
          {metrics.utilization.map((u) => (
            <tr key={u.label}>
              <th scope="row">{u.label}</th>
              <td>
                <span className="util-bar" style={{ width: `${Math.round(u.busy * 100)}%` }} aria-hidden="true" />
                {Math.round(u.busy * 100)}%
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
