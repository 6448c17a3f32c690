#!/usr/bin/env node
/**
 * `npm run cli`: the prebuilt CLI (build/cli/queue-lab.mjs) under plain node.
 * If the bundle is missing or older than any source it is built from, it is
 * built first (about a second), so an edit to the engine is never run stale.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bundle = join(root, 'build/cli/queue-lab.mjs'); // scripts/build-cli.mjs's CLI_BUNDLE

/** The newest modification time of the files under these folders. */
function newest(folders) {
  let latest = 0;
  for (const folder of folders) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return latest;
}

let built = 0;
try {
  built = statSync(bundle).mtimeMs;
} catch {
  // Not built yet.
}
if (built < newest([join(root, 'src/cli'), join(root, 'src/engine')])) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
await import(bundle);
