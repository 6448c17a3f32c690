import type { Page } from 'playwright-core';

/** Elements (by CSS selector) whose content is wider than their box: clipped or scrolled sideways. */
export function clipped(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => elements.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''));
}

/** Tokens that stick out of their queue slot or their lane. */
export function tokensOutside(page: Page): Promise<string[]> {
  return page.locator('.slot .job, .lane .job').evaluateAll((tokens) =>
    tokens
      .filter((token) => {
        const box = token.getBoundingClientRect();
        const holder = token.closest('.slot, .lane')!.getBoundingClientRect();
        return box.left < holder.left - 0.5 || box.right > holder.right + 0.5 || box.top < holder.top - 0.5 || box.bottom > holder.bottom + 0.5;
      })
      .map((token) => token.textContent ?? ''),
  );
}
