/**
 * Screenshots of "Your own program" (the editor panel), for looking at it:
 *   npx vite build && npx tsx scripts/screenshot-editor.ts OUT_DIR
 * At a desktop and a phone size: a program from a link, the link shown after
 * "Copy link", a bad link, and (once the recorder answers) a program that raised.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeProgram } from '../src/ui/code-link';
import { launchChromium, serveBuiltPage } from '../tests/support/browser';

const PROGRAM = `import asyncio


async def fetch(urls, pages):
    while (url := await urls.get()) is not None:
        await asyncio.sleep(0.2)
        await pages.put(f"<html of {url}>")
    await pages.put(None)


async def main():
    urls, pages = asyncio.Queue(2), asyncio.Queue()
    fetcher = asyncio.create_task(fetch(urls, pages))
    for n in range(4):
        await urls.put(f"https://example.org/{n}")
    await urls.put(None)
    await fetcher
    print(pages.qsize(), "pages")


asyncio.run(main())
`;

/** The same program with a mistake: a traceback and a marked line once recorded. */
const BROKEN = PROGRAM.replace('print(pages.qsize(), "pages")', 'print(pages.qsize() + " pages")');

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const server = await serveBuiltPage();
const browser = await launchChromium();
try {
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const panel = page.getByRole('region', { name: /^Your own program/ });
    await page.goto(`${server.url}?code=${encodeProgram(PROGRAM)}`);
    await panel.getByRole('textbox', { name: 'Python program' }).waitFor();
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await panel.screenshot({ path: join(out, `editor-link-${size.name}.png`) });
    await panel.getByRole('textbox', { name: 'Python program' }).focus();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `editor-viewport-${size.name}.png`) });
    await page.goto(`${server.url}?code=not+a+program`);
    await panel.getByRole('alert').waitFor();
    await panel.screenshot({ path: join(out, `editor-bad-link-${size.name}.png`) });
    await page.goto(`${server.url}?code=${encodeProgram(BROKEN)}`);
    await panel.getByRole('button', { name: 'Run my program' }).click();
    try {
      await panel.getByRole('status').filter({ hasText: /recorded [\d,]+ events/ }).waitFor({ timeout: 90_000 });
      await panel.screenshot({ path: join(out, `editor-raised-${size.name}.png`) });
      await page.screenshot({ path: join(out, `page-raised-${size.name}.png`), fullPage: true });
    } catch {
      console.log(`${size.name}: no recording came back (is the recorder in the worker?)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
