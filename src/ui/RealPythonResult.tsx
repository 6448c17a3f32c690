import { useState } from 'react';
import type { ExportedProgram, TextList } from '../engine/index';
import { type CPythonRun, type LabResult, compareWithCPython, describeEnding, printedLines } from '../store/index';

/** The lab's lines, ending and program at the moment "Run in real Python" was pressed. */
export interface Snapshot extends LabResult {
  readonly program: ExportedProgram;
}

/** Lines shown either side of the first difference. */
const CONTEXT = 3;
/** Rows in the "every line" table. */
const MAX_ROWS = 2000;

/** CPython's run beside the lab's: the verdict, both endings, the first difference, every line on request, stderr. */
export function RealPythonResult({ cpython, snapshot, stale }: { cpython: CPythonRun; snapshot: Snapshot; stale: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const comparison = compareWithCPython(snapshot, cpython);
  const engineLines = snapshot.lines;
  const cpythonLines = printedLines(cpython.stdout);
  const { lines, ending } = comparison;
  const firstDiff = lines.kind === 'different' ? lines.line : null;
  return (
    <div className="rp-result">
      <div role="status" aria-live="polite" className="rp-status">
        {comparison.identical ? (
          <p className="rp-verdict rp-same">
            <strong>identical</strong>: CPython {cpython.python} printed the same {lines.kind === 'identical' ? lines.lines : 0} lines as the lab and ended the same way.
          </p>
        ) : (
          <p className="rp-verdict rp-differs">
            <strong>different</strong>:{' '}
            {lines.kind === 'different' ? `the first difference is at line ${lines.line}` : 'the same lines, but the run ends differently'}
            {lines.kind === 'different' && !ending.same ? ', and the run ends differently.' : '.'}
          </p>
        )}
      </div>
      {stale && <p className="hint">The settings changed since this run: press Run in real Python again to check the new program.</p>}
      <dl className="rp-endings">
        <dt>The lab</dt>
        <dd>{describeEnding(ending.engine)}</dd>
        <dt>CPython</dt>
        <dd className={ending.same ? undefined : 'rp-mismatch'}>{describeEnding(ending.cpython)}</dd>
      </dl>
      {lines.kind === 'different' && (
        <>
          <p>
            First difference at line {lines.line} (the lab printed {lines.engineLines} lines, CPython {lines.cpythonLines}):
          </p>
          <SideBySide engine={engineLines} cpython={cpythonLines} from={Math.max(1, lines.line - CONTEXT)} to={lines.line + CONTEXT} mark={lines.line} label="Around the first difference" />
        </>
      )}
      <details onToggle={(event) => setShowAll(event.currentTarget.open)}>
        <summary>Every line side by side</summary>
        {showAll && <SideBySide engine={engineLines} cpython={cpythonLines} from={1} to={MAX_ROWS} mark={firstDiff} label="Every printed line" />}
      </details>
      {cpython.stderr !== '' && (
        <details open={cpython.exitCode !== 0}>
          <summary>What CPython wrote to stderr (exit status {cpython.exitCode})</summary>
          <pre className="rp-stderr">{cpython.stderr}</pre>
        </details>
      )}
      <p className="hint">CPython ran it in {(cpython.seconds * 1000).toFixed(0)} ms of wall time.</p>
    </div>
  );
}

function SideBySide({ engine, cpython, from, to, mark, label }: { engine: TextList; cpython: readonly string[]; from: number; to: number; mark: number | null; label: string }) {
  const total = Math.max(engine.length, cpython.length);
  const last = Math.min(to, total);
  const rows: number[] = [];
  for (let line = from; line <= last; line++) rows.push(line);
  return (
    <div className="rp-table-scroll">
      <table className="rp-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">The lab printed</th>
            <th scope="col">CPython printed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((line) => {
            const ours = engine.at(line - 1);
            const theirs = cpython[line - 1];
            const first = line === mark;
            return (
              <tr key={line} className={first ? 'rp-first-diff' : ours === theirs ? undefined : 'rp-diff'} aria-current={first ? 'true' : undefined}>
                <th scope="row">{line}</th>
                <td>{ours ?? <em>(no line)</em>}</td>
                <td>{theirs ?? <em>(no line)</em>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {last < total && <p className="hint">Showing lines {from} to {last} of {total}.</p>}
    </div>
  );
}
