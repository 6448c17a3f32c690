import { describe, expect, it } from 'vitest';
import { labSession } from '../support/lab-session';

const session = labSession();

/** Step onto Worker-1's first get() (job 1 leaves the queue) and read job 1's transform right after. */
async function transformAfterGet(reducedMotion: 'reduce' | 'no-preference'): Promise<string> {
  const { page, lab } = await session.open('', { reducedMotion });
  {
    for (;;) {
      await lab.stepTimes(1);
      if ((await page.locator('.narration').innerText()).startsWith('Worker-1 takes process_item_1')) break;
    }
    await page.waitForTimeout(60);
    return await page.getByRole('img', { name: 'process_item_1' }).evaluate((el) => getComputedStyle(el).transform);
  }
}

describe('motion', () => {
  it('glides a job from the queue to its worker, unless the person prefers reduced motion', async () => {
    expect(await transformAfterGet('no-preference')).not.toBe('none');
    expect(await transformAfterGet('reduce')).toBe('none');
  });
});
