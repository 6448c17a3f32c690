import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

/** Debian's Chromium, installed by .ci/run; playwright-core never downloads a browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a closed network: no background traffic that would be refused. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Serve the built page (dist/, from `vite build`) on a free localhost port. */
export async function serveBuiltPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root: resolve(import.meta.dirname, '../..'),
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
}
