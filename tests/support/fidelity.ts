import { cli } from './cli';
import { runVirtual } from './oracle';

/** A pending task as a deadlock report names it: `Task-3`, `worker`, line 41 of the program. */
interface PendingLine {
  readonly name: string;
  readonly coroutine: string;
  readonly line: number;
}

const ORACLE_TASK = /^\s+<Task pending name='(Task-\d+)' coro=<(\w+)\(\) running at [^:]+:(\d+)>/;
const ENGINE_TASK = /^\s+(Task-\d+) (\w+)\(\) at program\.py:(\d+):/;

function pendingTasks(stderr: string, pattern: RegExp): PendingLine[] {
  return stderr.split('\n').flatMap((line) => {
    const match = pattern.exec(line);
    return match === null ? [] : [{ name: match[1]!, coroutine: match[2]!, line: Number(match[3]) }];
  });
}

/** The deadlock sentence: `deadlock at t=7.8 (iteration 36): ... Pending tasks:`. */
function deadlockHeadline(stderr: string): string | undefined {
  return stderr.split('\n').find((line) => line.includes('deadlock at t='))?.replace(/^.*?(deadlock at t=)/, '$1');
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

/** The tasks named in "Task exception was never retrieved" reports, with their exceptions, in order. */
function neverRetrieved(stderr: string): string[] {
  return stderr.split('\n').flatMap((line) => {
    const match = /^future: <Task finished name='(Task-\d+)' .*exception=(.*)>$/.exec(line);
    return match === null ? [] : [`${match[1]} ${match[2]}`];
  });
}

/**
 * Run `cli run ARGS` on the engine and `cli export ARGS` under CPython's
 * virtual clock; say what differs (null when nothing does): stdout byte for
 * byte, the exit code, the last line of stderr (the exception), and for a
 * deadlock its headline (time and iteration) and each pending task with the
 * line it waits at.
 */
export async function differenceFromCPython(args: readonly string[]): Promise<string | null> {
  const ours = cli(['run', ...args]);
  const exported = cli(['export', ...args]);
  if (exported.code !== 0) return `export failed: ${exported.stderr}`;
  const python = await runVirtual(exported.stdout);
  const problems: string[] = [];
  if (ours.stdout !== python.stdout) problems.push(`stdout differs:\n--- engine\n${ours.stdout}--- CPython\n${python.stdout}`);
  if (ours.code !== python.code) problems.push(`exit code ${ours.code}, CPython ${python.code}\n${python.stderr}`);
  if (python.code === 3) {
    if (deadlockHeadline(ours.stderr) !== deadlockHeadline(python.stderr)) problems.push(`deadlock headline:\n${deadlockHeadline(ours.stderr)}\n${deadlockHeadline(python.stderr)}`);
    const mine = JSON.stringify(pendingTasks(ours.stderr, ENGINE_TASK));
    const theirs = JSON.stringify(pendingTasks(python.stderr, ORACLE_TASK));
    if (mine !== theirs) problems.push(`pending tasks:\n${mine}\n${theirs}`);
  }
  const unretrieved = [neverRetrieved(ours.stderr), neverRetrieved(python.stderr)].map((list) => list.join('; '));
  if (unretrieved[0] !== unretrieved[1]) problems.push(`never-retrieved task exceptions: ${unretrieved[0]}, CPython ${unretrieved[1]}`);
  if (python.code !== 0 && !ORACLE_TASK.test(lastLine(python.stderr)) && lastLine(ours.stderr) !== lastLine(python.stderr)) {
    problems.push(`last stderr line: ${JSON.stringify(lastLine(ours.stderr))}, CPython ${JSON.stringify(lastLine(python.stderr))}`);
  }
  return problems.length === 0 ? null : `${args.join(' ')}\n${problems.join('\n')}`;
}
