import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { runProcess } from '../support/oracle';

const scratch = mkdtempSync(join(tmpdir(), 'queue-lab-bad-'));
const malformed = join(scratch, 'malformed.json');
writeFileSync(malformed, '{"jobs": 3, "durations": [1.0, 2.0]');
const short = join(scratch, 'short.json');
writeFileSync(short, '{"jobs": 3, "durations": [1.0, 2.0], "intervals": [0.1, 0.2]}');
writeFileSync(join(scratch, 'noprio.json'), '{"jobs": 2, "durations": [1.0, 2.0], "intervals": [0.1]}');

describe('bad input to the CLI', () => {
  it.each([
    [['run', '--workers', '0'], '--workers must be a whole number from 1'],
    [['run', '--jobs', '-1'], '--jobs must be a whole number from 0'],
    [['run', '--maxsize', 'abc'], "--maxsize: invalid int value: 'abc'"],
    [['run', '--maxsize', '2.5'], "--maxsize: invalid int value: '2.5'"],
    [['run', '--seed', ''], "--seed: invalid int value: ''"],
    [['run', '--min-duration', 'nan'], '--min-duration: invalid number'],
    [['run', '--min-duration', '3', '--max-duration', '1'], '--min-duration is larger than --max-duration'],
    [['run', '--min-interval', '-0.5'], '--min-interval must be a finite number >= 0'],
    [['run', '--jobs', '2000000'], '--jobs must be a whole number from 0 to 1000000'],
    [['run', '--plan', join(scratch, 'missing.json')], 'cannot read it (ENOENT)'],
    [['run', '--plan', malformed], 'not valid JSON'],
    [['run', '--plan', short], '2 durations for 3 jobs'],
    [['run', '--jobs'], "argument missing"],
    [['run', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['walk'], "unknown command 'walk'"],
    [['run', '--queue', 'stack'], "--queue: invalid choice: 'stack' (choose from fifo, priority, lifo)"],
    [['run', '--shutdown', 'never'], "--shutdown: invalid choice: 'never'"],
    [['run', '--on-error', 'ignore'], "--on-error: invalid choice: 'ignore' (choose from crash, log, retry)"],
    [['run', '--fail', 'x,y'], "--fail: 'x,y' is not a list of job numbers"],
    [['run', '--fail', '21'], '--fail names job 21, but the jobs are numbered 1 to 20'],
    [['run', '--flaky', '0'], '--flaky names job 0, but the jobs are numbered 1 to 20'],
    [['run', '--fail', '3', '--flaky', '3'], 'job 3 is in both --fail and --flaky'],
    [['run', '--retries', '3'], '--retries applies only with --on-error retry'],
    [['run', '--on-error', 'retry', '--retries', '-1'], '--retries must be a whole number from 0 to 20'],
    [['run', '--queue', 'priority', '--plan', short.replace('short', 'noprio')], 'the plan file has none'],
    [[], 'missing command'],
  ])('%j is refused with one clear line and exit 2', (args, reason) => {
    const result = cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('takes Python int spellings argparse takes', () => {
    expect(cli(['run', '--jobs', '1_0', '--maxsize', ' -1 ']).stdout).toContain('Done \u2014 added 10 jobs total');
  });

  it('says so through npm run with no stack trace, and --help lists every option with its default', async () => {
    const bad = await runProcess('npm', ['run', '--silent', 'cli', '--', 'run', '--workers', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^queue-lab: error: --workers must be a whole number from 1 to 10000/);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const help = await runProcess('npm', ['run', '--silent', 'cli', '--', 'run', '--help']);
    expect(help.code).toBe(0);
    const options = ['--jobs', '--workers', '--maxsize', '--seed', '--min-duration', '--max-duration', '--min-interval', '--max-interval'];
    for (const option of [...options, '--queue', '--shutdown', '--fail', '--flaky', '--on-error', '--retries', '--time-prefix']) {
      expect(help.stdout).toMatch(new RegExp(`${option}[^\\n]*(\\n\\s+)?[^\\n]*\\(default [^)]+\\)`));
    }
  });
});
