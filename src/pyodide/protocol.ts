/**
 * What the page and the real-Python worker say to each other. The worker runs
 * the exported program under CPython (Pyodide) on a virtual clock; this layer
 * knows nothing of the engine, the store or the UI.
 */
import type { ProgramRecording } from './recording';

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

/**
 * The limits of a recording (recorder.py's DEFAULT_LIMITS when not given). A
 * run that reaches one stops there, with `stopped` saying which.
 */
export interface RecordOptions {
  /** Event loop iterations (default 2,000,000): an endless program that awaits. */
  readonly maxIterations?: number;
  /** Events recorded (default 2,000,000). */
  readonly maxEvents?: number;
  /** Bytes printed, UTF-8 (default 10 MiB). */
  readonly maxOutputBytes?: number;
  /** Lines printed (default 1,000,000). */
  readonly maxOutputLines?: number;
  /** Tasks created (default 65,000: the event log stores task numbers in 16 bits). */
  readonly maxTasks?: number;
  /** Wall seconds one step may run without awaiting (default 2): a loop that never awaits. */
  readonly maxStepSeconds?: number;
}

/** Page -> worker: run an exported program, or record any program (recorder.py). */
export type WorkerRequest =
  | { readonly type: 'run'; readonly id: number; readonly program: string; readonly maxIterations?: number }
  | ({ readonly type: 'record'; readonly id: number; readonly program: string } & RecordOptions);

/** Worker -> page. */
export type WorkerReply =
  /** Loading the interpreter: bytes fetched of the total (download), then start-up. */
  | { readonly type: 'progress'; readonly phase: 'download' | 'start'; readonly loaded: number; readonly total: number }
  /** The interpreter is up. */
  | { readonly type: 'ready'; readonly python: string; readonly seconds: number }
  | { readonly type: 'result'; readonly id: number; readonly result: PythonRunResult }
  /** Loading (stage `load`) or running or recording (stage `run`) failed. */
  | { readonly type: 'failed'; readonly id: number; readonly stage: 'load' | 'run'; readonly message: string };

/**
 * Worker -> page: the recording of a `record` request. Apart from WorkerReply
 * so that the "Run in real Python" panel's replies stay exactly what they were.
 */
export type WorkerRecordingReply = { readonly type: 'recording'; readonly id: number; readonly recording: ProgramRecording };

/** Everything the worker posts. */
export type WorkerMessage = WorkerReply | WorkerRecordingReply;
