import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/oracle';

const ROOT = resolve(import.meta.dirname, '../..');
const bin = (name: string): string => join(ROOT, 'node_modules/.bin', name);

/** A scratch copy of the lint and type configs with the given files. */
function scratchProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'queue-lab-pyodide-layer-'));
  for (const config of ['.oxlintrc.json', 'tsconfig.base.json', 'tsconfig.pyodide.json']) copyFileSync(join(ROOT, config), join(dir, config));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the real-Python layer (src/pyodide) stands alone', () => {
  it('lint refuses engine, store, UI and React imports there', async () => {
    const dir = scratchProject({
      'src/pyodide/bad.ts': [
        "import { runScenario } from '../engine/index';",
        "import { compareWithCPython } from '../store/index';",
        "import { RealPythonPanel } from '../ui/RealPythonPanel';",
        "import { useState } from 'react';",
        'export const x = [runScenario, compareWithCPython, RealPythonPanel, useState];',
        '',
      ].join('\n'),
      'src/pyodide/good.ts': "import type { WorkerReply } from './protocol';\nexport type R = WorkerReply;\n",
    });
    const lint = await runProcess(bin('oxlint'), ['-c', join(dir, '.oxlintrc.json'), '--format', 'unix', join(dir, 'src')]);
    const flagged = lint.stdout
      .split('\n')
      .filter((line) => line.includes('no-restricted-imports'))
      .map((line) => line.replace(`${dir}/`, '').split(':').slice(0, 2).join(':'));
    expect(flagged.toSorted()).toEqual(['src/pyodide/bad.ts:1', 'src/pyodide/bad.ts:2', 'src/pyodide/bad.ts:3', 'src/pyodide/bad.ts:4']);
  });

  it('its type check (tsconfig.pyodide.json: a worker, no DOM) passes on the real files', async () => {
    const tsc = await runProcess(bin('tsc'), ['-p', join(ROOT, 'tsconfig.pyodide.json'), '--noEmit']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('and makes the DOM a compile error there', async () => {
    const dir = scratchProject({ 'src/pyodide/bad.ts': 'export const x = document.title;\n' });
    const tsc = await runProcess(bin('tsc'), ['-p', join(dir, 'tsconfig.pyodide.json'), '--noEmit']);
    expect(tsc.code).not.toBe(0);
    expect(tsc.stdout).toContain("Cannot find name 'document'");
  });
});
