import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LabPage } from '../support/lab-page';
import { labSession } from '../support/lab-session';

const session = labSession();
let page: Page;

async function open(query: string): Promise<LabPage> {
  const opened = await session.open(query);
  page = opened.page;
  return opened.lab;
}

describe('lessons in the page', () => {
  it('a lesson link loads its experiment and asks its question; the answer comes at the end', async () => {
    const lab = await open('?lesson=break-maxsize');
    expect(await page.getByRole('heading', { name: 'maxsize 1' }).count()).toBe(1);
    expect(await lab.slider('Queue maxsize').inputValue()).toBe('1');
    expect(await lab.slider('Workers').inputValue()).toBe('1');
    expect(await page.locator('.lesson-card .answer').count()).toBe(0);
    await lab.toEnd();
    expect(await page.locator('.lesson-card .answer').innerText()).toMatch(/^Answer\. The producer blocks/);
  });

  it('choosing a lesson from the list keeps progress in the browser across reloads', async () => {
    const lab = await open('');
    // The lessons are a menu in the header: open it, choose, and it closes without moving the stage.
    const stage = await page.locator('.stage').boundingBox();
    await page.locator('.lessons-nav summary').click();
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'Remove the sentinels' }).click();
    expect(await page.getByRole('navigation', { name: 'Lessons' }).isVisible()).toBe(false);
    expect((await page.locator('.stage').boundingBox())!.y).toBe(stage!.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('lesson')).toBe('break-sentinels');
    await page.getByRole('checkbox', { name: 'I have done this lesson' }).check();
    await page.reload();
    await lab.button(/^(Play|Replay)$/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'I have done this lesson' }).isChecked()).toBe(true);
    expect(await page.locator('.lessons-nav summary').innerText()).toContain('1 of 16 done');
    // Escape closes the menu and gives the focus back to its button.
    await page.locator('.lessons-nav summary').click();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('navigation', { name: 'Lessons' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });

  it('Escape closes the lessons menu even when pressed before the page has handled its opening', async () => {
    await open('');
    // The click and the key in one task: the details element is open, its toggle event not yet delivered.
    await page.evaluate(() => {
      const summary = document.querySelector<HTMLElement>('.lessons-nav summary')!;
      summary.click();
      summary.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(50);
    expect(await page.getByRole('navigation', { name: 'Lessons' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('.lessons-nav')!.open)).toBe(false);
  });

  it('compares worker counts in a chart with a table, and the mastery check says right or not', async () => {
    await open('?lesson=alter-workers');
    const rows = page.getByRole('region', { name: 'Compare runs' }).locator('tbody tr');
    // The runs are computed in background workers after the page loads; the table fills as they arrive.
    await page.getByRole('region', { name: 'Compare runs' }).getByRole('status').filter({ hasText: /^5 runs of 20 jobs/ }).waitFor();
    expect(await rows.count()).toBe(5);
    expect(await rows.first().innerText()).toMatch(/^1\s+21\.4 s/);
    expect(await rows.first().innerText()).toMatch(/longest 5/);
    const question = page.getByRole('group', { name: /No sentinels: the producer puts its 20 jobs/ });
    await question.getByRole('radio', { name: /It hangs forever/ }).check();
    expect(await page.locator('.mastery .right').first().innerText()).toMatch(/^Right\./);
  });
});
