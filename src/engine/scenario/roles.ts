/**
 * The scenario's tasks: the label the lab shows for each, and the coroutine
 * function it runs (as CPython names it in task reprs and deadlock reports).
 * One place, so the program, the CLI's reports and the store agree.
 */
export type Coroutine = 'main' | 'producer' | 'worker';

export const MAIN_LABEL = 'main';
export const PRODUCER_LABEL = 'Producer';

export function workerLabel(k: number): string {
  return `Worker-${k}`;
}

/** The coroutine function behind a task's label. */
export function coroutineOfLabel(label: string): Coroutine {
  if (label === PRODUCER_LABEL) return 'producer';
  if (label.startsWith('Worker-')) return 'worker';
  return 'main';
}
