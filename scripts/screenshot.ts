/**
 * Screenshots of the built page, for looking at what people see:
 *   npx vite build && npx tsx scripts/screenshot.ts OUT_DIR [NAME,NAME...]
 * Each shot is a link (settings and event), at a width.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeProgram } from '../src/ui/code-link';
import { launchChromium, serveBuiltPage } from '../tests/support/browser';

/** A learner's program from scripts/programs/, as a `?code=` link. */
const code = (file: string): string => `?code=${encodeProgram(readFileSync(join(import.meta.dirname, 'programs', file), 'utf8'))}`;

/**
 * `large`: 'computing' shoots while a large run computes, 'done' once it is shown.
 * `record`: the link holds a program; "Run my program" is pressed and the shot waits for its recording.
 */
const SHOTS: readonly { name: string; query: string; width: number; height?: number; dark?: boolean; large?: 'computing' | 'done'; record?: boolean }[] = [
  // The five moments issue 13 asks to look at, at a laptop's 1280x800 and a phone's 390x844 (NAME.png is the viewport, NAME-full.png the page).
  ...(
    [
      ['default', '?at=40'],
      ['maxsize-1', '?workers=1&maxsize=1&at=60'],
      ['shutdown-midway', '?at=163'],
      ['deadlock', '?shutdown=none&at=161'],
      ['32-workers', '?workers=32&maxsize=20&jobs=200&at=250'],
    ] as const
  ).flatMap(([name, query]) => [
    { name: `${name}-1280x800`, query, width: 1280, height: 800 },
    { name: `${name}-390x844`, query, width: 390, height: 844 },
  ]),
  { name: 'default-1280x800-dark', query: '?at=40', width: 1280, height: 800, dark: true },
  { name: 'lesson-1280x800-dark', query: '?lesson=break-maxsize&at=60', width: 1280, height: 800, dark: true },
  { name: '1-worker-maxsize-1', query: '?workers=1&maxsize=1&at=60', width: 1400 },
  { name: '32-workers-unbounded', query: '?workers=32&maxsize=0&jobs=120&at=300', width: 1400 },
  { name: 'default-390px', query: '?at=90', width: 390 },
  { name: '32-workers-390px', query: '?workers=32&maxsize=20&jobs=200&at=250', width: 390 },
  { name: 'retry-priority', query: '?fail=3&flaky=5&on-error=retry&queue=priority&maxsize=2&at=70', width: 1400 },
  { name: 'deadlock', query: '?shutdown=none&at=100000', width: 1400 },
  { name: 'own-pipeline', query: `${code('pipeline.py')}&at=120`, width: 1400, record: true },
  { name: 'own-pipeline-390px', query: `${code('pipeline.py')}&at=120`, width: 390, record: true },
  { name: 'own-deadlock', query: `${code('deadlock.py')}&at=100000`, width: 1400, record: true },
  { name: 'own-many-tasks', query: `${code('many-tasks.py')}&at=9000`, width: 1400, record: true },
  { name: 'million-jobs-computing', query: '?jobs=1000000&workers=8&maxsize=20', width: 1400, large: 'computing' },
  { name: 'million-jobs-middle', query: '?jobs=1000000&workers=8&maxsize=20&at=3500000', width: 1400, large: 'done' },
];

const out = process.argv[2] ?? 'screenshots';
/** Only these shots, when named (a comma-separated list of names). */
const only = process.argv[3]?.split(',') ?? null;
mkdirSync(out, { recursive: true });
const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  for (const shot of SHOTS.filter((s) => only === null || only.includes(s.name))) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height ?? 1100 }, colorScheme: shot.dark === true ? 'dark' : 'light' });
    await page.goto(`${server.url}${shot.query}`);
    const banner = page.getByRole('status', { name: 'Computing a large run' });
    if (shot.large === 'computing') await page.waitForTimeout(1500);
    if (shot.large === 'done') await banner.waitFor({ state: 'detached', timeout: 300_000 });
    if (shot.record === true) {
      await page.getByRole('button', { name: 'Run my program' }).click();
      await page.getByRole('status').filter({ hasText: /recorded [\d,]+ events/ }).waitFor({ timeout: 120_000 });
    }
    await page.waitForTimeout(600); // let glides land
    if (shot.height === undefined) await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: true });
    else {
      // What is seen without scrolling, then the whole page.
      await page.screenshot({ path: join(out, `${shot.name}.png`) });
      await page.screenshot({ path: join(out, `${shot.name}-full.png`), fullPage: true });
    }
    // The stage alone, at full size: a whole page is scaled down too far to read its lanes.
    await page.locator('.stage').screenshot({ path: join(out, `${shot.name}-stage.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
