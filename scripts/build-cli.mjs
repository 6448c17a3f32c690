#!/usr/bin/env node
/**
 * Builds the CLI (src/cli/main.ts and the engine it runs) into one plain ES
 * module, build/cli/queue-lab.mjs, so `npm run cli` starts under plain node
 * with nothing to transpile. Run by `npm install` (the `prepare` script) and,
 * when a source file is newer than the bundle, by scripts/cli.mjs.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

export const CLI_BUNDLE = resolve(import.meta.dirname, '../build/cli/queue-lab.mjs');

export async function buildCli() {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: resolve(import.meta.dirname, '../src/cli/main.ts'),
      outDir: resolve(import.meta.dirname, '../build/cli'),
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'queue-lab.mjs' } },
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
