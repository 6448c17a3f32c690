import fc from 'fast-check';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_SETTINGS, ON_ERRORS, QUEUE_KINDS, SHUTDOWNS, type ScenarioSettings, exportScenario, runScenario } from '../../src/engine/index';
import type { PythonRunResult, WorkerReply, WorkerRequest } from '../../src/pyodide/protocol';
import { type PythonRunner, prepareRunner } from '../../src/pyodide/run-program';
import { compareWithCPython, describeEnding, engineEnding, printedLines } from '../../src/store/compare-output';
import type { RealPythonReply, RealPythonRequest } from '../../src/ui/real-python-messages';

/**
 * "Run in real Python", in Node: the exported program of each preset runs under
 * Pyodide's CPython 3.14 on vclock_runner.py's virtual clock (exactly what the
 * page's worker does), and must print the engine's lines and end the same way.
 */

let python: PythonRunner;
let loadSeconds = 0;

beforeAll(async () => {
  const started = performance.now();
  python = prepareRunner(await loadPyodide({ stdout: () => {}, stderr: () => {} }));
  loadSeconds = (performance.now() - started) / 1000;
}, 120_000);

type Expected = 'returned' | 'raised' | 'deadlock';

const PRESETS: readonly (readonly [string, Partial<ScenarioSettings>, Expected])[] = [
  ['the classic exercise (defaults)', {}, 'returned'],
  ['one worker', { workers: 1 }, 'returned'],
  ['ten workers', { workers: 10 }, 'returned'],
  ['maxsize 1', { maxsize: 1 }, 'returned'],
  ['maxsize 0 (unbounded)', { maxsize: 0 }, 'returned'],
  ['PriorityQueue', { queue: 'priority' }, 'returned'],
  ['LifoQueue', { queue: 'lifo' }, 'returned'],
  ['no sentinels: a deadlock', { shutdown: 'none' }, 'deadlock'],
  ['join() then cancel the workers', { shutdown: 'cancel' }, 'returned'],
  ['queue.shutdown()', { shutdown: 'shutdown' }, 'returned'],
  ['queue.shutdown(immediate=True)', { shutdown: 'shutdown-immediate' }, 'returned'],
  ['a failing job crashes the program', { fail: [3], onError: 'crash' }, 'raised'],
  ['flaky jobs retried', { flaky: [2, 5], onError: 'retry' }, 'returned'],
  ['failures retried, then dead-lettered', { fail: [4], flaky: [6], onError: 'retry', retries: 1 }, 'returned'],
  ['failures logged', { fail: [4], flaky: [7], onError: 'log' }, 'returned'],
  ['time prefix, 2 workers, maxsize 2', { timePrefix: true, workers: 2, maxsize: 2, jobs: 12, seed: 7n }, 'returned'],
];

function runBoth(overrides: Partial<ScenarioSettings>): { cpython: PythonRunResult; settings: ScenarioSettings } {
  const settings: ScenarioSettings = { ...DEFAULT_SETTINGS, ...overrides };
  return { cpython: python.run(exportScenario(settings).text), settings };
}

describe('the exported program under real CPython (Pyodide) on the virtual clock', () => {
  it('loads CPython 3.14 with Queue.shutdown', () => {
    expect(python.python).toMatch(/^3\.1[4-9]\./);
    expect(python.run('import asyncio\nprint(hasattr(asyncio.Queue, "shutdown"), asyncio.QueueShutDown.__name__)\n').stdout).toBe('True QueueShutDown\n');
    console.log(`pyodide loaded in Node in ${loadSeconds.toFixed(2)} s (CPython ${python.python})`);
  });

  it.each(PRESETS)('%s: the same lines and the same ending as the engine', (_name, overrides, expected) => {
    const { cpython, settings } = runBoth(overrides);
    const run = runScenario(settings);
    const program = exportScenario(settings);
    expect(run.lines.length).toBeGreaterThan(5);
    expect(printedLines(cpython.stdout)).toEqual(run.lines);
    expect(cpython.ending.kind).toBe(expected);
    const comparison = compareWithCPython({ lines: run.lines, ending: engineEnding(run, program) }, cpython);
    expect(describeEnding(comparison.ending.cpython)).toBe(describeEnding(engineEnding(run, program)));
    expect(comparison.ending.same).toBe(true);
    expect(comparison.identical).toBe(true);
    expect(cpython.exitCode).toBe({ returned: 0, raised: 1, deadlock: 3 }[expected]);
    if (expected === 'raised') expect(cpython.stderr.trimEnd().split('\n').at(-1)).toBe(comparison.ending.engine.kind === 'raised' ? comparison.ending.engine.lastLine : '');
    if (expected === 'returned') expect(cpython.stderr).toBe('');
  });

  it('agrees on generated variants too (queue kinds, shutdowns, failures, zero-length sleeps)', () => {
    const variant = fc
      .record({
        jobs: fc.integer({ min: 0, max: 16 }),
        workers: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 8, max: 10 })),
        maxsize: fc.integer({ min: -1, max: 5 }),
        seed: fc.integer({ min: 0, max: 10_000 }),
        queue: fc.constantFrom(...QUEUE_KINDS),
        shutdown: fc.constantFrom(...SHUTDOWNS),
        onError: fc.constantFrom(...ON_ERRORS),
        retries: fc.integer({ min: 0, max: 3 }),
        picks: fc.array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.boolean()), { maxLength: 3 }),
        sleepy: fc.boolean(),
        timePrefix: fc.boolean(),
      })
      .map((v): Partial<ScenarioSettings> => {
        const fail = [...new Set(v.picks.filter(([job, always]) => always && job <= v.jobs).map(([job]) => job))];
        const flaky = [...new Set(v.picks.filter(([job, always]) => !always && job <= v.jobs && !fail.includes(job)).map(([job]) => job))];
        const sleeps = v.sleepy ? { minDuration: 0, maxDuration: 0.3, minInterval: 0, maxInterval: 0.2 } : {};
        return { ...sleeps, jobs: v.jobs, workers: v.workers, maxsize: v.maxsize, seed: BigInt(v.seed), queue: v.queue, shutdown: v.shutdown, onError: v.onError, retries: v.retries, fail, flaky, timePrefix: v.timePrefix };
      });
    fc.assert(
      fc.property(variant, (overrides) => {
        const { cpython, settings } = runBoth(overrides);
        // The lines as a large run's page reads them: packed in the event log's text table.
        const run = runScenario(settings, { record: true });
        const comparison = compareWithCPython({ lines: run.log!.lines, ending: engineEnding(run, exportScenario(settings)) }, cpython);
        expect(comparison.lines).toEqual({ kind: 'identical', lines: comparison.lines.kind === 'identical' ? comparison.lines.lines : -1 });
        expect(comparison.ending.same, `${describeEnding(comparison.ending.engine)} / CPython ${describeEnding(comparison.ending.cpython)}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a deadlock as CPython sees it: each pending task, its coroutine and the line it waits at', () => {
    const { cpython } = runBoth({ shutdown: 'none' });
    expect(cpython.ending.kind).toBe('deadlock');
    if (cpython.ending.kind !== 'deadlock') return;
    expect(cpython.stderr).toMatch(/^deadlock at t=\d+\.\d+ \(iteration \d+\): no callback is ready and no timer is pending/);
    expect(cpython.ending.tasks.map((t) => `${t.name} ${t.coroutine}`)).toEqual(['Task-1 main', 'Task-3 worker', 'Task-4 worker', 'Task-5 worker']);
    for (const task of cpython.ending.tasks) expect(cpython.stderr).toContain(task.repr);
  });

  it('names tasks from Task-1 on every run, as a fresh python3 process would', () => {
    const first = runBoth({ shutdown: 'none', workers: 2 }).cpython;
    runBoth({});
    const again = runBoth({ shutdown: 'none', workers: 2 }).cpython;
    expect(again.stderr).toBe(first.stderr);
    expect(again.stdout).toBe(first.stdout);
  });

  it('leaves the interpreter as it found it: asyncio.run and the running loop are Pyodide\'s again', () => {
    const probe = 'import asyncio\nprint(type(asyncio.events._get_running_loop()).__name__, asyncio.run.__module__)\n';
    const before = python.run(probe).stdout;
    runBoth({ fail: [3] });
    expect(python.run(probe).stdout).toBe(before);
  });

  it('reports a program that does not compile as python3 would: SyntaxError, exit status 1', () => {
    const broken = python.run('def main(:\n    pass\n');
    expect(broken.exitCode).toBe(1);
    expect(broken.ending.kind).toBe('raised');
    if (broken.ending.kind === 'raised') expect(broken.ending.lastLine).toMatch(/^SyntaxError: /);
    expect(broken.stderr).toContain('File "program.py", line 1');
  });

  it('stops a runaway program at the iteration limit (exit status 4)', () => {
    const forever = python.run('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n', { maxIterations: 1000 });
    expect(forever.exitCode).toBe(4);
    expect(forever.ending.kind).toBe('limit');
  });

  it('the worker and the panel agree on their messages (types)', () => {
    expectTypeOf<WorkerReply>().toExtend<RealPythonReply>();
    expectTypeOf<RealPythonRequest>().toExtend<WorkerRequest>();
  });
});
