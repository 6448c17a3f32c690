import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pyodideAssets } from './scripts/vite-pyodide-assets.ts';

export default defineConfig({
  // pyodideAssets: CPython for "Run in real Python", served from the app's own assets (copied at build).
  plugins: [react(), pyodideAssets()],
  base: './',
  build: { outDir: 'dist', sourcemap: true },
  // The real-Python worker is an ES module (it imports Pyodide at run time) and resolves virtual:pyodide-assets.
  worker: { format: 'es', plugins: () => [pyodideAssets({ copy: false })] },
});
