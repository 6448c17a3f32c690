import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LabPage } from '../support/lab-page';
import { labSession } from '../support/lab-session';

const session = labSession();

/** Step onto Worker-1's first get() (job 1 leaves the queue) and read job 1's transform right after. */
async function transformAfterGet(reducedMotion: 'reduce' | 'no-preference'): Promise<string> {
  const { page, lab } = await session.open('', { reducedMotion });
  for (;;) {
    await lab.stepTimes(1);
    if ((await page.locator('.narration').innerText()).startsWith('Worker-1 takes process_item_1')) break;
  }
  await page.waitForTimeout(60);
  return await page.getByRole('img', { name: 'process_item_1' }).evaluate((el) => getComputedStyle(el).transform);
}

interface Sample {
  readonly x: number;
  readonly y: number;
}

/** Where the token named `label` is drawn in every animation frame for 700 ms, while `act` runs. */
async function track(page: Page, label: string, act: () => Promise<void>): Promise<Sample[]> {
  const sampling = page.evaluate(
    (name) =>
      new Promise<Sample[]>((resolve) => {
        const samples: Sample[] = [];
        const start = performance.now();
        const frame = (): void => {
          const token = document.querySelector(`[role="img"][aria-label="${name}"]`);
          if (token !== null) {
            const box = token.getBoundingClientRect();
            samples.push({ x: box.x, y: box.y });
          }
          if (performance.now() - start < 700) requestAnimationFrame(frame);
          else resolve(samples);
        };
        requestAnimationFrame(frame);
      }),
    label,
  );
  await act();
  return sampling;
}

/** Step until the producer holds the job it is about to put (the next event is that put); its name. */
async function untilProducerHolds(page: Page, lab: LabPage): Promise<string> {
  const held = page.locator('.stage section.producer .job');
  while ((await held.count()) === 0) await lab.stepTimes(1);
  return (await held.getAttribute('aria-label'))!;
}

/** Samples strictly between two places (more than 6 px from each along x): the token was seen travelling. */
const between = (samples: readonly Sample[], from: Sample, to: Sample): Sample[] =>
  samples.filter((s) => Math.min(Math.abs(s.x - from.x), Math.abs(s.x - to.x)) > 6 && (s.x - from.x) * (s.x - to.x) < 0);

describe('motion', () => {
  it('glides a job from the queue to its worker, unless the person prefers reduced motion', async () => {
    expect(await transformAfterGet('no-preference')).not.toBe('none');
    expect(await transformAfterGet('reduce')).toBe('none');
  });

  it('a put moves the job from the producer into its slot, and stepping back moves it back out', async () => {
    const { page, lab } = await session.open('', { reducedMotion: 'no-preference' });
    const job = await untilProducerHolds(page, lab);
    const forward = await track(page, job, () => lab.button('Step', { exact: true }).click());
    const inHand = forward[0]!;
    const inSlot = forward.at(-1)!;
    expect(await page.locator('.slot').getByRole('img', { name: job }).count()).toBe(1);
    expect(inSlot.x).toBeGreaterThan(inHand.x + 50); // the queue is right of the producer
    expect(between(forward, inHand, inSlot).length).toBeGreaterThan(0);
    const back = await track(page, job, () => lab.button('Step back').click());
    expect(await page.locator('.stage section.producer').getByRole('img', { name: job }).count()).toBe(1);
    expect(Math.abs(back.at(-1)!.x - inHand.x)).toBeLessThan(2);
    expect(between(back, inSlot, inHand).length).toBeGreaterThan(0);
  });

  it('with reduced motion, a put shows the job in its slot at once, with no travel', async () => {
    const { page, lab } = await session.open('', { reducedMotion: 'reduce' });
    const job = await untilProducerHolds(page, lab);
    const samples = await track(page, job, () => lab.button('Step', { exact: true }).click());
    expect(await page.locator('.slot').getByRole('img', { name: job }).count()).toBe(1);
    expect(samples.at(-1)!.x).toBeGreaterThan(samples[0]!.x + 50);
    expect(between(samples, samples[0]!, samples.at(-1)!)).toEqual([]);
  });

  it('a producer blocked on a full queue waits at its door with its job, and the seconds it has waited count up', async () => {
    const { page, lab } = await session.open('?workers=1&maxsize=1', { reducedMotion: 'no-preference' });
    const door = page.getByRole('region', { name: 'Queue queue' }).locator('.door');
    while ((await door.locator('.job').count()) === 0) await lab.stepTimes(1);
    const job = (await door.locator('.job').getAttribute('aria-label'))!;
    expect(await page.locator('.stage section.producer').getByRole('img').count()).toBe(0);
    const waited = async (): Promise<number> => Number(/waits in put\(\) (\d+\.\d) s/.exec(await door.innerText())?.[1] ?? Number.NaN);
    const first = await waited();
    let later = first;
    while (later === first && (await door.locator('.job').count()) === 1) {
      await lab.stepTimes(1);
      if ((await door.locator('.job').count()) === 1) later = await waited();
    }
    expect(later).toBeGreaterThan(first);
    // Woken, the producer takes its job back from the door, and the put takes it into the slot.
    while ((await door.locator('.job').count()) === 1) await lab.stepTimes(1);
    while ((await page.locator('.slot').getByRole('img', { name: job }).count()) === 0) await lab.stepTimes(1);
  });
});
