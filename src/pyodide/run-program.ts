import type { PyodideInterface } from 'pyodide';
import { type PythonRunner, RUNNER_FILES, loadRunner } from './python-runner';
import EVENTS_SOURCE from './record_events.py?raw';
import QUEUES_SOURCE from './record_queues.py?raw';
import TASKS_SOURCE from './record_tasks.py?raw';
import RECORDER_SOURCE from './recorder.py?raw';
import RUNNER_SOURCE from './vclock_runner.py?raw';

export { type PythonRunner, type RunnerSources, RUNNER_FILES, loadRunner } from './python-runner';
export { parseRunResult } from './run-result';

/** The Python files, inlined by Vite (vitest does the same in Node). */
const SOURCES: Readonly<Record<(typeof RUNNER_FILES)[number], string>> = {
  'vclock_runner.py': RUNNER_SOURCE,
  'record_events.py': EVENTS_SOURCE,
  'record_tasks.py': TASKS_SOURCE,
  'record_queues.py': QUEUES_SOURCE,
  'recorder.py': RECORDER_SOURCE,
};

/** An interpreter with vclock_runner.py and the recorder loaded, as the worker and the Node tests use it. */
export function prepareRunner(pyodide: PyodideInterface): PythonRunner {
  return loadRunner(
    pyodide,
    RUNNER_FILES.map((name) => [name, SOURCES[name]]),
  );
}
