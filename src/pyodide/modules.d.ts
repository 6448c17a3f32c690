/** Text of a file, inlined by Vite (`?raw`); vitest does the same in Node. */
declare module '*.py?raw' {
  const text: string;
  export default text;
}

/** Written by scripts/vite-pyodide-assets.ts: where the copied Pyodide files are served from. */
declare module 'virtual:pyodide-assets' {
  /** Absolute URL of the folder holding pyodide.mjs, pyodide.asm.wasm, python_stdlib.zip, ... (ends in `/`). */
  export const indexURL: string;
  /** The pyodide npm package's version. */
  export const version: string;
  /** Size in bytes of each copied file, by name. */
  export const files: Readonly<Record<string, number>>;
}
