import { describe, expect, it } from 'vitest';
import { exportScenario, exportThreads, runScenario } from '../../../src/engine/index';
import { LESSONS, lessonById } from '../../../src/store/lessons/catalog';
import { masteryQuestions } from '../../../src/store/lessons/mastery';
import { lessonSettings, parseUrlState } from '../../../src/store/url-state';
import { mapPool, runProcess, runVirtual } from '../../support/oracle';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (id: string) => runScenario(lessonSettings(id));
const count = (lines: readonly string[], text: string): number => lines.filter((line) => line.includes(text)).length;

describe('lessons', () => {
  it('each preset exports a program that CPython runs to exactly what the lab prints', async () => {
    await mapPool(LESSONS, 3, async (lesson) => {
      const settings = lessonSettings(lesson.id);
      const lab = runScenario(settings);
      const python = await runVirtual(exportScenario(settings).text);
      expect({ lesson: lesson.id, stdout: python.stdout }).toEqual({ lesson: lesson.id, stdout: lab.lines.length === 0 ? '' : `${lab.lines.join('\n')}\n` });
      expect(python.code).toBe({ returned: 0, raised: 1, deadlock: 3, limit: 4 }[lab.status.kind]);
    });
  });

  it('answer what their runs show', () => {
    const classic = run('run-it');
    expect(classic.lines.at(-1)).toBe('Processed 20 jobs in ~8.0 seconds with 3 workers');
    expect(count(classic.lines, 'Shutting down')).toBe(3);
    expect(run('break-sentinels').status).toMatchObject({ kind: 'deadlock', pending: [{ label: 'main', awaiting: 'asyncio.gather()' }, { awaiting: 'queue.get()' }, { awaiting: 'queue.get()' }, { awaiting: 'queue.get()' }] });
    expect([...run('break-maxsize').log!].filter((e) => e.kind === 'queue.put_wait').length).toBeGreaterThanOrEqual(15);
    expect(run('break-raise-gather').status.kind).toBe('raised');
    const hung = run('break-raise-join').status;
    expect(hung.kind === 'deadlock' && hung.pending.map((p) => `${p.label} ${p.awaiting}`)).toEqual(['main queue.join()', 'Worker-1 queue.get()', 'Worker-3 queue.get()']);
    const joined = run('fix-join');
    expect(joined.status.kind).toBe('returned');
    expect([...joined.log!].filter((e) => e.kind === 'task.cancel').length).toBe(3);
    const logged = run('fix-try-except');
    expect([count(logged.lines, 'Processing:'), count(logged.lines, 'Failed:'), logged.status.kind]).toEqual([19, 1, 'returned']);
    expect(count(run('fix-shutdown').lines, 'The queue is shut down: stopping')).toBe(3);
    const retried = run('alter-dead-letter');
    expect(retried.lines.at(-1)).toBe('Dead-letter queue: process_item_3');
    expect(count(retried.lines, 'failed on attempt')).toBe(5);
  });

  it('the priority lesson shows jobs taken out of arrival order', () => {
    const taken = run('alter-priority').lines.filter((l) => l.includes('Processing:')).map((l) => Number(/process_item_(\d+)/.exec(l)![1]));
    expect(taken).not.toEqual(taken.toSorted((a, b) => a - b));
  });

  it('each lesson is a link, and a link can change a lesson setting', () => {
    for (const lesson of LESSONS) expect(parseUrlState({ lesson: lesson.id })).toMatchObject({ lesson: lesson.id, notices: [], settings: lessonSettings(lesson.id) });
    expect(parseUrlState({ lesson: 'break-maxsize', workers: '4' }).settings).toMatchObject({ maxsize: 1, workers: 4 });
    expect(parseUrlState({ lesson: 'nope' }).notices).toEqual(['Link parameter lesson: there is no lesson "nope"; showing the lab without one.']);
    expect(lessonById('explain-threads')?.threads).toBe(true);
  });

  it('the threads version runs with python3 and processes every job once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'queue-lab-threads-')), 'program_threads.py');
    writeFileSync(path, exportThreads(lessonSettings('explain-threads')).replace('TIME_SCALE = 1.0', 'TIME_SCALE = 0.01'));
    const result = await runProcess('python3', [path]);
    expect(result.code).toBe(0);
    // Threads' print() calls may interleave on one line (the text and its newline are two writes), so match the whole output.
    const processed = [...result.stdout.matchAll(/Processing: (process_item_\d+) \(/g)].map((match) => match[1]);
    expect(processed.toSorted()).toEqual(Array.from({ length: 20 }, (_, i) => `process_item_${i + 1}`).toSorted());
    expect([...result.stdout.matchAll(/Shutting down/g)]).toHaveLength(3);
  });
});

describe('mastery check', () => {
  it('keys each answer to what the engine shows', () => {
    const answers = Object.fromEntries(masteryQuestions().map((q) => [q.id, q.options[q.answer]]));
    expect(answers['no-sentinels']).toMatch(/hangs forever/);
    expect(answers['raise-gather']).toMatch(/crashes/);
    expect(answers['raise-join']).toMatch(/hangs forever/);
    expect(answers['lifo-sentinels']).toMatch(/^No/);
    const next = masteryQuestions().find((q) => q.id === 'next-line')!;
    const lab = runScenario(next.settings);
    expect(next.options[next.answer]).toBe(lab.lines[6]);
    expect(new Set(next.options).size).toBe(next.options.length);
  });
});
