import type { Locator, Page } from 'playwright-core';

/**
 * The lab as a person uses it: every control is found by its role and visible
 * label, so a control without one fails these tests (an accessibility check too).
 */
export class LabPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.button(/^(Play|Pause|Replay)$/).waitFor();
  }

  button(name: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.page.getByRole('button', { name, ...options });
  }

  slider(label: string): Locator {
    return this.page.getByRole('slider', { name: new RegExp(`^${label}`) });
  }

  get output(): Locator {
    return this.page.getByRole('log', { name: 'Printed output' });
  }

  async outputLines(): Promise<string[]> {
    return this.output.locator('li').allTextContents();
  }

  /** Set a slider as a keyboard user would: focus it, Home, then ArrowRight. */
  async setSlider(label: string, value: number): Promise<void> {
    const slider = this.slider(label);
    await slider.focus();
    const min = Number(await slider.getAttribute('min'));
    await slider.press('Home');
    for (let v = min; v < value; v++) await slider.press('ArrowRight');
  }

  async stepTimes(count: number): Promise<void> {
    const step = this.button('Step', { exact: true });
    for (let i = 0; i < count; i++) await step.click();
  }

  async toEnd(): Promise<void> {
    await this.button('To end').click();
  }

  /** The "Event N of M" counter (its numbers grouped by thousands: 9,000,255). */
  async position(): Promise<{ cursor: number; total: number }> {
    const text = (await this.page.locator('.position').textContent()) ?? '';
    const match = /Event ([\d,]+) of ([\d,]+)/.exec(text);
    if (match === null) throw new Error(`no position in "${text}"`);
    return { cursor: Number(match[1]!.replaceAll(',', '')), total: Number(match[2]!.replaceAll(',', '')) };
  }

  /** The Timeline panel: a region named by its "Timeline" heading. */
  get timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline', exact: true });
  }

  /** The timeline chart, which is also the slider that moves the cursor. */
  get timelineSlider(): Locator {
    return this.timeline.getByRole('slider', { name: 'Timeline', exact: true });
  }

  /** Press keys on the timeline slider, one after another. */
  async pressOnTimeline(...keys: string[]): Promise<void> {
    const slider = this.timelineSlider;
    await slider.focus();
    for (const key of keys) await slider.press(key);
  }

  /** Click the timeline chart at a fraction (0..1) of its width, halfway up. */
  async clickTimelineAt(fraction: number): Promise<void> {
    const slider = this.timelineSlider;
    const box = await slider.boundingBox();
    if (box === null) throw new Error('the timeline chart is not visible');
    await slider.click({ position: { x: box.width * fraction, y: box.height / 2 } });
  }
}
