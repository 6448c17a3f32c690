import { EXIT_CODES, type ExportedProgram, type LineSink, type RunStatus, type ScenarioRun, SITE, coroutineOfLabel, describeError, exportScenario, floatRepr, planFor, planToJson, runScenario, settingsProblems } from '../engine/index';
import { type ReadFile, parseCliArgs } from './args';
import { USAGE } from './options';

export interface CliIo {
  readonly readFile: ReadFile;
  readonly writeFile: (path: string, text: string) => void;
}

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Loop iterations before a run counts as runaway: far beyond any run the lab accepts. */
export const MAX_ITERATIONS = 100_000_000;

const PROGRAM = 'queue-lab';

/** The whole CLI as a function of its arguments: what it prints and its exit code. */
export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const parts: string[] = [];
  const { stderr, code } = streamCli(argv, io, { line: (line) => parts.push(line, '\n'), text: (text) => parts.push(text) });
  return { stdout: parts.join(''), stderr, code };
}

/** Where standard output goes as it is printed: the run's lines (a LineSink: a newline is added to each), and blocks of text. */
export interface Stdout extends LineSink {
  readonly text: (text: string) => void;
}

/** The CLI, its standard output handed to `stdout` as it is printed; what it says on stderr and its exit code. */
export function streamCli(argv: readonly string[], io: CliIo, stdout: Stdout): Omit<CliResult, 'stdout'> {
  const parsed = parseCliArgs(argv, io.readFile);
  if (!parsed.ok) {
    if (!parsed.help) return { stderr: `${PROGRAM}: error: ${parsed.message}\n`, code: 2 };
    stdout.text(`${USAGE}\n`);
    return { stderr: '', code: 0 };
  }
  const { command, settings, planOut } = parsed.args;
  const problems = settingsProblems(settings);
  if (problems.length > 0) return { stderr: `${PROGRAM}: error: ${problems[0]}\n`, code: 2 };

  let stderr = '';
  if (planOut !== null) {
    const text = `${planToJson(planFor(settings))}\n`;
    if (planOut === '-') stderr += text;
    else io.writeFile(planOut, text);
  }
  if (command === 'export') {
    stdout.text(exportScenario(settings).text);
    return { stderr, code: 0 };
  }

  const run = runScenario(settings, { record: false, maxIterations: MAX_ITERATIONS, onLine: stdout });
  // Reports name lines of the exported program.
  const lineOf = exportScenario(settings).lineOf;
  return { stderr: stderr + describeEnding(run.status, lineOf) + neverRetrieved(run, lineOf), code: EXIT_CODES[run.status.kind] };
}

/** What CPython logs, as the interpreter exits, for each failed task whose exception nobody retrieved. */
function neverRetrieved(run: ScenarioRun, lineOf: ExportedProgram['lineOf']): string {
  return run.unretrieved
    .map((failure) => {
      const coroutine = coroutineOfLabel(failure.label);
      const workLine = lineOf.get(SITE.workerWork);
      const raiseLine = lineOf.get(SITE.processRaise);
      return [
        'Task exception was never retrieved',
        `future: <Task finished name='${failure.name}' coro=<${coroutine}() done> exception=${pyRepr(failure.error)}>`,
        'Traceback (most recent call last):',
        ...(workLine === undefined ? [] : [`  File "program.py", line ${workLine}, in ${coroutine}`]),
        ...(raiseLine === undefined ? [] : [`  File "program.py", line ${raiseLine}, in process`]),
        describeError(failure.error),
      ].join('\n');
    })
    .map((block) => `${block}\n`)
    .join('');
}

function pyRepr(error: unknown): string {
  return typeof error === 'object' && error !== null && 'pyRepr' in error ? String(error.pyRepr) : String(error);
}

/** What stderr says about how the run ended (the exit code is EXIT_CODES[status.kind]). */
function describeEnding(status: RunStatus, lineOf: ExportedProgram['lineOf']): string {
  switch (status.kind) {
    case 'returned':
      return '';
    case 'raised': {
      // The program's only raise is in process(); its exception ends asyncio.run(main()).
      const line = lineOf.get(SITE.processRaise);
      const frame = line === undefined ? '' : `  File "program.py", line ${line}, in process\n`;
      return `Traceback (most recent call last):\n${frame}${describeError(status.error)}\n`;
    }
    case 'deadlock': {
      // Sorted by name as strings (Task-10 before Task-2), as the oracle lists them.
      const tasks = status.pending
        .toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((p) => `  ${p.name} ${coroutineOfLabel(p.label)}() at program.py:${lineOf.get(p.site as never) ?? '?'}: ${p.label} waits in ${p.awaiting}`)
        .join('\n');
      return `${PROGRAM}: deadlock at t=${floatRepr(status.t)} (iteration ${status.iteration}): no callback is ready and no timer is pending, so CPython would block forever. Pending tasks:\n${tasks}\n`;
    }
    case 'limit':
      return `${PROGRAM}: stopped after ${status.iterations} event loop iterations (t=${status.t}): the run looks like it would never end\n`;
  }
}
