import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clipped, tokensOutside } from '../support/layout-checks';
import { labSession } from '../support/lab-session';

const session = labSession();

/** Whether the element's whole box is inside the viewport as the page first opens (nothing scrolled). */
async function inView(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (box === null || viewport === null) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

const horizontalOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the layout contract', () => {
  for (const [what, query] of [
    ['the default page', ''],
    ['a lesson', '?lesson=break-maxsize'],
    ['the end of the run', '?at=100000'],
  ] as const) {
    it(`at 1280x800, ${what}: the producer, the queue, every worker lane and the transport are in view without scrolling`, async () => {
      const { page, lab } = await session.open(query, { width: 1280, height: 800 });
      // ?at= past the end leaves a notice above the run: dismiss it, as a person would. Elsewhere, step until every worker has started.
      if (query.includes('at=')) await page.getByRole('button', { name: 'Dismiss' }).click();
      else await lab.stepTimes(12);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const producer = page.locator('.stage section.producer');
      const lanes = page.locator('.stage section.workers .lane');
      const workers = Number(await page.getByRole('slider', { name: /^Workers/ }).inputValue());
      expect(await lanes.count()).toBe(workers);
      const shown = [producer, page.getByRole('region', { name: 'Queue queue' }), page.getByRole('region', { name: 'Playback' }), page.getByRole('slider', { name: /^Workers/ }), page.getByRole('slider', { name: /^Queue maxsize/ })];
      for (let i = 0; i < workers; i++) shown.push(lanes.nth(i));
      for (const element of shown) expect(await inView(page, element)).toBe(true);
    });
  }

  it('at 1280x800, the lit line and the newest printed line are both in view while stepping', async () => {
    const { page, lab } = await session.open('', { width: 1280, height: 800 });
    await lab.stepTimes(12);
    await page.waitForTimeout(100); // the code panel scrolls its lit line into view in the next frame
    expect(await page.locator('.code code.lit').count()).toBe(1);
    expect(await inView(page, page.locator('.code code.lit'))).toBe(true);
    expect(await inView(page, lab.output.locator('li').last())).toBe(true);
  });

  it('at 1280 and 390 px, long lines of the program wrap: no line of code is cut or scrolled sideways', async () => {
    for (const width of [1280, 390]) {
      const { page } = await session.open('?shutdown=shutdown-immediate&on-error=retry&fail=3', { width });
      expect(await page.locator('.code pre code').count()).toBeGreaterThan(40);
      expect(await clipped(page, '.code pre')).toEqual([]);
      expect(await clipped(page, '.code pre code')).toEqual([]);
    }
  });

  for (const [what, query] of [
    ['the default page', '?at=40'],
    ['32 workers', '?workers=32&maxsize=20&jobs=200&at=250'],
    ['a deadlock', '?shutdown=none&at=100000'],
    ['a lesson with its menu open', '?lesson=fix-shutdown'],
  ] as const) {
    it(`at 390 px, ${what}: no horizontal scroll and no token or lane label cut`, async () => {
      const { page } = await session.open(query, { width: 390, height: 844 });
      if (what.includes('menu')) await page.locator('.lessons-nav summary').click();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await clipped(page, '.job')).toEqual([]);
      expect(await tokensOutside(page)).toEqual([]);
      expect(await clipped(page, '.lane .name')).toEqual([]);
    });
  }

  it('at 1280 px, 32 workers: every lane, its name and its item fit, and the lanes sit beside the queue', async () => {
    const { page } = await session.open('?workers=32&maxsize=20&jobs=200&at=250', { width: 1280, height: 800 });
    expect(await page.locator('.stage section.workers .lane').count()).toBe(32);
    expect(await clipped(page, '.job')).toEqual([]);
    expect(await tokensOutside(page)).toEqual([]);
    expect(await clipped(page, '.lane .name')).toEqual([]);
    const queue = await page.getByRole('region', { name: 'Queue queue' }).boundingBox();
    const first = await page.locator('.stage section.workers .lane').first().boundingBox();
    expect(first!.x).toBeGreaterThan(queue!.x + queue!.width);
  });

  it('the widest job number a run can have, #1000000, fits a queue slot (drawn with the page\'s own styles)', async () => {
    const { page } = await session.open('?at=40', { width: 390 });
    // A million-job run takes a minute to compute; its largest token is drawn here in a slot of the page instead.
    await page.locator('.slot').first().evaluate((slot) => {
      const token = document.createElement('span');
      token.className = 'job long';
      token.setAttribute('role', 'img');
      token.setAttribute('aria-label', 'process_item_1000000');
      token.textContent = '#1000000';
      slot.replaceChildren(token);
    });
    expect(await clipped(page, '.slot .job')).toEqual([]);
    expect(await tokensOutside(page)).toEqual([]);
  });
});
