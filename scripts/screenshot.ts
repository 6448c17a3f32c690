/**
 * Screenshots of the built page, for looking at what people see:
 *   npx vite build && npx tsx scripts/screenshot.ts OUT_DIR
 * Writes wide and narrow pictures at a few settings.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LabPage } from '../tests/support/lab-page';
import { launchChromium, serveBuiltPage } from '../tests/support/browser';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  const shots: { name: string; width: number; setup: (lab: LabPage) => Promise<void> }[] = [
    { name: 'start-wide', width: 1400, setup: async () => {} },
    { name: 'mid-wide', width: 1400, setup: async (lab) => lab.stepTimes(40) },
    { name: 'maxsize1-1worker', width: 1400, setup: async (lab) => { await lab.setSlider('Workers', 1); await lab.setSlider('Queue maxsize', 1); await lab.stepTimes(30); } },
    { name: 'unbounded-32workers', width: 1400, setup: async (lab) => { await lab.setSlider('Workers', 32); await lab.setSlider('Queue maxsize', 0); await lab.stepTimes(120); } },
    { name: 'end-narrow', width: 390, setup: async (lab) => lab.toEnd() },
    { name: '32workers-narrow', width: 390, setup: async (lab) => { await lab.setSlider('Workers', 32); await lab.stepTimes(60); } },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: 1100 } });
    const lab = new LabPage(page);
    await lab.open(server.url);
    await shot.setup(lab);
    await page.waitForTimeout(600); // let layout animations land
    await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
