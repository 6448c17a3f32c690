#!/usr/bin/env node
/**
 * Builds the CLI (src/cli/main.ts and the engine it runs) into one plain ES
 * module, build/cli/queue-lab.mjs, so `npm run cli` starts under plain node
 * with nothing to transpile. Run by `npm install` (the `prepare` script) and,
 * when a source file is newer than the bundle, by scripts/cli.mjs.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';

export const CLI_BUNDLE = resolve(import.meta.dirname, '../build/cli/queue-lab.mjs');

export async function buildCli() {
  // Built aside, then renamed into place: a CLI started meanwhile (tests run several at once) never sees half a file.
  const aside = resolve(import.meta.dirname, `../build/.cli-${process.pid}`);
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: resolve(import.meta.dirname, '../src/cli/main.ts'),
      outDir: aside,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'queue-lab.mjs' } },
    },
  });
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  renameSync(join(aside, 'queue-lab.mjs'), CLI_BUNDLE);
  rmSync(aside, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
