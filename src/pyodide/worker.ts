/**
 * The real-Python worker: loads Pyodide (CPython 3.14 in WebAssembly) from the
 * app's own assets the first time it is asked to run something, then runs each
 * exported program on the virtual clock of vclock_runner.py and posts back what
 * CPython printed and how it ended; or records any program event by event
 * (recorder.py) and posts the recording. Started by the page only when asked,
 * so none of this is in the page's first download.
 */
import { files, indexURL } from 'virtual:pyodide-assets';
import type { WorkerMessage, WorkerRequest } from './protocol';
import type { ProgramRecording } from './recording';
import { type PythonRunner, prepareRunner } from './run-program';

type LoadPyodide = typeof import('pyodide').loadPyodide;

/** The parts of a dedicated worker's global scope used here (the app's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(reply: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  removeEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  fetch: typeof fetch;
}
const scope = self as unknown as WorkerScope;

/** Files Pyodide fetches while loading (pyodide.mjs and pyodide.asm.mjs come in by import()). */
const FETCHED = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
const TOTAL = FETCHED.reduce((sum, name) => sum + (files[name] ?? 0), 0);

function post(reply: WorkerMessage): void {
  scope.postMessage(reply, []); // a worker's postMessage: the second argument is the transfer list
}

/**
 * fetch, counting the bytes of Pyodide's own files as they arrive (for the
 * progress bar), and refusing a missing file at once: a static server's
 * fallback page (HTML) in place of the interpreter would otherwise make
 * Pyodide abort without ever settling its promise.
 */
function watchedFetch(original: typeof fetch, onBytes: (count: number) => void, onBad: (problem: Error) => void): typeof fetch {
  return async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(indexURL)) return response;
    const name = url.slice(indexURL.length);
    if (!response.ok || (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      const problem = new Error(`${name} is missing from the app's files (${response.ok ? 'a web page came back instead' : `HTTP ${response.status}`})`);
      onBad(problem);
      throw problem;
    }
    if (response.body === null) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes(chunk.byteLength);
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** A promise that only ever rejects, and the function that rejects it. */
function failure(): { failed: Promise<never>; fail: (problem: unknown) => void } {
  let reject: ((problem: unknown) => void) | null = null;
  const failed = new Promise<never>((_resolve, rejectFailed) => {
    reject = rejectFailed;
  });
  failed.catch(() => {}); // a failure after the race is over is nobody's business
  return { failed, fail: (problem) => reject?.(problem) };
}

async function load(): Promise<PythonRunner> {
  const started = performance.now();
  let loaded = 0;
  let lastPost = 0;
  const progress = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastPost < 50) return;
    lastPost = now;
    post({ type: 'progress', phase: 'download', loaded: Math.min(loaded, TOTAL), total: TOTAL });
  };
  // Whatever goes wrong inside Pyodide's start-up (an aborted WebAssembly instance
  // rejects a promise nobody awaits) ends the load instead of leaving it pending.
  const { failed, fail } = failure();
  const onUnhandled = (event: PromiseRejectionEvent): void => fail(event.reason);
  progress(true);
  const original = scope.fetch;
  scope.fetch = watchedFetch(
    original,
    (count) => {
      loaded += count;
      progress(loaded >= TOTAL);
    },
    fail,
  );
  scope.addEventListener('unhandledrejection', onUnhandled);
  try {
    const module = (await Promise.race([import(/* @vite-ignore */ `${indexURL}pyodide.mjs`), failed])) as { loadPyodide: LoadPyodide };
    const pyodide = await Promise.race([module.loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} }), failed]);
    post({ type: 'progress', phase: 'start', loaded: TOTAL, total: TOTAL });
    const runner = prepareRunner(pyodide);
    post({ type: 'ready', python: runner.python, seconds: (performance.now() - started) / 1000 });
    return runner;
  } finally {
    scope.fetch = original;
    scope.removeEventListener('unhandledrejection', onUnhandled);
  }
}

let runner: Promise<PythonRunner> | null = null;

/**
 * How a recording goes back to the page. By default as it is (a `recording`
 * reply); a worker entry built on this one may turn it into something cheaper
 * for the page to take first (src/ui/python-worker.ts: the run the lab shows,
 * its arrays transferred). `send` posts any message with a transfer list.
 */
export type RecordingReplier = (id: number, program: string, recording: ProgramRecording, send: (message: unknown, transfer: Transferable[]) => void) => void;

let replyWithRecording: RecordingReplier = (id, _program, recording) => post({ type: 'recording', id, recording });

/** Send recordings back with `replier` from now on. */
export function answerRecordingsWith(replier: RecordingReplier): void {
  replyWithRecording = replier;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Answer one request with the loaded interpreter. */
function answer(python: PythonRunner, request: WorkerRequest): void {
  if (request.type === 'run') {
    post({ type: 'result', id: request.id, result: python.run(request.program, { maxIterations: request.maxIterations }) });
    return;
  }
  const { type: _type, id, program, ...options } = request;
  // The parsed recording, as RecordReply carries it (bench/recording.mts measures its structured clone, read back on the page).
  replyWithRecording(id, program, python.record(program, options), (reply, transfer) => scope.postMessage(reply as WorkerMessage, transfer));
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type !== 'run' && request.type !== 'record') return;
  runner ??= load();
  runner.then(
    (python) => {
      try {
        answer(python, request);
      } catch (error) {
        post({ type: 'failed', id: request.id, stage: 'run', message: message(error) });
      }
    },
    (error: unknown) => {
      runner = null; // the next request tries again
      post({ type: 'failed', id: request.id, stage: 'load', message: message(error) });
    },
  );
});
