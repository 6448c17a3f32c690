import { readFileSync, writeFileSync } from 'node:fs';
import { FdStream } from './fd-stream';
import { streamCli } from './run-cli';
import { StdoutBuffer } from './stdout-buffer';

/** Exit status when standard output's reader has gone (`| head`): seed_scenario.py stops quietly with 1 on BrokenPipeError. */
const BROKEN_PIPE_EXIT = 1;

/** `npm run --silent cli -- run|export [options]`: see USAGE in options.ts. Standard output is written as the run prints, in large pieces. */
const stdout = new StdoutBuffer(new FdStream(1, () => process.exit(BROKEN_PIPE_EXIT)));
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
