import { useContext, useEffect, useRef, useState } from 'react';
import { type LabActions, type ViewState, fromRunData } from '../store/index';
import { LabContext } from './lab-context';
import { type ProgramRecording, type RecordingSummary, summaryOf } from './program-messages';
import { type PythonInfo, type PythonWorkerEvent, usePythonWorker } from './use-python-worker';

/** How long a program may run in CPython, once the interpreter is up, before the lab stops it. */
export const WATCHDOG_SECONDS = 20;

/** Where "Run my program" is. */
export type ProgramRunPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly step: 'download' | 'start'; readonly loaded: number; readonly total: number }
  | { readonly kind: 'recording' }
  /** The recording is on the stage. */
  | { readonly kind: 'shown'; readonly recording: RecordingSummary; readonly code: string }
  /** Ended by the lab: the watchdog, or the Stop button. The previous run stays shown. */
  | { readonly kind: 'ended'; readonly by: 'watchdog' | 'stop' }
  /** Python could not load or run it, or the store could not show the recording (its notice says why). */
  | { readonly kind: 'failed'; readonly stage: 'load' | 'run' | 'show'; readonly message: string };

export interface ProgramRun {
  readonly phase: ProgramRunPhase;
  readonly python: PythonInfo | null;
  readonly busy: boolean;
  run(code: string): void;
  stop(): void;
}

/**
 * The run flow: record a program in CPython (the Pyodide worker), then show
 * the recording with the store's loadRecording. `onShown` runs just after the
 * store has it (the panel moves to a link's event there). A watchdog ends a run
 * that has not answered WATCHDOG_SECONDS after the interpreter is up.
 */
export function useProgramRun(onShown: (code: string) => void): ProgramRun {
  const store = useContext(LabContext);
  const [phase, setPhase] = useState<ProgramRunPhase>({ kind: 'idle' });
  const asked = useRef<{ id: number; code: string } | null>(null);
  /** The checkpoints of the run being received (they come before it, in slices). */
  const checkpoints = useRef<ViewState[]>([]);
  const nextId = useRef(1);
  const watchdog = useRef<ReturnType<typeof setTimeout> | null>(null);
  const worker = usePythonWorker('program-recorder', onEvent);

  const disarm = (): void => {
    if (watchdog.current !== null) clearTimeout(watchdog.current);
    watchdog.current = null;
  };
  useEffect(
    () => () => {
      if (watchdog.current !== null) clearTimeout(watchdog.current);
    },
    [],
  );

  function arm(): void {
    disarm();
    watchdog.current = setTimeout(() => end('watchdog'), WATCHDOG_SECONDS * 1000);
  }

  function end(by: 'watchdog' | 'stop'): void {
    disarm();
    worker.stop(); // CPython cannot be interrupted inside a worker: the worker goes, the next run starts a fresh one
    asked.current = null;
    setPhase({ kind: 'ended', by });
  }

  /** Show a recording: made into a run by the worker (`computed`), or here from the recording itself. */
  function show(summary: RecordingSummary, code: string, load: (state: LabActions) => void): void {
    if (store === null) return;
    const before = store.getState().timeline;
    try {
      load(store.getState());
    } catch (error) {
      setPhase({ kind: 'failed', stage: 'show', message: `the recording could not be shown (${String(error)})` });
      return;
    }
    if (store.getState().timeline === before) {
      setPhase({ kind: 'failed', stage: 'show', message: store.getState().notices.at(-1) ?? 'the recording could not be shown' });
      return;
    }
    setPhase({ kind: 'shown', recording: summary, code });
    onShown(code);
  }

  function onEvent(event: PythonWorkerEvent): void {
    if (asked.current === null) return;
    switch (event.type) {
      case 'progress':
        setPhase({ kind: 'loading', step: event.phase, loaded: event.loaded, total: event.total });
        return;
      case 'ready':
        setPhase({ kind: 'recording' });
        arm();
        return;
      case 'recorded-checkpoints':
        if (asked.current.id === event.id) checkpoints.current.push(...event.slice);
        return;
      case 'recorded-run':
      case 'recording': {
        const request = asked.current;
        if (request.id !== event.id) return;
        disarm();
        asked.current = null;
        if (event.type === 'recording') {
          const recording: ProgramRecording = event.recording;
          show(summaryOf(recording), request.code, (state) => state.loadRecording(recording, request.code));
        } else {
          const data = { ...event.data, checkpoints: checkpoints.current };
          show(event.summary, request.code, (state) => state.showRecordedRun(fromRunData(data)));
        }
        checkpoints.current = [];
        return;
      }
      case 'failed':
      case 'crashed':
        disarm();
        asked.current = null;
        setPhase({ kind: 'failed', stage: event.type === 'crashed' ? 'load' : event.stage, message: event.message });
        return;
      case 'result':
        return; // RealPythonPanel's replies, never asked for here
    }
  }

  function run(code: string): void {
    const id = nextId.current++;
    asked.current = { id, code };
    checkpoints.current = [];
    if (worker.python === null) setPhase({ kind: 'loading', step: 'download', loaded: 0, total: 0 });
    else {
      setPhase({ kind: 'recording' });
      arm();
    }
    worker.send({ type: 'record', id, program: code });
  }

  const busy = phase.kind === 'loading' || phase.kind === 'recording';
  return { phase, python: worker.python, busy, run, stop: () => end('stop') };
}
