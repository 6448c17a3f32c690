import { Suspense, lazy, useRef, useState } from 'react';
import type { CPythonRun } from '../store/index';
import { useLab } from './lab-context';
import type { Snapshot } from './RealPythonResult';
import { type PythonWorkerEvent, usePythonWorker } from './use-python-worker';
import './real-python.css';

/** The comparison view (and the store's comparison code) load with the first result, not with the page. */
const RealPythonResult = lazy(() => import('./RealPythonResult').then((m) => ({ default: m.RealPythonResult })));

/** The lab's own run guard (lab-store runs the engine with the same limit). */
const MAX_ITERATIONS = 50_000_000;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly step: 'download' | 'start'; readonly loaded: number; readonly total: number }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly cpython: CPythonRun; readonly snapshot: Snapshot }
  | { readonly kind: 'failed'; readonly stage: 'load' | 'run'; readonly message: string };

const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1);

/**
 * "Run in real Python": the exported program for the current settings, run by
 * CPython (Pyodide, in a worker, loaded only when asked, from the app's own
 * assets) on a virtual clock, its printed lines set beside the lab's.
 */
export function RealPythonPanel() {
  const lines = useLab((s) => s.lines);
  const ending = useLab((s) => s.ending);
  const program = useLab((s) => s.program);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const pending = useRef<{ id: number; snapshot: Snapshot } | null>(null);
  const nextId = useRef(1);
  const worker = usePythonWorker('real-python', onEvent);
  const python = worker.python;

  function onEvent(event: PythonWorkerEvent): void {
    switch (event.type) {
      case 'progress':
        setPhase({ kind: 'loading', step: event.phase, loaded: event.loaded, total: event.total });
        return;
      case 'ready':
        setPhase({ kind: 'running' });
        return;
      case 'result': {
        const asked = pending.current;
        if (asked === null || asked.id !== event.id) return;
        pending.current = null;
        setPhase({ kind: 'done', cpython: event.result, snapshot: asked.snapshot });
        return;
      }
      case 'failed':
        pending.current = null;
        setPhase({ kind: 'failed', stage: event.stage, message: event.message });
        return;
      case 'crashed':
        pending.current = null;
        setPhase({ kind: 'failed', stage: 'load', message: event.message });
        return;
      case 'recording':
        return; // the editor's replies, never asked for here
    }
  }

  function start(): void {
    const id = nextId.current++;
    pending.current = { id, snapshot: { lines, ending, program } };
    setPhase(python === null ? { kind: 'loading', step: 'download', loaded: 0, total: 0 } : { kind: 'running' });
    worker.send({ type: 'run', id, program: program.text, maxIterations: MAX_ITERATIONS });
  }

  function stop(): void {
    // The interpreter goes with the worker: the next run loads it again.
    worker.stop();
    pending.current = null;
    setPhase({ kind: 'idle' });
  }

  const busy = phase.kind === 'loading' || phase.kind === 'running';
  return (
    <section className="panel real-python" aria-labelledby="real-python-title">
      <h2 id="real-python-title">
        Real Python{' '}
        <span className="count">{python === null ? 'CPython in WebAssembly (Pyodide), on a virtual clock' : `CPython ${python.version}, loaded in ${python.seconds.toFixed(1)} s, on a virtual clock`}</span>
      </h2>
      <div className="rp-controls">
        <button type="button" className="primary" onClick={start} disabled={busy}>
          Run in real Python
        </button>
        {busy && (
          <button type="button" onClick={stop}>
            Stop
          </button>
        )}
        <span className="hint">Runs the exported program under CPython and sets what it prints beside the lab&apos;s output, line by line.</span>
      </div>
      {phase.kind === 'done' ? (
        <Suspense fallback={<p className="rp-status">Comparing…</p>}>
          <RealPythonResult cpython={phase.cpython} snapshot={phase.snapshot} stale={phase.snapshot.program.text !== program.text} />
        </Suspense>
      ) : (
        <div role="status" aria-live="polite" className="rp-status">
          <Status phase={phase} />
        </div>
      )}
    </section>
  );
}

function Status({ phase }: { phase: Exclude<Phase, { kind: 'done' }> }) {
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'loading':
      if (phase.step === 'start' || (phase.total > 0 && phase.loaded >= phase.total)) return <p>Starting Python…</p>;
      return (
        <p className="rp-progress">
          <label>
            Loading Python{phase.total > 0 ? `: ${megabytes(phase.loaded)} of ${megabytes(phase.total)} MB` : '…'}{' '}
            <progress max={phase.total || 1} value={phase.total > 0 ? phase.loaded : undefined} />
          </label>
        </p>
      );
    case 'running':
      return <p>Running the program in CPython…</p>;
    case 'failed':
      return (
        <p className="rp-failed">
          {phase.stage === 'load' ? 'Real Python could not be loaded' : 'Real Python could not run the program'}: {phase.message}. The lab itself works as before.
        </p>
      );
  }
}
