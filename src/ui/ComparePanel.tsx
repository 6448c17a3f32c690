import { useState } from 'react';
import { type ComparedRun, type ComparedSetting, lessonById } from '../store/index';
import { BarChart } from './BarChart';
import { formatCount } from './format-number';
import { Sparkline } from './Sparkline';
import { useLab } from './lab-context';
import { useCompareRuns } from './use-compare-runs';

const TITLES: Readonly<Record<ComparedSetting, string>> = { workers: 'workers', maxsize: 'maxsize (0 = unbounded)' };

/** The same seed at several worker counts or maxsize values, side by side. */
export function ComparePanel() {
  const settings = useLab((s) => s.settings);
  const ownProgram = useLab((s) => s.run.shape.source === 'program');
  const lessonCompare = useLab((s) => (s.lessonId === null ? undefined : lessonById(s.lessonId)?.compare));
  const [chosen, setChosen] = useState<ComparedSetting | null>(null);
  const setting = chosen ?? lessonCompare ?? 'workers';
  const computing = useLab((s) => s.computing !== null);
  const progress = useCompareRuns(settings, setting, computing);
  const runs = progress.runs.filter((run): run is ComparedRun => run !== undefined);
  const jobs = settings.plan?.jobs ?? settings.jobs;
  const chart = setting === 'workers' ? { yLabel: 'total time (s)', values: runs.map((r) => r.elapsed) } : { yLabel: 'producer blocked (s)', values: runs.map((r) => r.producerBlocked) };
  return (
    <section className="panel compare" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare runs</h2>
      {ownProgram && <p className="hint">These runs are of the lab&apos;s own program with the lab&apos;s settings, not of your program.</p>}
      <div className="compare-controls" role="radiogroup" aria-label="Compare by">
        {(['workers', 'maxsize'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="compare-by" checked={setting === option} onChange={() => setChosen(option)} /> by {option}
          </label>
        ))}
      </div>
      <p className="hint">The current settings and seed, with only {TITLES[setting]} changed.</p>
      {/* Each run is computed in a background worker; the table fills as they arrive and the run above stays usable. */}
      <p className="compare-status" role="status">
        {progress.problem ??
          (computing
            ? 'The comparison starts once the large run is computed.'
            : progress.done < progress.values.length ? `Computing the runs of ${formatCount(jobs)} jobs in the background: ${progress.done} of ${progress.values.length} done.` : `${progress.values.length} runs of ${formatCount(jobs)} jobs.`)}
      </p>
      {progress.done < progress.values.length && progress.problem === null && <progress max={progress.values.length} value={progress.done} aria-label="Comparison progress" />}
      <div className="compare-body">
        <BarChart bars={runs.map((r, i) => ({ label: String(r.value), value: chart.values[i]! }))} xLabel={TITLES[setting]} yLabel={chart.yLabel} unit="" />
        {/* A narrow screen scrolls the table sideways: the scrolling box is focusable, so keys can scroll it too. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of the runs compared">
          <table>
            <caption className="visually-hidden">Runs compared by {TITLES[setting]}</caption>
            <thead>
              <tr>
                <th scope="col">{setting}</th>
                <th scope="col">Total time</th>
                <th scope="col">Jobs/s</th>
                <th scope="col">Producer blocked</th>
                <th scope="col">Worker utilization</th>
                <th scope="col">Queue length over time</th>
                <th scope="col">Ends</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.value}>
                  <th scope="row">{r.value}</th>
                  <td>{r.elapsed.toFixed(1)} s</td>
                  <td>{r.throughput.toFixed(2)}</td>
                  <td>{r.producerBlocked.toFixed(1)} s</td>
                  <td>{Math.round(r.meanUtilization * 100)}%</td>
                  <td>
                    <Sparkline points={r.queueOverTime} until={r.elapsed} max={Math.max(1, ...runs.map((x) => x.maxQueue))} /> longest {formatCount(r.maxQueue)}
                  </td>
                  <td>{r.ending === 'returned' ? 'finishes' : r.ending === 'deadlock' ? 'hangs' : r.ending === 'raised' ? 'crashes' : 'stopped'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
