import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import type { LabPage } from '../support/lab-page';
import { labSession } from '../support/lab-session';

const session = labSession();
let page: Page;

async function open(query: string): Promise<LabPage> {
  const opened = await session.open(query);
  page = opened.page;
  return opened.lab;
}

describe('links and endings', () => {
  it('opens a link with `at` on that event, with the same picture as stepping there', async () => {
    const linked = await open('?workers=2&maxsize=1&at=40');
    expect((await linked.position()).cursor).toBe(40);
    const picture = await page.locator('.stage').innerText();
    const stepped = await open('?workers=2&maxsize=1');
    await stepped.stepTimes(40);
    expect(await page.locator('.stage').innerText()).toBe(picture);
    // The address bar follows the cursor, so the moment can be shared.
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).toBe('40');
  });

  it('shows a worker that crashes, and how the program ends, as the CLI does', async () => {
    const lab = await open('?fail=3');
    await lab.toEnd();
    const crashed = page.locator('.lane.status-crashed');
    await expect.poll(() => crashed.count()).toBe(1);
    expect(await crashed.innerText()).toContain('crashed: RuntimeError: process_item_3 failed on attempt 1');
    expect(await page.getByRole('status', { name: 'How the run ends' }).innerText()).toMatch(/^Crashed\. main\(\) raised RuntimeError: process_item_3 failed on attempt 1/);
    expect(await lab.outputLines()).toEqual(cli(['run', '--fail', '3']).stdout.trimEnd().split('\n'));
  });

  it('shows a deadlock: who waits forever, and where', async () => {
    const lab = await open('?shutdown=none&workers=2');
    await lab.toEnd();
    expect(await page.getByRole('status', { name: 'How the run ends' }).innerText()).toContain('Deadlock at t = ');
    expect(await page.locator('.lane .stuck').allInnerTexts()).toEqual(['Deadlock: waits forever in queue.get()', 'Deadlock: waits forever in queue.get()']);
  });

  it('names bad link parameters, uses sane values, and still draws the lab', async () => {
    await open('?workers=999&queue=stack&at=-1&colour=blue');
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toContain('Unknown link parameter "colour" was ignored.');
    expect(await alert.innerText()).toContain('Workers must be from 1 to 32; using 32.');
    expect(await alert.innerText()).toContain('Queue kind: "stack" is not one of fifo, priority, lifo; using fifo.');
    expect(await page.getByRole('slider', { name: /^Workers/ }).inputValue()).toBe('32');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
