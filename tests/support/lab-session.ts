import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, serveBuiltPage } from './browser';
import { LabPage } from './lab-page';

export interface OpenedLab {
  readonly page: Page;
  readonly lab: LabPage;
  /** Uncaught errors the page threw (a test may assert there are none). */
  readonly errors: string[];
}

/**
 * One server for the built page and one Chromium per test file; every `open`
 * gets a fresh browser context (its own storage), closed after each test.
 */
export function labSession() {
  let server: Awaited<ReturnType<typeof serveBuiltPage>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await serveBuiltPage();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url(): string {
      return server!.url;
    },
    async open(query = '', options: { width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark' } = {}): Promise<OpenedLab> {
      const context = await browser!.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        reducedMotion: options.reducedMotion ?? 'no-preference',
        colorScheme: options.colorScheme ?? 'light',
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const lab = new LabPage(page);
      await lab.open(`${server!.url}${query}`);
      return { page, lab, errors };
    },
  };
}
