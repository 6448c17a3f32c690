/**
 * Browser tests drive Debian's Chromium (no npm package may download a browser).
 * If it is missing and we may install it (root with apt-get), install it; else
 * say exactly what to run. Exit 0 when /usr/bin/chromium (or $CHROMIUM_PATH) is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function apt(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { stdio: 'inherit', env }).status === 0;
}

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (!canInstall) {
    console.error(`Chromium is not at ${path}. Install Debian's package: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the browser tests (apt-get)...");
  if (!apt(['install', '-y', '-qq', 'chromium'])) {
    apt(['update', '-qq']);
    if (!apt(['install', '-y', '-qq', 'chromium'])) {
      console.error('apt-get could not install chromium.');
      process.exit(1);
    }
  }
}
