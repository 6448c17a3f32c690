import { DEFAULT_SETTINGS, type ScenarioSettings, runScenario } from '../../engine/index';

/** A question answered by predicting what the lab will show, then running it. */
export interface MasteryQuestion {
  readonly id: string;
  readonly prompt: string;
  readonly settings: ScenarioSettings;
  /** The event to show while the question is asked (null: the start). */
  readonly at: number | null;
  readonly options: readonly string[];
  readonly answer: number;
  /** Why, in a sentence, shown after answering. */
  readonly why: string;
}

const ENDINGS = ['It finishes and prints the summary line', 'It hangs forever: tasks wait with nothing to wake them', 'It crashes: an exception ends the program'] as const;
const ENDING_OF = { returned: 0, deadlock: 1, raised: 2, limit: 1 } as const;

function endingQuestion(id: string, prompt: string, overrides: Partial<ScenarioSettings>, why: string): MasteryQuestion {
  const settings = { ...DEFAULT_SETTINGS, ...overrides };
  const run = runScenario(settings, { record: false });
  return { id, prompt, settings, at: null, options: ENDINGS, answer: ENDING_OF[run.status.kind], why };
}

/** "Which line prints next?": the run stopped just after a print; the real next line among two other lines of the same run. */
function nextLineQuestion(): MasteryQuestion {
  const settings = { ...DEFAULT_SETTINGS, maxsize: 1, workers: 1 };
  const run = runScenario(settings);
  const log = run.log!;
  const shown = 6;
  let printed = 0;
  let at = 0;
  while (at < log.length && printed < shown) if (log.at(at++).kind === 'print') printed++;
  const next = run.lines[shown]!;
  const distractors = run.lines.filter((line, i) => i > shown && line !== next && line.startsWith(next.startsWith('[Producer]') ? '[Worker' : '[Producer]')).slice(0, 2);
  const options = [next, ...distractors].toSorted();
  return {
    id: 'next-line',
    prompt: 'maxsize 1 and 1 worker, stopped after the sixth printed line. Which line prints next?',
    settings,
    at,
    options,
    answer: options.indexOf(next),
    why: 'With one slot and one worker the producer can only add a job after the worker takes one, so producer and worker lines alternate with the worker\'s durations.',
  };
}

const elapsedWith = (workers: number): number => runScenario({ ...DEFAULT_SETTINGS, workers }, { record: false }).endTime;

function speedQuestion(): MasteryQuestion {
  const elapsed = elapsedWith;
  const ratio = elapsed(3) / elapsed(10);
  const options = ['About the same (less than 1.5 times faster)', 'Between 1.5 and 2.5 times faster', 'More than 2.5 times faster'];
  return {
    id: 'ten-workers',
    prompt: 'The classic exercise with 10 workers instead of 3: how much faster does it finish?',
    settings: { ...DEFAULT_SETTINGS, workers: 10 },
    at: null,
    options,
    answer: ratio < 1.5 ? 0 : ratio < 2.5 ? 1 : 2,
    why: `It takes ${elapsed(10).toFixed(1)} s instead of ${elapsed(3).toFixed(1)} s: the producer adds a job only every 0.1 to 0.5 s, so extra workers mostly wait in get().`,
  };
}

function lifoQuestion(): MasteryQuestion {
  const settings = { ...DEFAULT_SETTINGS, queue: 'lifo' as const };
  const run = runScenario(settings, { record: false });
  const processed = run.lines.filter((line) => line.includes('Processing:')).length;
  return {
    id: 'lifo-sentinels',
    prompt: 'asyncio.LifoQueue with the usual sentinels: are all 20 jobs processed?',
    settings,
    at: null,
    options: ['Yes, all 20', 'No: some jobs are left in the queue'],
    answer: processed === 20 ? 0 : 1,
    why: `${processed} of 20 are processed: a LIFO queue hands out the newest item first, so the sentinels put last come out before the jobs still queued, and the workers stop early.`,
  };
}

/**
 * The mastery check, computed from the engine so the answers are what the lab
 * shows. Each question is made by running its experiment (a scenario each):
 * as makers, so the page can make one a task instead of all six in one task
 * of 30-40 ms while it starts.
 */
export function masteryQuestionMakers(): (() => MasteryQuestion)[] {
  return [
    () => nextLineQuestion(),
    () => endingQuestion('no-sentinels', 'No sentinels: the producer puts its 20 jobs and returns. How does the program end?', { shutdown: 'none' }, 'The workers wait in get() for items that never come, and main waits in gather() for them.'),
    () => endingQuestion('raise-gather', 'Job 4 raises and nothing catches it (workers run under gather()). How does the program end?', { fail: [4] }, 'gather() passes the first exception to main; asyncio.run() cancels the rest and re-raises it.'),
    () => endingQuestion('raise-join', 'Job 4 raises and nothing catches it; main waits with queue.join(). How does the program end?', { fail: [4], shutdown: 'cancel' }, 'The dead worker never calls task_done() for job 4, so join() waits forever.'),
    () => speedQuestion(),
    () => lifoQuestion(),
  ];
}

/** Every question, made now. */
export function masteryQuestions(): MasteryQuestion[] {
  return masteryQuestionMakers().map((make) => make());
}
