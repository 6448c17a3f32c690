import type { PyodideInterface } from 'pyodide';
import type { PythonEnding, PythonPendingTask, PythonRunResult } from './protocol';
import RUNNER_SOURCE from './vclock_runner.py?raw';

/** An interpreter with the virtual-clock runner loaded (used by the worker and by the Node tests). */
export interface PythonRunner {
  /** CPython's version, `3.14.2`. */
  readonly python: string;
  /** Run an exported program as `python3 program.py` would, on the virtual clock. */
  run(program: string, options?: { readonly maxIterations?: number }): PythonRunResult;
}

/** A callable Python object, as Pyodide hands it to JavaScript. */
interface PyCallable {
  callKwargs(...args: unknown[]): unknown;
}

/** Load vclock_runner.py into its own namespace of a loaded interpreter. */
export function prepareRunner(pyodide: PyodideInterface): PythonRunner {
  const namespace = pyodide.globals.get('dict')();
  pyodide.runPython(RUNNER_SOURCE, { globals: namespace, filename: 'vclock_runner.py' });
  const runProgram = namespace.get('run_program') as PyCallable;
  const python = String(pyodide.runPython('import platform; platform.python_version()'));
  return {
    python,
    run(program, options = {}) {
      // Keyword arguments only when given: JavaScript null is not None in Pyodide.
      const kwargs = options.maxIterations === undefined ? {} : { max_iterations: options.maxIterations };
      return parseRunResult(String(runProgram.callKwargs(program, kwargs)));
    },
  };
}

interface RawTask {
  name: string;
  coroutine: string;
  line: number;
  repr: string;
}

/** run_program's JSON (snake_case) as a PythonRunResult. */
export function parseRunResult(json: string): PythonRunResult {
  const raw = JSON.parse(json) as { stdout: string; stderr: string; exit_code: number; ending: Record<string, unknown>; python: string; seconds: number };
  return { stdout: raw.stdout, stderr: raw.stderr, exitCode: raw.exit_code, ending: parseEnding(raw.ending), python: raw.python, seconds: raw.seconds };
}

function parseEnding(raw: Record<string, unknown>): PythonEnding {
  switch (raw['kind']) {
    case 'returned':
      return { kind: 'returned' };
    case 'raised':
      return { kind: 'raised', lastLine: String(raw['last_line']) };
    case 'deadlock': {
      const tasks = (raw['tasks'] as RawTask[]).map((t): PythonPendingTask => ({ name: t.name, coroutine: t.coroutine, line: t.line, repr: t.repr }));
      return { kind: 'deadlock', t: Number(raw['t']), iteration: Number(raw['iteration']), tasks, message: String(raw['message']) };
    }
    case 'limit':
      return { kind: 'limit', message: String(raw['message']) };
    case 'exit':
      return { kind: 'exit', code: Number(raw['code']) };
    default:
      throw new Error(`vclock_runner.py: unknown ending ${JSON.stringify(raw)}`);
  }
}
