#!/usr/bin/env node
/**
 * `npm test`: every check, in order, then one closing line "N passed, N failed".
 * Stages: type checks (app, engine, store, node configs), lint (layer rules),
 * unit and fidelity tests (vitest, Node), the production build, Debian's Chromium
 * (installed if missing and allowed), browser tests (vitest driving it through
 * playwright-core). Each test counts once; each type check, the lint, the build
 * and the Chromium check count as one check each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const outcome = spawnSync(command, args, { stdio: 'inherit' });
  return outcome.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  console.log(`── ${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function vitest(project) {
  const file = `${results}/${project}.json`;
  const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (!existsSync(file)) {
    failed++;
    console.log(`── ${project} tests: no report (the runner itself failed)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!ok && report.numFailedTests === 0) failed++; // a suite that failed to load counts too
  if (report.numTotalTests === 0) {
    failed++;
    console.log(`── ${project} tests: ran no test`);
  }
}

for (const config of ['tsconfig.json', 'tsconfig.engine.json', 'tsconfig.store.json', 'tsconfig.pyodide.json', 'tsconfig.node.json']) {
  check(`types (${config})`, 'npx', ['tsc', '-p', config, '--noEmit']);
}
check('lint', 'npx', ['oxlint', '--deny-warnings', '-c', '.oxlintrc.json', 'src', 'tests', 'scripts', 'bench']);
vitest('unit');
const built = check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
const browser = check('chromium', 'node', ['scripts/ensure-chromium.mjs']);
if (built && browser) vitest('browser');
else failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
