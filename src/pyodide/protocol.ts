/**
 * What the page and the real-Python worker say to each other. The worker runs
 * the exported program under CPython (Pyodide) on a virtual clock; this layer
 * knows nothing of the engine, the store or the UI.
 */

/** A task CPython was still waiting on when nothing could run any more. */
export interface PythonPendingTask {
  /** `Task-3`. */
  readonly name: string;
  /** The coroutine function, `worker`. */
  readonly coroutine: string;
  /** The program line it waits at. */
  readonly line: number;
  /** CPython's own repr of the task. */
  readonly repr: string;
}

/** How the program ended under CPython. */
export type PythonEnding =
  /** `asyncio.run(main())` returned. */
  | { readonly kind: 'returned' }
  /** An exception ended the program; `lastLine` is the traceback's last line (`RuntimeError: ...`). */
  | { readonly kind: 'raised'; readonly lastLine: string }
  /** Nothing ready and no timer: real CPython would hang here forever. */
  | { readonly kind: 'deadlock'; readonly t: number; readonly iteration: number; readonly tasks: readonly PythonPendingTask[]; readonly message: string }
  /** Passed the iteration limit (a runaway guard). */
  | { readonly kind: 'limit'; readonly message: string }
  /** The program called `sys.exit(code)`. */
  | { readonly kind: 'exit'; readonly code: number };

/** One run of a program under CPython. */
export interface PythonRunResult {
  /** Everything printed to stdout (UTF-8, `\n` line ends). */
  readonly stdout: string;
  /** The traceback, deadlock report or logged errors, as CPython writes them. */
  readonly stderr: string;
  /** 0 done, 1 raised, 3 deadlock, 4 iteration limit (or the program's own `sys.exit`). */
  readonly exitCode: number;
  readonly ending: PythonEnding;
  /** `3.14.2`. */
  readonly python: string;
  /** Wall seconds the run took inside the interpreter. */
  readonly seconds: number;
}

/** Page -> worker. */
export type WorkerRequest = { readonly type: 'run'; readonly id: number; readonly program: string; readonly maxIterations?: number };

/** Worker -> page. */
export type WorkerReply =
  /** Loading the interpreter: bytes fetched of the total (download), then start-up. */
  | { readonly type: 'progress'; readonly phase: 'download' | 'start'; readonly loaded: number; readonly total: number }
  /** The interpreter is up. */
  | { readonly type: 'ready'; readonly python: string; readonly seconds: number }
  | { readonly type: 'result'; readonly id: number; readonly result: PythonRunResult }
  /** Loading (stage `load`) or running (stage `run`) failed. */
  | { readonly type: 'failed'; readonly id: number; readonly stage: 'load' | 'run'; readonly message: string };
