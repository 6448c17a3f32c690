import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabPage } from '../support/lab-page';
import { labSession } from '../support/lab-session';

// Needs <TimelinePanel /> mounted in App (a region headed "Timeline" holding a slider named "Timeline").

const session = labSession();
let page: Page;
let lab: LabPage;
let errors: string[];

beforeEach(async () => {
  ({ page, lab, errors } = await session.open());
});
afterEach(() => {
  expect(errors).toEqual([]);
});

describe('the timeline in Chromium', () => {
  it('is a slider over the run, with its value spoken as an event and a time', async () => {
    const slider = lab.timelineSlider;
    const { total } = await lab.position();
    expect(total).toBeGreaterThan(0);
    expect(await slider.getAttribute('aria-valuemin')).toBe('0');
    expect(await slider.getAttribute('aria-valuemax')).toBe(String(total));
    expect(await slider.getAttribute('aria-valuenow')).toBe('0');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(new RegExp(`^event 0 of ${total}, t = \\d+\\.\\d+ s$`));
    expect(await slider.getAttribute('tabindex')).toBe('0');
  });

  it('goes to the end with End, and to event 5 with Home then ArrowRight five times', async () => {
    await lab.pressOnTimeline('End');
    const end = await lab.position();
    expect(end.cursor).toBe(end.total);
    expect(await lab.timelineSlider.getAttribute('aria-valuenow')).toBe(String(end.total));

    await lab.pressOnTimeline('Home', ...Array<string>(5).fill('ArrowRight'));
    expect((await lab.position()).cursor).toBe(5);
    expect(await lab.timelineSlider.getAttribute('aria-valuenow')).toBe('5');
  });

  it('moves ten events with Page Up and Page Down, keeping its keys from the page shortcuts', async () => {
    // Count the keydowns that reach window, where the page's shortcuts listen.
    await page.evaluate(() => {
      const w = window as unknown as { reached: number };
      w.reached = 0;
      window.addEventListener('keydown', () => (w.reached += 1));
    });
    await lab.pressOnTimeline('Home', 'PageUp', 'PageUp', 'PageDown', 'End', 'Home', 'ArrowRight');
    expect((await lab.position()).cursor).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { reached: number }).reached)).toBe(0);
  });

  it('seeks to the event at the time clicked', async () => {
    await lab.clickTimelineAt(0.5);
    const { cursor, total } = await lab.position();
    expect(cursor).toBeGreaterThan(0);
    expect(cursor).toBeLessThan(total);
    await lab.clickTimelineAt(0.02);
    expect((await lab.position()).cursor).toBe(0);
  });

  it('follows a drag across the chart', async () => {
    const box = (await lab.timelineSlider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    const early = (await lab.position()).cursor;
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
    const later = (await lab.position()).cursor;
    await page.mouse.up();
    expect(early).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(early);
  });

  it('does not animate the cursor when reduced motion is asked for', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const cursor = lab.timelineSlider.locator('.timeline-cursor');
    expect(await cursor.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  });

  it('has the data as a table for screen readers', async () => {
    const table = lab.timeline.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['virtual time (s)', 'queue length']);
    const rows = await table.getByRole('row').count();
    expect(rows).toBeGreaterThan(2);
    expect(rows).toBeLessThanOrEqual(21);
  });
});
