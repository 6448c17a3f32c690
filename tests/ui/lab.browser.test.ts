import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import type { LabPage } from '../support/lab-page';
import { labSession } from '../support/lab-session';

const session = labSession();
let page: Page;
let lab: LabPage;

beforeEach(async () => {
  const opened = await session.open();
  ({ page, lab } = opened);
  expect(opened.errors).toEqual([]);
});

const cliLines = (...args: string[]): string[] => cli(['run', ...args]).stdout.trimEnd().split('\n');

describe('the lab page in Chromium', () => {
  it('plays the default run to the end and prints what the CLI prints', async () => {
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    await lab.button('Play').click();
    await lab.button('Replay').waitFor({ timeout: 30_000 });
    expect(await lab.outputLines()).toEqual(cliLines());
    const { cursor, total } = await lab.position();
    expect(cursor).toBe(total);
  });

  it('keeps the output and the measures moving while it plays too fast to read', async () => {
    ({ page, lab } = await session.open('?workers=32&maxsize=20&jobs=500'));
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    await lab.button('Play').click();
    const measures = page.getByRole('heading', { name: /^Measures/ });
    const seen: { lines: number; measures: string }[] = [];
    for (let sample = 0; sample < 3; sample++) {
      await page.waitForTimeout(400);
      seen.push({ lines: (await lab.outputLines()).length, measures: (await measures.textContent()) ?? "" });
    }
    // Still playing: the panels moved during playback, not only once it paused at the end.
    expect(await lab.button('Pause').isVisible()).toBe(true);
    expect(seen[1]!.lines).toBeGreaterThan(seen[0]!.lines);
    expect(seen[2]!.lines).toBeGreaterThan(seen[1]!.lines);
    expect(new Set(seen.map((s) => s.measures)).size).toBe(3);
  });

  it('changes workers and plays using only the keyboard', async () => {
    const workers = lab.slider('Workers');
    // Tab from the top of the page until the Workers slider has focus.
    for (let presses = 0; presses < 10 && !(await workers.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await workers.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await workers.inputValue()).toBe('4');
    // Onward to Play, then Enter.
    const play = lab.button('Play');
    for (let presses = 0; presses < 80 && !(await play.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await play.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await lab.button('Replay').waitFor();
    expect(await lab.outputLines()).toEqual(cliLines('--workers', '4'));
  });

  it('steps back to exactly the picture it stepped forward from', async () => {
    await lab.stepTimes(25);
    const stage = page.locator('.stage');
    const before = await stage.innerText();
    await lab.button('Step', { exact: true }).click();
    expect(await stage.innerText()).not.toBe(before);
    await page.keyboard.press(',');
    expect(await stage.innerText()).toBe(before);
    expect((await lab.position()).cursor).toBe(25);
  });

  it('shows the producer blocked in put() when maxsize is 1', async () => {
    await lab.setSlider('Queue maxsize', 1);
    const producer = page.getByRole('region', { name: 'Producer' });
    const step = lab.button('Step', { exact: true });
    let blocked = false;
    for (let i = 0; i < 200 && !blocked; i++) {
      await step.click();
      blocked = (await producer.innerText()).includes('blocked in queue.put()');
    }
    expect(blocked).toBe(true);
    await expect.poll(() => page.locator('.narration').innerText()).toMatch(/The queue is full \(1\/1\)/);
  });
});
