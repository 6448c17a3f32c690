import type { PyodideInterface } from 'pyodide';
import { parseRecording } from './parse-recording';
import type { PythonRunResult, RecordOptions } from './protocol';
import type { ProgramRecording } from './recording';
import { parseRunResult } from './run-result';

/** The Python files a runner loads, in order, by name (run-program.ts has Vite inline them; a plain Node script reads them itself). */
export type RunnerSources = readonly (readonly [filename: string, source: string])[];

/** vclock_runner.py first, then the recorder's parts (recorder.py last: it needs the others). */
export const RUNNER_FILES = ['vclock_runner.py', 'record_events.py', 'record_tasks.py', 'record_queues.py', 'recorder.py'] as const;

/** An interpreter with the virtual-clock runner and the recorder loaded (used by the worker and by the Node tests). */
export interface PythonRunner {
  /** CPython's version, `3.14.2`. */
  readonly python: string;
  /** Run an exported program as `python3 program.py` would, on the virtual clock. */
  run(program: string, options?: { readonly maxIterations?: number }): PythonRunResult;
  /** Run any asyncio program the same way, recording what asyncio does event by event (recorder.py). */
  record(program: string, options?: RecordOptions): ProgramRecording;
  /** The same recording as record_program's JSON text, before parseRecording (to measure or pass on). */
  recordJson(program: string, options?: RecordOptions): string;
}

/** A callable Python object, as Pyodide hands it to JavaScript. */
interface PyCallable {
  callKwargs(...args: unknown[]): unknown;
}

/** RecordOptions as record_program's keyword arguments. */
const RECORD_KWARGS: Readonly<Record<keyof RecordOptions, string>> = {
  maxIterations: 'max_iterations',
  maxEvents: 'max_events',
  maxOutputBytes: 'max_output_bytes',
  maxOutputLines: 'max_output_lines',
  maxTasks: 'max_tasks',
  maxStepSeconds: 'max_step_seconds',
};

/**
 * Load vclock_runner.py into its own namespace of a loaded interpreter, and
 * the recorder's files into the same one (a recording is one call of
 * run_program with a few of that namespace's names swapped for the run).
 */
export function loadRunner(pyodide: PyodideInterface, sources: RunnerSources): PythonRunner {
  const namespace = pyodide.globals.get('dict')();
  for (const [filename, source] of sources) pyodide.runPython(source, { globals: namespace, filename });
  const runProgram = namespace.get('run_program') as PyCallable;
  const recordProgram = namespace.get('record_program') as PyCallable;
  const python = String(pyodide.runPython('import platform; platform.python_version()'));
  return {
    python,
    run(program, options = {}) {
      // Keyword arguments only when given: JavaScript null is not None in Pyodide.
      const kwargs = options.maxIterations === undefined ? {} : { max_iterations: options.maxIterations };
      return parseRunResult(String(runProgram.callKwargs(program, kwargs)));
    },
    recordJson(program, options = {}) {
      const kwargs: Record<string, number> = {};
      for (const [key, name] of Object.entries(RECORD_KWARGS) as [keyof RecordOptions, string][]) {
        const value = options[key];
        if (value !== undefined) kwargs[name] = value;
      }
      return String(recordProgram.callKwargs(program, kwargs));
    },
    record(program, options = {}) {
      return parseRecording(this.recordJson(program, options));
    },
  };
}
