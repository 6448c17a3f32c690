import { EXIT_CODES, type ExportedProgram, type ScenarioRun, type TextList, coroutineOfLabel, describeError, floatRepr } from '../engine/index';

/**
 * The lab's run next to real CPython's run of the exported program: the same
 * printed lines, and the same ending. Pure: no DOM, no worker; the UI hands in
 * what CPython printed (from the real-Python worker) and shows the verdict.
 */

/** A task still waiting when the program could go no further. */
export interface StuckTask {
  /** `Task-3`. */
  readonly name: string;
  /** The coroutine function it runs, `worker`. */
  readonly coroutine: string;
  /** The line of the exported program it waits at. */
  readonly line: number;
}

/** How a run ends, in the terms both sides can report. */
export type RunEnding =
  | { readonly kind: 'returned' }
  /** `lastLine`: the traceback's last line, `RuntimeError: process_item_3 failed on attempt 1`. */
  | { readonly kind: 'raised'; readonly lastLine: string }
  | { readonly kind: 'deadlock'; readonly t: number; readonly iteration: number; readonly tasks: readonly StuckTask[] }
  | { readonly kind: 'limit' }
  /** The program called `sys.exit(code)` (the lab's programs never do). */
  | { readonly kind: 'exit'; readonly code: number };

/** What CPython printed and how it ended: the real-Python worker's answer. */
export interface CPythonRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly ending: RunEnding;
  /** `3.14.2`. */
  readonly python: string;
  /** Wall seconds the run took inside the interpreter. */
  readonly seconds: number;
}

export type LineComparison =
  | { readonly kind: 'identical'; readonly lines: number }
  /**
   * `line` is 1-based; a side that printed fewer lines has `null` there.
   * `engineLines` / `cpythonLines`: how many lines each side printed.
   */
  | {
      readonly kind: 'different';
      readonly line: number;
      readonly engine: string | null;
      readonly cpython: string | null;
      readonly engineLines: number;
      readonly cpythonLines: number;
    };

export interface EndingComparison {
  readonly same: boolean;
  readonly engine: RunEnding;
  readonly cpython: RunEnding;
  readonly engineExit: number;
  readonly cpythonExit: number;
}

export interface CPythonComparison {
  /** Same lines and the same ending. */
  readonly identical: boolean;
  readonly lines: LineComparison;
  readonly ending: EndingComparison;
}

/** stdout as lines, the way the lab keeps them: no line end, no empty line after the last `\n`. */
export function printedLines(stdout: string): string[] {
  if (stdout === '') return [];
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Line by line: identical, or the first line that differs (a missing line counts as different). */
export function compareLines(engine: TextList, cpython: readonly string[]): LineComparison {
  const longest = Math.max(engine.length, cpython.length);
  for (let i = 0; i < longest; i++) {
    const ours = i < engine.length ? engine.at(i)! : null;
    const theirs = i < cpython.length ? cpython[i]! : null;
    if (ours !== theirs) return { kind: 'different', line: i + 1, engine: ours, cpython: theirs, engineLines: engine.length, cpythonLines: cpython.length };
  }
  return { kind: 'identical', lines: longest };
}

const byName = (a: StuckTask, b: StuckTask): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** How the engine's run ends, in the terms CPython reports (lines of the exported program). */
export function engineEnding(run: Pick<ScenarioRun, 'status'>, program: ExportedProgram): RunEnding {
  const status = run.status;
  switch (status.kind) {
    case 'returned':
      return { kind: 'returned' };
    case 'raised':
      return { kind: 'raised', lastLine: describeError(status.error) };
    case 'deadlock':
      return {
        kind: 'deadlock',
        t: status.t,
        iteration: status.iteration,
        tasks: status.pending.map((p) => ({ name: p.name, coroutine: coroutineOfLabel(p.label), line: program.lineOf.get(p.site as never) ?? 0 })).toSorted(byName),
      };
    case 'limit':
      return { kind: 'limit' };
  }
}

/** The exit status `python3 program.py` ends with (3: the oracle's code for "would hang forever"). */
export function exitStatusOf(ending: RunEnding): number {
  return ending.kind === 'exit' ? ending.code : EXIT_CODES[ending.kind];
}

const taskKey = (tasks: readonly StuckTask[]): string =>
  tasks
    .toSorted(byName)
    .map((t) => `${t.name} ${t.coroutine}:${t.line}`)
    .join(', ');

export function sameEnding(a: RunEnding, b: RunEnding): boolean {
  switch (a.kind) {
    case 'returned':
    case 'limit':
      return b.kind === a.kind;
    case 'raised':
      return b.kind === 'raised' && b.lastLine === a.lastLine;
    case 'deadlock':
      return b.kind === 'deadlock' && b.t === a.t && b.iteration === a.iteration && taskKey(b.tasks) === taskKey(a.tasks);
    case 'exit':
      return b.kind === 'exit' && b.code === a.code;
  }
}

/** One sentence: how a run ends and its exit status. */
export function describeEnding(ending: RunEnding): string {
  const exit = `exit status ${exitStatusOf(ending)}`;
  switch (ending.kind) {
    case 'returned':
      return `asyncio.run(main()) returned (${exit})`;
    case 'raised':
      return `raised ${ending.lastLine} (${exit})`;
    case 'deadlock': {
      const tasks = ending.tasks
        .toSorted(byName)
        .map((t) => `${t.name} ${t.coroutine}() at line ${t.line}`)
        .join(', ');
      return `deadlock at t=${floatRepr(ending.t)} (iteration ${ending.iteration}), still waiting: ${tasks} (${exit})`;
    }
    case 'limit':
      return `stopped at the iteration limit (${exit})`;
    case 'exit':
      return `sys.exit(${ending.code}) (${exit})`;
  }
}

/** What the lab printed and how its run ended (a ComputedRun has both). */
export interface LabResult {
  readonly lines: TextList;
  readonly ending: RunEnding;
}

/** The lab's run against CPython's run of the same exported program. */
export function compareWithCPython(lab: LabResult, cpython: CPythonRun): CPythonComparison {
  const lines = compareLines(lab.lines, printedLines(cpython.stdout));
  const engine = lab.ending;
  const ending: EndingComparison = {
    same: sameEnding(engine, cpython.ending) && exitStatusOf(engine) === cpython.exitCode,
    engine,
    cpython: cpython.ending,
    engineExit: exitStatusOf(engine),
    cpythonExit: cpython.exitCode,
  };
  return { identical: lines.kind === 'identical' && ending.same, lines, ending };
}
