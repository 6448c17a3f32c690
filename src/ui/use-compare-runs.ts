import { useEffect, useMemo, useState } from 'react';
import { COMPARE_VALUES, type ComparedRun, type ComparedSetting, type ScenarioSettings } from '../store/index';
import type { CompareRequest, CompareWorkerMessage } from './compare-worker';

export interface CompareProgress {
  /** The values compared, in order; `runs[i]` is value i's run once computed. */
  readonly values: readonly number[];
  readonly runs: readonly (ComparedRun | undefined)[];
  readonly done: number;
  /** Why a run could not be computed, if one could not. */
  readonly problem: string | null;
}

/** Workers for a comparison: one per run, but never more than the cores beside the page's own (at least one). */
function workerCount(runs: number): number {
  const cores = typeof navigator === 'undefined' ? 2 : (navigator.hardwareConcurrency ?? 2);
  return Math.max(1, Math.min(runs, cores - 1));
}

/**
 * The runs of a comparison, computed in Web Workers (in parallel where the
 * cores allow), so the page stays usable while a million-job comparison runs;
 * each run shows as it arrives. Changing the settings ends the old workers;
 * while `waiting` (a large run is being computed) none runs.
 */
export function useCompareRuns(settings: ScenarioSettings, setting: ComparedSetting, waiting: boolean): CompareProgress {
  const values = COMPARE_VALUES[setting];
  const request = useMemo(() => ({ settings, setting }), [settings, setting]);
  // Results are kept with the request they answer: a new request starts from none, with no reset in the effect.
  const [state, setState] = useState<{ readonly for: typeof request | null; readonly runs: readonly (ComparedRun | undefined)[]; readonly done: number; readonly problem: string | null }>({ for: null, runs: [], done: 0, problem: null });
  useEffect(() => {
    // A large run being computed comes first: on two cores, comparison workers beside it starved the page's own thread (tasks of 100 ms).
    if (waiting) return undefined;
    const queue = values.map((value) => ({ ...request, value }) satisfies CompareRequest);
    const workers: Worker[] = [];
    const update = (change: (runs: (ComparedRun | undefined)[]) => { done?: number; problem?: string }): void =>
      setState((s) => {
        const base = s.for === request ? s : { for: request, runs: [], done: 0, problem: null };
        const runs = [...base.runs];
        const { done = base.done, problem = base.problem } = change(runs);
        return { for: request, runs, done, problem };
      });
    const fail = (message: string): void => update(() => ({ problem: message }));
    const give = (worker: Worker): void => {
      const next = queue.shift();
      if (next === undefined) worker.terminate();
      else worker.postMessage(next, []); // Worker.postMessage: the second argument is the transfer list
    };
    try {
      for (let i = 0; i < workerCount(values.length); i++) {
        const worker = new Worker(new URL('./compare-worker.ts', import.meta.url), { type: 'module' });
        worker.addEventListener('message', (event: MessageEvent<CompareWorkerMessage>) => {
          const message = event.data;
          if (message.type === 'failed') fail(`The run with ${setting} = ${message.value} could not be computed: ${message.message}`);
          else
            update((runs) => {
              runs[values.indexOf(message.value)] = message.run;
              return { done: runs.filter((run) => run !== undefined).length };
            });
          give(worker);
        });
        worker.addEventListener('error', (event) => fail(`A comparison run could not be computed: ${event.message}`));
        workers.push(worker);
        give(worker);
      }
    } catch (error) {
      fail(`This browser could not start a background worker for the comparison (${String(error)}).`);
    }
    return () => {
      for (const worker of workers) worker.terminate();
    };
  }, [request, setting, values, waiting]);
  const current = state.for === request ? state : null;
  return { values, runs: current?.runs ?? [], done: current?.done ?? 0, problem: current?.problem ?? null };
}
