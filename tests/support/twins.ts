import { expect } from 'vitest';
import type { Coro } from '../../src/engine/future';
import { type RunStatus, runMain } from '../../src/engine/runner';
import { Output } from '../../src/engine/scenario/output';
import { runVirtual } from './oracle';

/**
 * A twin test: the same little asyncio program written once in Python and once
 * as engine generators. CPython (on the oracle's virtual clock) and the engine
 * must print the same lines and end the same way.
 */
export async function expectTwins(python: string, program: (out: Output) => Coro<unknown>): Promise<RunStatus> {
  const out = new Output(true);
  const { status } = runMain(program(out));
  const reference = await runVirtual(`import asyncio\n${python}`);
  const ours = out.lines.length === 0 ? '' : `${out.lines.join('\n')}\n`;
  expect(ours).toBe(reference.stdout);
  expect(status.kind === 'deadlock' ? 3 : status.kind === 'returned' ? 0 : 1).toBe(reference.code);
  return status;
}

/** Python's side of `out.print`: the same `[t=...]` prefix the engine's Output writes. */
export const PY_SAY = `
def say(text):
    print(f"[t={asyncio.get_running_loop().time():.3f}] {text}")
`;
