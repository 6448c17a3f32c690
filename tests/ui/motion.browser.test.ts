import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltPage } from '../support/browser';
import { LabPage } from '../support/lab-page';

let server: Awaited<ReturnType<typeof serveBuiltPage>>;
let browser: Browser;

beforeAll(async () => {
  server = await serveBuiltPage();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Step onto Worker-1's first get() (job 1 leaves the queue) and read job 1's transform right after. */
async function transformAfterGet(reducedMotion: 'reduce' | 'no-preference'): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion });
  try {
    const lab = new LabPage(page);
    await lab.open(server.url);
    for (;;) {
      await lab.stepTimes(1);
      if ((await page.locator('.narration').innerText()).startsWith('Worker-1 takes process_item_1')) break;
    }
    await page.waitForTimeout(60);
    return await page.getByRole('img', { name: 'process_item_1' }).evaluate((el) => getComputedStyle(el).transform);
  } finally {
    await page.close();
  }
}

describe('motion', () => {
  it('glides a job from the queue to its worker, unless the person prefers reduced motion', async () => {
    expect(await transformAfterGet('no-preference')).not.toBe('none');
    expect(await transformAfterGet('reduce')).toBe('none');
  });
});
