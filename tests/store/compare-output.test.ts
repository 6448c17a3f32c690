import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ScenarioSettings, exportScenario, runScenario } from '../../src/engine/index';
import { type CPythonRun, type RunEnding, compareLines, compareWithCPython, describeEnding, engineEnding, exitStatusOf, printedLines, sameEnding } from '../../src/store/compare-output';

const settings = (overrides: Partial<ScenarioSettings> = {}): ScenarioSettings => ({ ...DEFAULT_SETTINGS, ...overrides });

/** What CPython would report if it printed `lines` and ended with `ending`. */
function cpythonRun(lines: readonly string[], ending: RunEnding, exitCode = exitStatusOf(ending)): CPythonRun {
  return { stdout: lines.map((line) => `${line}\n`).join(''), stderr: '', exitCode, ending, python: '3.14.2', seconds: 0.01 };
}

describe('printedLines: stdout as the lab keeps lines', () => {
  it('drops the newline after the last line only', () => {
    expect(printedLines('')).toEqual([]);
    expect(printedLines('a\nb\n')).toEqual(['a', 'b']);
    expect(printedLines('a\nb')).toEqual(['a', 'b']);
    expect(printedLines('\n')).toEqual(['']);
    expect(printedLines('a\n\n')).toEqual(['a', '']);
  });
});

describe('compareLines: identical, or the first difference', () => {
  it('says identical with the line count', () => {
    expect(compareLines(['a', 'b'], ['a', 'b'])).toEqual({ kind: 'identical', lines: 2 });
    expect(compareLines([], [])).toEqual({ kind: 'identical', lines: 0 });
  });

  it('gives the first differing line, 1-based, with both texts', () => {
    expect(compareLines(['a', 'b', 'c', 'x'], ['a', 'B', 'c', 'y'])).toEqual({ kind: 'different', line: 2, engine: 'b', cpython: 'B', engineLines: 4, cpythonLines: 4 });
  });

  it('counts a missing line as a difference, with null for the side that has none', () => {
    expect(compareLines(['a', 'b'], ['a'])).toEqual({ kind: 'different', line: 2, engine: 'b', cpython: null, engineLines: 2, cpythonLines: 1 });
    expect(compareLines([], ['a'])).toEqual({ kind: 'different', line: 1, engine: null, cpython: 'a', engineLines: 0, cpythonLines: 1 });
  });

  it('tells an empty line from no line', () => {
    expect(compareLines(['a', ''], ['a'])).toMatchObject({ kind: 'different', line: 2, engine: '', cpython: null });
  });
});

describe('engineEnding: how the engine run ends, in CPython terms', () => {
  it('a deadlock names each pending task, its coroutine and the program line it waits at, sorted by name', () => {
    const config = settings({ shutdown: 'none', workers: 2 });
    const ending = engineEnding(runScenario(config), exportScenario(config));
    expect(ending.kind).toBe('deadlock');
    if (ending.kind !== 'deadlock') return;
    expect(ending.tasks.map((t) => `${t.name} ${t.coroutine}`)).toEqual(['Task-1 main', 'Task-3 worker', 'Task-4 worker']);
    const lines = exportScenario(config).text.split('\n');
    for (const task of ending.tasks) expect(lines[task.line - 1]).toMatch(task.coroutine === 'main' ? /gather/ : /queue\.get\(\)/);
    expect(describeEnding(ending)).toBe(`deadlock at t=${ending.t.toFixed(1)} (iteration ${ending.iteration}), still waiting: Task-1 main() at line ${ending.tasks[0]!.line}, Task-3 worker() at line ${ending.tasks[1]!.line}, Task-4 worker() at line ${ending.tasks[2]!.line} (exit status 3)`);
  });

  it('a crash is the exception line a traceback ends with', () => {
    const config = settings({ fail: [3] });
    const ending = engineEnding(runScenario(config), exportScenario(config));
    expect(ending).toEqual({ kind: 'raised', lastLine: 'RuntimeError: process_item_3 failed on attempt 1' });
    expect(describeEnding(ending)).toBe('raised RuntimeError: process_item_3 failed on attempt 1 (exit status 1)');
  });

  it('a normal run returns', () => {
    const ending = engineEnding(runScenario(DEFAULT_SETTINGS), exportScenario(DEFAULT_SETTINGS));
    expect(ending).toEqual({ kind: 'returned' });
    expect(describeEnding(ending)).toBe('asyncio.run(main()) returned (exit status 0)');
  });
});

describe('sameEnding', () => {
  const deadlock: RunEnding = { kind: 'deadlock', t: 8, iteration: 78, tasks: [{ name: 'Task-3', coroutine: 'worker', line: 31 }, { name: 'Task-1', coroutine: 'main', line: 46 }] };
  it('compares kind, exception line, and for a deadlock the time, iteration and tasks (in any order)', () => {
    expect(sameEnding({ kind: 'returned' }, { kind: 'returned' })).toBe(true);
    expect(sameEnding({ kind: 'returned' }, { kind: 'raised', lastLine: 'x' })).toBe(false);
    expect(sameEnding({ kind: 'raised', lastLine: 'RuntimeError: a' }, { kind: 'raised', lastLine: 'RuntimeError: b' })).toBe(false);
    expect(sameEnding(deadlock, { ...deadlock, tasks: deadlock.tasks.toReversed() })).toBe(true);
    expect(sameEnding(deadlock, { ...deadlock, iteration: 79 })).toBe(false);
    expect(sameEnding(deadlock, { ...deadlock, t: 8.000000000000002 })).toBe(false);
    expect(sameEnding(deadlock, { ...deadlock, tasks: [{ name: 'Task-1', coroutine: 'main', line: 46 }] })).toBe(false);
  });
});

describe('compareWithCPython', () => {
  const run = runScenario(DEFAULT_SETTINGS);
  const program = exportScenario(DEFAULT_SETTINGS);
  const lab = { lines: run.lines, ending: engineEnding(run, program) };

  it('is identical when CPython printed the same lines and returned', () => {
    const result = compareWithCPython(lab, cpythonRun(run.lines, { kind: 'returned' }));
    expect(result.identical).toBe(true);
    expect(result.lines).toEqual({ kind: 'identical', lines: run.lines.length });
    expect(result.ending.same).toBe(true);
  });

  it('points at the first line that differs', () => {
    const changed = run.lines.with(9, `${run.lines[9]}!`);
    const result = compareWithCPython(lab, cpythonRun(changed, { kind: 'returned' }));
    expect(result.identical).toBe(false);
    expect(result.lines).toEqual({ kind: 'different', line: 10, engine: run.lines[9], cpython: `${run.lines[9]}!`, engineLines: run.lines.length, cpythonLines: run.lines.length });
  });

  it('is not identical when only the ending or the exit status differs', () => {
    const raised = compareWithCPython(lab, cpythonRun(run.lines, { kind: 'raised', lastLine: 'RuntimeError: boom' }));
    expect(raised.identical).toBe(false);
    expect(raised.lines.kind).toBe('identical');
    expect(raised.ending).toMatchObject({ same: false, engineExit: 0, cpythonExit: 1 });
    expect(compareWithCPython(lab, cpythonRun(run.lines, { kind: 'returned' }, 2)).identical).toBe(false);
  });
});
