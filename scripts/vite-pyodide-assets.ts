import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves Pyodide (CPython in WebAssembly) from the app's own assets, never a CDN.
 *
 * - Build: copies the files Pyodide loads from node_modules/pyodide into
 *   `assets/pyodide-<version>/` (emitted as assets, so they land in dist/).
 * - Dev: serves the same files from node_modules/pyodide at `/pyodide-<version>/`.
 * - `virtual:pyodide-assets` tells the worker where they are (`indexURL`, an
 *   absolute URL worked out at run time beside the worker's own chunk) and how
 *   big each file is (for the progress bar).
 *
 * Only the real-Python worker imports the virtual module, so nothing of this is
 * in the page's first download. Add it to `plugins` (copies the files, serves
 * them in dev) and to `worker.plugins` with `{ copy: false }` (the worker bundle
 * resolves the virtual module).
 */

/** What loadPyodide() loads: its two modules, the interpreter, the standard library, the lock file. */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;

const VIRTUAL = 'virtual:pyodide-assets';
const RESOLVED = `\0${VIRTUAL}`;

const TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  wasm: 'application/wasm',
  zip: 'application/zip',
  json: 'application/json',
};

export function pyodidePackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export function pyodideAssets(options: { copy?: boolean } = {}): Plugin {
  const dir = pyodidePackageDir();
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const folder = `pyodide-${version}`;
  const sizes = Object.fromEntries(PYODIDE_FILES.map((name) => [name, statSync(join(dir, name)).size]));
  let build = true;
  let assetsDir = 'assets';
  let base = '/';
  return {
    name: 'queue-lab:pyodide-assets',
    configResolved(config) {
      build = config.command === 'build';
      assetsDir = config.build.assetsDir;
      base = config.base.startsWith('/') ? config.base : '/';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      // Build: the worker chunk sits in assetsDir, beside the copied folder. Dev: the middleware below.
      const where = build ? `new URL(/* @vite-ignore */ ${JSON.stringify(`${folder}/`)}, import.meta.url).href` : `new URL(${JSON.stringify(`${base}${folder}/`)}, self.location.origin).href`;
      return [`export const indexURL = ${where};`, `export const version = ${JSON.stringify(version)};`, `export const files = ${JSON.stringify(sizes)};`].join('\n');
    },
    configureServer(server) {
      if (options.copy === false) return;
      const prefix = `${base}${folder}/`;
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        const name = path.startsWith(prefix) ? path.slice(prefix.length) : '';
        if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
        response.setHeader('Content-Type', TYPES[name.split('.').at(-1) ?? ''] ?? 'application/octet-stream');
        response.setHeader('Content-Length', String(sizes[name]));
        createReadStream(join(dir, name)).pipe(response);
      });
    },
    generateBundle() {
      if (options.copy === false || !build) return;
      for (const name of PYODIDE_FILES) this.emitFile({ type: 'asset', fileName: `${assetsDir}/${folder}/${name}`, source: readFileSync(join(dir, name)) });
    },
  };
}
