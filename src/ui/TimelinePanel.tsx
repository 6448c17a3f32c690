import { type KeyboardEvent, type PointerEvent, useDeferredValue, useId, useMemo, useState } from 'react';
import { lengthAtTime, queueLengthSeries } from '../store/index';
import { formatAxisNumber } from './format-number';
import { useLab, useLabActions } from './lab-context';
import { BASELINE, CHART, type Scales, chartPaths, plotWidth, ticks, timeAtX, xOf, yOf } from './timeline-chart';
import { useElementWidth } from './use-element-width';

/** Rows in the screen-reader table: enough to follow the shape, short enough to read. */
const TABLE_ROWS = 16;

/**
 * Queue length over virtual time, with a cursor at the shown time. The chart is
 * one slider: point or drag to seek to the event at that time, or use the keys.
 */
export function TimelinePanel() {
  const timeline = useLab((s) => s.timeline);
  const endTime = useLab((s) => s.run.endTime);
  const queues = useLab((s) => s.run.shape.queues);
  // A run with several queues charts one at a time, chosen beside the heading.
  const [chosen, setChosen] = useState(0);
  const shown = chosen < queues.length ? chosen : 0;
  const maxsize = queues[shown]?.maxsize ?? 0;
  const cursor = useLab((s) => s.view.cursor);
  // The time of the event at the cursor: what the slider's value is (the moving line follows the clock itself).
  const eventTime = useLab((s) => s.view.t);
  const playing = useLab((s) => s.playing);
  const actions = useLabActions();
  const [dragging, setDragging] = useState(false);
  const headingId = useId();
  const hintId = useId();
  const [svgRef, width] = useElementWidth<SVGSVGElement>(720);

  const series = queueLengthSeries(timeline.log, shown);
  const scales: Scales = useMemo(
    () => ({ width, span: Math.max(endTime, series.lastTime) || 1, top: Math.max(series.maxLength, maxsize > 0 ? maxsize : 0, 1) }),
    [width, endTime, series, maxsize],
  );
  // The outline of a new run is drawn in a render of its own after the rest of the page (a
  // million-job run's takes ~20 ms), so showing a run never costs one long task; until then
  // the previous outline stays, for a frame.
  const chart = useDeferredValue(useMemo(() => ({ series, scales }), [series, scales]));
  const paths = useMemo(() => chartPaths(chart.series, chart.scales), [chart]);
  const total = timeline.length;

  const seekTo = (event: PointerEvent<SVGSVGElement>): void => {
    const matrix = event.currentTarget.getScreenCTM();
    if (matrix === null) return;
    const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse()).x;
    const target = timeline.cursorAtTime(timeAtX(x, scales));
    if (target !== cursor) actions.seek(target);
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>): void => {
    if (event.button !== 0) return;
    // Capture, so a drag that leaves the chart keeps seeking until the button is released.
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    seekTo(event);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) seekTo(event);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>): void => {
    const jump = (by: number) => () => {
      actions.pause();
      actions.seek(cursor + by);
    };
    const keys: Record<string, () => void> = {
      ArrowRight: actions.step,
      ArrowUp: actions.step,
      ArrowLeft: actions.stepBack,
      ArrowDown: actions.stepBack,
      PageUp: jump(10),
      PageDown: jump(-10),
      Home: actions.restart,
      End: actions.toEnd,
    };
    const action = keys[event.key];
    if (action === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    // The page's own shortcuts (Home, End) listen on window: this key is ours alone.
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const right = CHART.left + plotWidth(scales);
  // The axes and the table change with the run and the width, not with the cursor: made once for those,
  // so a frame of playback (a new cursor, nearly every frame at 16x) does not rebuild them.
  const axis = useMemo(
    () => (
      <g className="timeline-axis">
        <line x1={CHART.left} x2={right} y1={BASELINE} y2={BASELINE} />
        <line x1={CHART.left} x2={CHART.left} y1={CHART.top} y2={BASELINE} />
        {ticks(scales.span, Math.max(2, Math.round(width / 90))).map((t) => (
          <text key={t} x={xOf(t, scales)} y={BASELINE + 12} textAnchor="middle">
            {formatAxisNumber(t)}
          </text>
        ))}
        {[...new Set([0, scales.top, ...(maxsize > 0 ? [maxsize] : [])])].map((n) => (
          <text key={n} x={CHART.left - 5} y={yOf(n, scales) + 3} textAnchor="end">
            {formatAxisNumber(n)}
          </text>
        ))}
        <text x={(CHART.left + right) / 2} y={CHART.height - 3} textAnchor="middle">
          virtual time (s)
        </text>
        <text transform={`translate(11 ${CHART.top + (BASELINE - CHART.top) / 2}) rotate(-90)`} textAnchor="middle">
          queue length
        </text>
      </g>
    ),
    [scales, width, maxsize, right],
  );
  const table = useMemo(() => {
    const samples = Array.from({ length: TABLE_ROWS + 1 }, (_, i) => (i / TABLE_ROWS) * scales.span);
    return (
      <table className="timeline-data">
        <caption>
          {queues.length > 1 ? `Length of queue ${queues[shown]?.name ?? ''}` : 'Queue length'} over virtual time. Longest: {series.maxLength} at t = {series.maxAt.toFixed(2)} s
          {maxsize > 0 ? `; maxsize ${maxsize}` : '; unbounded'}.
        </caption>
        <thead>
          <tr>
            <th scope="col">virtual time (s)</th>
            <th scope="col">queue length</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((t) => (
            <tr key={t}>
              <td>{t.toFixed(2)}</td>
              <td>{lengthAtTime(series, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }, [series, scales, queues, shown, maxsize]);
  return (
    <section className="panel timeline" aria-labelledby={headingId}>
      <h2 id={headingId}>Timeline</h2>
      {queues.length > 1 && (
        <label className="timeline-queue">
          Queue charted{' '}
          <select value={shown} onChange={(event) => setChosen(Number(event.target.value))}>
            {queues.map((q, i) => (
              <option key={i} value={i}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="hint" id={hintId}>
        Click or drag the chart to go to the event at that time; arrow keys step one event, Page Up and Page Down ten.
      </p>
      <svg
        ref={svgRef}
        className={`timeline-chart${playing || dragging ? ' live' : ''}`}
        viewBox={`0 0 ${width} ${CHART.height}`}
        role="slider"
        tabIndex={0}
        aria-label="Timeline"
        aria-describedby={hintId}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={cursor}
        aria-valuetext={`event ${cursor} of ${total}, t = ${eventTime.toFixed(2)} s`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => setDragging(false)}
        onPointerCancel={() => setDragging(false)}
        onKeyDown={onKeyDown}
      >
        <path className="timeline-area" d={paths.area} />
        <path className={paths.band ? 'timeline-band' : 'timeline-line'} d={paths.line} />
        {maxsize > 0 && <line className="timeline-limit" x1={CHART.left} x2={right} y1={yOf(maxsize, scales)} y2={yOf(maxsize, scales)} />}
        {axis}
        <TimelineCursor scales={scales} />
      </svg>
      {table}
    </section>
  );
}

/** The line at the playback clock's time: the one part of the chart that moves every frame. */
function TimelineCursor({ scales }: { scales: Scales }) {
  const playTime = useLab((s) => s.playTime);
  return (
    <g className="timeline-cursor" style={{ transform: `translateX(${xOf(playTime, scales).toFixed(1)}px)` }}>
      <line x1={0} x2={0} y1={CHART.top - 4} y2={BASELINE} />
      <path d={`M-5 ${CHART.top - 8}h10l-5 6z`} />
    </g>
  );
}
