import { readFileSync, writeFileSync } from 'node:fs';
import { type CliResult, runCli } from '../../src/cli/run-cli';

/** The CLI in-process, with the real file system. */
export function cli(args: readonly string[]): CliResult {
  return runCli(args, { readFile: (path) => readFileSync(path, 'utf8'), writeFile: (path, text) => writeFileSync(path, text, 'utf8') });
}
