import { formatCount } from './format-number';
import type { RecordingSummary } from './program-messages';
import type { ProgramRunPhase } from './use-program-run';
import { WATCHDOG_SECONDS } from './use-program-run';

/** The words of "Your own program", in one place. */
export const PROGRAM_TEXT = {
  title: 'Your own program',
  editorLabel: 'Python program',
  intro: 'Write or paste any asyncio program. Real CPython runs it on a virtual clock, and the panels above show what it did, event by event.',
  keys: 'Tab indents. To leave the editor with the keyboard, press Escape, then Tab.',
  empty: 'The editor is empty: write or paste a program first.',
  recording: 'Recording in CPython…',
  starting: 'Starting Python…',
  watchdog: `Your program ran for ${WATCHDOG_SECONDS} s without finishing; the lab stopped it. The previous run stays on screen, and the next run starts Python afresh.`,
  stopped: 'Stopped. The previous run stays on screen, and the next run starts Python afresh.',
  tooBig: (name: string, kb: number) => `${name} is ${kb} kB; the lab takes programs up to 256 kB.`,
  loadedFile: (name: string) => `Loaded ${name} into the editor. "Run my program" runs it.`,
  unreadableFile: (name: string) => `${name} could not be read.`,
  reset: "The editor has the lesson's program again.",
  copied: 'Copied the link to this program:',
  notCopied: 'The browser did not allow copying; select the link and copy it:',
  longLink: (length: number) => `This link is ${formatCount(length)} characters long; some apps cut long links short, so Download keeps the whole program safer.`,
  fromLink: 'The editor has the program from the link. "Run my program" runs it.',
} as const;

const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

function printedCount(stdout: string): number {
  if (stdout === '') return 0;
  return stdout.split('\n').length - (stdout.endsWith('\n') ? 1 : 0);
}

/** The lines of a shown recording's summary: how it ended, and where to look. */
export function recordingSummary(recording: RecordingSummary): string {
  const { result, eventCount, stopped, errorLines } = recording;
  const recorded = `CPython ${result.python} recorded ${plural(eventCount, 'event')} and ${plural(printedCount(result.stdout), 'printed line')}.`;
  if (stopped !== null) return `${recorded} The lab stopped your program early: ${stopped.message} The events up to there are shown above.`;
  const ending = result.ending;
  switch (ending.kind) {
    case 'returned':
      return `${recorded} It finished; the panels above show it from the first event (Step or Play).`;
    case 'raised': {
      const line = errorLines.at(-1);
      return `${recorded} It raised ${ending.lastLine}${line === undefined ? '' : ` at line ${line} (marked in the editor)`}. The traceback is below; the panels above show the run up to there.`;
    }
    case 'deadlock':
      return `${recorded} It would hang forever in CPython: nothing could run and no timer was left. At the last event, "How the run ends" above says what each task waits on.`;
    case 'limit':
      return `${recorded} ${ending.message}`;
    case 'exit':
      return `${recorded} It called sys.exit(${ending.code}).`;
  }
}

const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1);

/** The live status sentence for a phase (null: nothing to say). */
export function phaseText(phase: ProgramRunPhase): string | null {
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'loading':
      if (phase.step === 'start' || (phase.total > 0 && phase.loaded >= phase.total)) return PROGRAM_TEXT.starting;
      return `Loading Python${phase.total > 0 ? `: ${megabytes(phase.loaded)} of ${megabytes(phase.total)} MB` : '…'}`;
    case 'recording':
      return PROGRAM_TEXT.recording;
    case 'shown':
      return recordingSummary(phase.recording);
    case 'ended':
      return phase.by === 'watchdog' ? PROGRAM_TEXT.watchdog : PROGRAM_TEXT.stopped;
    case 'failed':
      if (phase.stage === 'load') return `Python could not be loaded: ${phase.message}. The lab itself works as before.`;
      if (phase.stage === 'run') return `CPython could not record your program: ${phase.message}.`;
      return `${phase.message}`;
  }
}
