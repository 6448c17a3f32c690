import type { PyodideInterface } from 'pyodide';
import { type RawRecording, parseRecording } from './parse-recording';
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
  /** The same recording as record_program returns it, before parseRecording (to measure or pass on). */
  recordRaw(program: string, options?: RecordOptions): RawRecording;
}

/** A callable Python object, as Pyodide hands it to JavaScript. */
interface PyCallable {
  callKwargs(...args: unknown[]): unknown;
}

/** A Python object Pyodide did not convert (a tuple, an array): read it, then let it go. */
interface PyProxy {
  get(key: number): unknown;
  toJs(): unknown;
  destroy(): void;
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
    recordRaw(program, options = {}) {
      const kwargs: Record<string, number> = {};
      for (const [key, name] of Object.entries(RECORD_KWARGS) as [keyof RecordOptions, string][]) {
        const value = options[key];
        if (value !== undefined) kwargs[name] = value;
      }
      const returned = recordProgram.callKwargs(program, kwargs) as PyProxy;
      try {
        const values = returned.get(1) as PyProxy;
        try {
          // toJs copies the array's buffer out of the interpreter's memory into a Float64Array of its own.
          const copied = values.toJs();
          if (!(copied instanceof Float64Array)) throw new Error('recorder.py sent a malformed recording: its events are not an array("d")');
          return { json: String(returned.get(0)), values: copied };
        } finally {
          values.destroy();
        }
      } finally {
        returned.destroy();
      }
    },
    record(program, options = {}) {
      return parseRecording(this.recordRaw(program, options));
    },
  };
}
