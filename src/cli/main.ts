import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './run-cli';

/** `npm run --silent cli -- run|export [options]`: see USAGE in options.ts. */
const result = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
