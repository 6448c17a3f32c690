import { readFileSync, writeFileSync } from 'node:fs';
import { streamCli } from './run-cli';
import { StdoutBuffer } from './stdout-buffer';

/** `npm run --silent cli -- run|export [options]`: see USAGE in options.ts. Standard output is written as the run prints, in large pieces. */
const stdout = new StdoutBuffer(process.stdout);
const result = streamCli(
  process.argv.slice(2),
  {
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  },
  stdout,
);
stdout.flush();
process.stderr.write(result.stderr);
process.exitCode = result.code;
