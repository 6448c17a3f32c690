import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltPage } from '../support/browser';
import { LabPage } from '../support/lab-page';

/**
 * "Run in real Python": Pyodide loads in a worker only when asked, from the
 * app's own assets, and CPython's output of the exported program is identical
 * to the lab's. Needs <RealPythonPanel /> mounted in the page (src/ui/App.tsx).
 */

let server: Awaited<ReturnType<typeof serveBuiltPage>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveBuiltPage();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  await page?.close();
});

/** Open the lab; collect page errors and every URL the page and its workers request. */
async function open(query = ''): Promise<{ lab: LabPage; errors: string[]; requests: string[] }> {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.context().on('request', (request) => requests.push(request.url()));
  const lab = new LabPage(page);
  await lab.open(`${server.url}${query}`);
  return { lab, errors, requests };
}

/** Pyodide is ~12 MB and starts in a few seconds; be generous on a busy 2-core machine. */
/** The panel: a region named by its "Real Python" heading. */
const panel = () => page.getByRole('region', { name: /^Real Python/ });

const LOAD_TIMEOUT = 90_000;
const TEST_TIMEOUT = 150_000;

describe('Run in real Python', () => {
  it('loads CPython only when asked, from the app itself, and finds its output identical to the lab', async () => {
    const { lab, errors, requests } = await open();
    expect(requests.filter((url) => /pyodide|\.wasm/.test(url))).toEqual([]);
    const started = Date.now();
    await lab.button('Run in real Python').click();
    await panel().getByText('identical', { exact: true }).waitFor({ timeout: LOAD_TIMEOUT });
    console.log(`Run in real Python: pyodide loaded and the program ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(requests.some((url) => url.endsWith('pyodide.asm.wasm'))).toBe(true);
    const origin = new URL(server.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
  }, TEST_TIMEOUT);

  it('reports a deadlock as CPython does, and a second run reuses the loaded interpreter', async () => {
    const { lab, errors } = await open('?shutdown=none');
    const button = lab.button('Run in real Python');
    await button.click();
    const status = panel().getByRole('status').filter({ hasText: /identical|different/ });
    await status.waitFor({ timeout: LOAD_TIMEOUT });
    expect(await status.innerText()).toMatch(/^identical/);
    await expect.poll(() => panel().getByText(/^deadlock at t=/).count()).toBeGreaterThan(0);
    await expect.poll(async () => button.isEnabled()).toBe(true);
    const again = Date.now();
    await button.click();
    await status.waitFor({ timeout: 30_000 });
    expect(Date.now() - again).toBeLessThan(10_000);
    expect(errors).toEqual([]);
  }, TEST_TIMEOUT);
});
