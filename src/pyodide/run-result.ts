import type { PythonEnding, PythonPendingTask, PythonRunResult } from './protocol';

interface RawTask {
  name: string;
  coroutine: string;
  line: number;
  repr: string;
}

/** run_program's JSON (snake_case) as a PythonRunResult. */
export function parseRunResult(json: string): PythonRunResult {
  return parseRunResultObject(JSON.parse(json) as Record<string, unknown>);
}

/** run_program's object, already parsed (a recording carries one). */
export function parseRunResultObject(raw: Record<string, unknown>): PythonRunResult {
  return {
    stdout: String(raw['stdout']),
    stderr: String(raw['stderr']),
    exitCode: Number(raw['exit_code']),
    ending: parseEnding(raw['ending'] as Record<string, unknown>),
    python: String(raw['python']),
    seconds: Number(raw['seconds']),
  };
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
