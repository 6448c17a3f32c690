import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './support/oracle';

const ROOT = resolve(import.meta.dirname, '..');

/** A scratch copy of the project's lint and type configs with files that break the layer rules. */
function scratchProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'queue-lab-layers-'));
  for (const config of ['.oxlintrc.json', 'tsconfig.base.json', 'tsconfig.engine.json']) copyFileSync(join(ROOT, config), join(dir, config));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const bin = (name: string): string => join(ROOT, 'node_modules/.bin', name);

describe('layer rules (ui -> store -> engine) are enforced by configuration', () => {
  it('lint refuses imports against the arrows and timers in the engine and store', async () => {
    const dir = scratchProject({
      'src/engine/bad.ts': "import { createStore } from 'zustand/vanilla';\nimport { lab } from '../store/index';\nexport const x = [createStore, lab, setTimeout];\n",
      'src/store/bad.ts': "import { useStore } from 'zustand';\nimport { Queue } from '../engine/queue';\nexport const y = [useStore, Queue];\n",
      'src/ui/bad.ts': "import { runScenario } from '../engine/index';\nimport type { LabEvent } from '../engine/index';\nimport { Timeline } from '../store/timeline';\nexport const z = [runScenario, Timeline];\nexport type E = LabEvent;\n",
      'src/ui/good.ts': "import type { LabEvent } from '../engine/index';\nimport { createLabStore } from '../store/index';\nexport const ok = createLabStore;\nexport type E = LabEvent;\n",
    });
    const lint = await runProcess(bin('oxlint'), ['-c', join(dir, '.oxlintrc.json'), '--format', 'unix', join(dir, 'src')]);
    const flagged = lint.stdout
      .split('\n')
      .filter((line) => /no-restricted-(imports|globals)/.test(line))
      .map((line) => line.replace(`${dir}/`, '').split(':').slice(0, 2).join(':'));
    expect(flagged.toSorted()).toEqual(['src/engine/bad.ts:1', 'src/engine/bad.ts:2', 'src/engine/bad.ts:3', 'src/store/bad.ts:1', 'src/store/bad.ts:2', 'src/ui/bad.ts:1', 'src/ui/bad.ts:3']);
  });

  it('the engine type check has no DOM, no timers and no console', async () => {
    const dir = scratchProject({ 'src/engine/bad.ts': 'export const x = [document.title, setTimeout, console];\n' });
    const tsc = await runProcess(bin('tsc'), ['-p', join(dir, 'tsconfig.engine.json'), '--noEmit']);
    expect(tsc.code).not.toBe(0);
    for (const name of ['document', 'setTimeout', 'console']) expect(tsc.stdout).toContain(`Cannot find name '${name}'`);
  });
});
