import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labSession } from '../support/lab-session';

const session = labSession();

/** WCAG 2.1 A and AA rules (colour contrast among them), as axe-core checks them in the drawn page. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Wait for the panels that load after the run (measures, editor), so they are checked too; the editor's view is made when it comes into view.
  await page.getByRole('region', { name: /^Your own program/ }).scrollIntoViewIfNeeded();
  await page.locator('.cm-content').waitFor();
  await page.getByRole('region', { name: 'Compare runs' }).waitFor();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join('; ')}`);
}

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [what, query] of [
      ['the default page', '?at=40'],
      ['a deadlock', '?shutdown=none&at=161'],
      ['a lesson', '?lesson=break-maxsize&at=60'],
    ] as const) {
      it(`${what}, ${colorScheme} theme: no serious or critical violations`, async () => {
        const { page } = await session.open(query, { colorScheme });
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  it('the lessons menu, open, at 390 px: no serious or critical violations', async () => {
    const { page } = await session.open('', { width: 390 });
    await page.locator('.lessons-nav summary').click();
    await page.getByRole('navigation', { name: 'Lessons' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
