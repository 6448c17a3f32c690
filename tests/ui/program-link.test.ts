import { describe, expect, it } from 'vitest';
import { encodeProgram } from '../../src/ui/code-link';
import { programLinkOf, programParams } from '../../src/ui/program-link';
import { readLinkParams } from '../../src/ui/use-url-sync';

const program = 'import asyncio\nprint("héllo 🐍")\n';
const code = encodeProgram(program);

describe('?code= links at page open', () => {
  it('reads the program and its event, and leaves the scenario the rest', () => {
    expect(programLinkOf(`?code=${code}&at=12`)).toEqual({ code: program, at: 12, problems: [] });
    expect(readLinkParams(`?code=${code}&at=12&workers=4`)).toEqual({ workers: '4' });
    expect(readLinkParams('?workers=4&at=3')).toEqual({ workers: '4', at: '3' });
    expect(programLinkOf('?workers=4&at=3')).toEqual({ code: null, at: null, problems: [] });
  });

  it('says what is wrong with a bad code or at, and drops it', () => {
    const bad = programLinkOf('?code=not*base64&at=2');
    expect(bad.code).toBeNull();
    expect(bad.at).toBeNull();
    expect(bad.problems).toEqual([
      `This link's program (code=) could not be read: it is not base64url: character 4 is "*", and only A-Z, a-z, 0-9, - and _ can appear. The editor shows the lesson's program instead.`,
    ]);
    expect(programLinkOf('?code=gA').problems[0]).toMatch(/its bytes are not UTF-8 text/);
    expect(programLinkOf(`?code=${code}&at=soon`)).toEqual({
      code: program,
      at: null,
      problems: ['Link parameter at: "soon" is not an event number (0 or more); the program will start at event 0.'],
    });
  });

  it('writes a shown program back as code and at (no at at event 0)', () => {
    expect(programParams(code, 0)).toEqual({ code });
    expect(programParams(code, 7)).toEqual({ code, at: '7' });
    expect(programLinkOf(`?${new URLSearchParams(programParams(code, 7)).toString()}`)).toEqual({ code: program, at: 7, problems: [] });
  });
});
