import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type EventKind, ON_ERRORS, QUEUE_KINDS, SHUTDOWNS, exportScenario, runScenario } from '../../../src/engine/index';

/** What the exported line behind each kind of event must say. */
const LINE_SAYS: Partial<Record<EventKind, RegExp>> = {
  'queue.put': /await queue\.put\(/,
  'queue.put_wait': /await queue\.put\(/,
  'queue.get': /await queue\.get\(\)/,
  'queue.get_wait': /await queue\.get\(\)/,
  'queue.task_done': /queue\.task_done\(\)/,
  'queue.join_wait': /await queue\.join\(\)/,
  'queue.shutdown': /queue\.shutdown\(/,
  'queue.drop': /queue\.shutdown\(immediate=True\)/,
  sleep: /await asyncio\.sleep\(/,
  print: /\b(print|log)\(f"/,
  'task.cancel': /\.cancel\(\)/,
  'job.failed': /raise RuntimeError/,
  'job.dead_letter': /await dead_letters\.put\(job\)/,
};

describe('every event names the line of exported Python it comes from', () => {
  it('for every variant, each event of a kind above points at a line that does that', () => {
    const variant = fc.record({
      queue: fc.constantFrom(...QUEUE_KINDS),
      shutdown: fc.constantFrom(...SHUTDOWNS),
      onError: fc.constantFrom(...ON_ERRORS),
      timePrefix: fc.boolean(),
    });
    fc.assert(
      fc.property(variant, (v) => {
        const settings = { ...DEFAULT_SETTINGS, ...v, jobs: 12, maxsize: 2, fail: [3], flaky: [5] };
        const program = exportScenario(settings);
        const lines = program.text.split('\n');
        const run = runScenario(settings);
        let checked = 0;
        for (const event of run.log!) {
          const pattern = LINE_SAYS[event.kind];
          if (pattern === undefined) continue;
          if (event.task === -1) {
            // asyncio.run() itself (cancelling leftover tasks at the end): no line of the program.
            expect(event.site).toBe(0);
            continue;
          }
          const line = program.lineOf.get(event.site as never);
          expect(line, `${event.kind} at site ${event.site} has no line`).toBeDefined();
          expect(lines[line! - 1]).toMatch(pattern);
          checked++;
        }
        expect(checked).toBeGreaterThan(20);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a runaway run', () => {
  it('stops at the iteration limit and says where it was', () => {
    const run = runScenario({ ...DEFAULT_SETTINGS, jobs: 1000 }, { maxIterations: 50 });
    expect(run.status).toEqual({ kind: 'limit', iterations: 50, t: run.endTime });
  });
});
