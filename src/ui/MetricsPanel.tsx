import { useMemo } from 'react';
import { measureRun } from '../store/index';
import { useLab } from './lab-context';
import { useThrottled } from './use-throttled';

const seconds = (value: number): string => `${value.toFixed(2)} s`;

/** Live measures of the run up to the cursor; Little's law checked on it. */
export function MetricsPanel() {
  const log = useLab((s) => s.timeline.log);
  const cursor = useThrottled(useLab((s) => s.view.cursor), 250);
  const time = useLab((s) => s.view.t);
  const finalMetrics = useLab((s) => s.finalMetrics);
  // A large run was measured once, whole, in the background: walking its log here would block the page.
  const metrics = useMemo(() => finalMetrics ?? measureRun(log, cursor, time), [finalMetrics, log, cursor, time]);
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
          <dd>{metrics.throughput.toFixed(2)} jobs/s ({metrics.processed} done)</dd>
        </div>
        <div>
          <dt>Mean wait in the queue</dt>
          <dd>{seconds(metrics.meanWait)}</dd>
        </div>
        <div>
          <dt>Mean processing (get to task_done)</dt>
          <dd>{seconds(metrics.meanProcessing)}</dd>
        </div>
        <div>
          <dt>Producer blocked in put()</dt>
          <dd>{seconds(metrics.producerBlocked)}</dd>
        </div>
        <div>
          <dt title="Little's law: mean queue length = arrival rate x mean time in the queue">Little's law, L = λW</dt>
          <dd>
            L = {L.toFixed(3)}, λ = {lambda.toFixed(3)}/s, W = {W.toFixed(3)} s, λW = {(lambda * W).toFixed(3)} {holds ? '✓ holds' : '✗ differs'}
          </dd>
        </div>
      </dl>
      <table className="utilization">
        <caption>Worker utilization: share of the time holding a job</caption>
        <thead>
          <tr>
            <th scope="col">Worker</th>
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
