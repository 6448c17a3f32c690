import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LabPage } from '../support/lab-page';
import { labSession } from '../support/lab-session';

const session = labSession();
const NONE = 'None (a sentinel)';

/** Step until the narration starts with `start`. */
async function stepUntil(page: Page, lab: LabPage, start: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await page.locator('.narration').innerText()).startsWith(start)) return;
    await lab.stepTimes(1);
  }
  throw new Error(`no event narrated as "${start}…"`);
}

const lane = (page: Page, worker: string) => page.locator('.stage .lane').filter({ has: page.locator('.name', { hasText: new RegExp(`^${worker}$`) }) });

describe('shutdown, one event at a time', () => {
  it('shows each None put, which worker takes it, its "Shutting down" line lit in code and output, and the worker leaving', async () => {
    const { page, lab } = await session.open('?at=120');
    await stepUntil(page, lab, 'Producer puts None');
    expect(await page.locator('.slot').getByRole('img', { name: NONE }).count()).toBeGreaterThan(0);
    // A None is drawn unlike a job: outlined, not filled.
    const style = (name: string) => page.getByRole('img', { name }).first().evaluate((el) => getComputedStyle(el).borderStyle);
    expect(await style(NONE)).toBe('dashed');
    await stepUntil(page, lab, 'Worker-1 takes None');
    const queued = await page.locator('.slot').getByRole('img', { name: NONE }).count();
    expect(await lane(page, 'Worker-1').getByRole('img', { name: NONE }).count()).toBe(1);
    expect(await lane(page, 'Worker-1').locator('.status').innerText()).toBe('got None: shutting down');
    expect(await page.locator('.code code.lit').innerText()).toContain('await queue.get()');
    await lab.stepTimes(1);
    expect(await page.locator('.narration').innerText()).toBe('Worker-1 prints: [Worker-1] Shutting down');
    expect(await lab.output.locator('li.lit').innerText()).toBe('[Worker-1] Shutting down');
    expect(await page.locator('.code code.lit').innerText()).toContain('Shutting down');
    await stepUntil(page, lab, 'Worker-1 returned');
    expect(await lane(page, 'Worker-1').getAttribute('class')).toContain('status-done');
    expect(await lane(page, 'Worker-1').getByRole('img').count()).toBe(0);
    // The other Nones are still queued for the other workers.
    expect(await page.locator('.slot').getByRole('img', { name: NONE }).count()).toBe(queued);
    expect(await style('process_item_20')).not.toBe('dashed');
  });

  it('shows main waiting in queue.join() and released when the last task_done() is called', async () => {
    const { page, lab } = await session.open('?shutdown=cancel&at=120');
    const join = page.getByRole('region', { name: 'Queue queue' }).locator('.queue-facts div', { hasText: 'waiting in join()' }).locator('dd');
    await stepUntil(page, lab, 'Worker-2 calls queue.task_done(): 0 unfinished tasks left');
    expect(await join.innerText()).toBe('main');
    await lab.stepTimes(1);
    expect(await page.locator('.narration').innerText()).toMatch(/^Every job is done, so main is released from queue.join\(\)/);
    expect(await join.innerText()).toBe('nobody');
  });
});
