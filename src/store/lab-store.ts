import { createStore } from 'zustand/vanilla';
import { type ExportedProgram, type ScenarioSettings, type TextList, DEFAULT_SETTINGS } from '../engine/index';
import type { ProgramRecording } from '../pyodide/recording';
import type { RunEnding } from './compare-output';
import { type ComputePhase, type ComputedRun, type RunFacts, computeRun, isLargeRun } from './computed-run';
import type { RunMetrics } from './metrics';
import { computeRecordedRun } from './recorded-run';
import type { RunIndex } from './run-index';
import { type LabSettingName, applySetting } from './settings-rules';
import type { Timeline } from './timeline';
import type { ViewState } from './view-state';

/** Speeds offered: virtual seconds per second of wall time. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

export interface LabState {
  readonly settings: ScenarioSettings;
  /** The lesson being followed, if any (its id, also its link). */
  readonly lessonId: string | null;
  /** How the run ends, in words. */
  readonly outcome: { readonly kind: 'returned' | 'raised' | 'deadlock' | 'limit'; readonly text: string };
  /** Messages about values that were refused or adjusted, newest last. */
  readonly notices: readonly string[];
  readonly run: RunFacts;
  /** Every line the run printed, in order. */
  readonly lines: TextList;
  /** How the run ends, in the terms CPython reports. */
  readonly ending: RunEnding;
  readonly timeline: Timeline;
  /** Where every job is at any event. */
  readonly index: RunIndex;
  /** A large run's measures over the whole run, computed with it in the background. */
  readonly finalMetrics?: RunMetrics | undefined;
  readonly program: ExportedProgram;
  /** The picture at the cursor (`view.cursor` events applied). */
  readonly view: ViewState;
  /** Virtual time shown; between two events while playing. */
  readonly playTime: number;
  readonly playing: boolean;
  readonly speed: number;
  /** A large run being computed off the page's thread (the current run stays shown meanwhile). */
  readonly computing: { readonly settings: ScenarioSettings; readonly phase: ComputePhase; readonly fraction: number; readonly at: number | null } | null;
}

export interface LabActions {
  setSetting(name: LabSettingName, requested: number | string): void;
  /**
   * Show a learner's program as CPython ran it (its recording), from its first
   * event. The scenario's settings stay as they were: changing one goes back
   * to the scenario.
   */
  loadRecording(recording: ProgramRecording, code: string): void;
  /** The same, for a recording already made into a run elsewhere (a worker: computeRecordedRunData, then fromRunData). */
  showRecordedRun(computed: ComputedRun): void;
  /** Load settings as a whole (a lesson, a question), at an event, from the start of the run. */
  loadSettings(settings: ScenarioSettings, options?: { lessonId?: string | null; at?: number | null }): void;
  dismissNotices(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  stepBack(): void;
  seek(cursor: number): void;
  toEnd(): void;
  restart(): void;
  setSpeed(speed: number): void;
  /** Called once a frame while playing, with the wall seconds since the last frame. */
  tick(wallSeconds: number): void;
  /** Progress of the run being computed elsewhere. */
  reportProgress(phase: ComputePhase, fraction: number): void;
  /** The run computed elsewhere is ready: show it (at its link's event, or the same virtual time). */
  acceptRun(computed: ComputedRun): void;
  /** Give up on the run being computed (or say why it failed). */
  cancelComputing(reason?: string): void;
}

export type LabStore = ReturnType<typeof createLabStore>;

/** The notice for a link's `at` past the run's last event (none when it is within the run). */
function beyondEnd(at: number | null, length: number): string[] {
  return at !== null && at > length ? [`Link parameter at: the run has ${length} events; showing the last one.`] : [];
}


/** The lab's state and verbs (zustand/vanilla): the only place that calls the engine. */
export function createLabStore(initial: ScenarioSettings = DEFAULT_SETTINGS, notices: readonly string[] = [], at: number | null = null, lessonId: string | null = null) {
  // A large run is computed in a worker: the page starts on the default run and shows progress.
  const large = isLargeRun(initial);
  const first = computeRun(large ? DEFAULT_SETTINGS : initial);
  // A large run's `at` waits for that run (acceptRun); the default run shown meanwhile starts at 0.
  const startAt = large ? 0 : Math.min(at ?? 0, first.timeline.length);
  const startView = first.timeline.viewAt(startAt);
  const startNotices = large ? notices : [...notices, ...beyondEnd(at, first.timeline.length)];
  return createStore<LabState & LabActions>()((set, get) => {
    /** Move to `cursor`; the clock shows the time of the last event applied. */
    const moveTo = (cursor: number, playing = get().playing): void => {
      const { timeline, view: current } = get();
      const view = timeline.viewAfter(current, cursor);
      set({ view, playTime: view.t, playing: playing && view.cursor < timeline.length });
    };
    /** A run that fails to compute keeps the current one, and says why (never a lost state). */
    const computeOrSay = (settings: ScenarioSettings): ComputedRun | null => {
      try {
        return computeRun(settings);
      } catch (error) {
        set({ notices: [...get().notices, `These settings could not be run (${String(error)}); the lab kept the previous run.`] });
        return null;
      }
    };
    return {
      settings: large ? DEFAULT_SETTINGS : initial,
      computing: large ? { settings: initial, phase: 'running', fraction: 0, at } : null,
      lessonId,
      notices: startNotices,
      ...first,
      view: startView,
      playTime: startView.t,
      playing: false,
      speed: 1,

      setSetting(name, requested) {
        const state = get();
        const { settings, notice } = applySetting(state.computing?.settings ?? state.settings, name, requested);
        const nextNotices = notice === null ? state.notices : [...state.notices, notice];
        if (isLargeRun(settings)) {
          set({ computing: { settings, phase: 'running', fraction: 0, at: null }, notices: nextNotices });
          return;
        }
        const next = computeOrSay(settings);
        if (next === null) return;
        // Same virtual time in the new run, so the picture changes in place.
        const cursor = next.timeline.cursorAtTime(state.playTime);
        set({
          settings,
          ...next,
          notices: nextNotices,
          computing: null,
          view: next.timeline.viewAt(cursor),
          playing: state.playing && cursor < next.timeline.length,
        });
      },
      loadRecording(recording, code) {
        let next: ComputedRun;
        try {
          next = computeRecordedRun(recording, code, get().settings);
        } catch (error) {
          set({ notices: [...get().notices, `The recording of your program could not be shown (${String(error)}); the lab kept the previous run.`] });
          return;
        }
        get().showRecordedRun(next);
      },
      showRecordedRun(computed) {
        const view = computed.timeline.viewAt(0);
        // The lab's settings stay as they are (a run made in a worker was given the defaults).
        set({ finalMetrics: undefined, ...computed, run: { ...computed.run, settings: get().settings }, lessonId: null, view, playTime: view.t, playing: false, computing: null });
      },
      loadSettings(settings, options = {}) {
        const next = computeOrSay(settings);
        if (next === null) return;
        const view = next.timeline.viewAt(options.at ?? 0);
        set({ settings, ...next, lessonId: options.lessonId ?? null, view, playTime: view.t, playing: false, computing: null });
      },
      reportProgress(phase, fraction) {
        const { computing } = get();
        if (computing !== null) set({ computing: { ...computing, phase, fraction } });
      },
      acceptRun(computed) {
        const { computing, playTime, notices: current } = get();
        if (computing === null) return;
        const length = computed.timeline.length;
        const cursor = computing.at === null ? computed.timeline.cursorAtTime(playTime) : Math.min(computing.at, length);
        const view = computed.timeline.viewAt(cursor);
        set({ settings: computing.settings, ...computed, notices: [...current, ...beyondEnd(computing.at, length)], view, playTime: view.t, playing: false, computing: null });
      },
      cancelComputing(reason) {
        set({ computing: null, ...(reason === undefined ? {} : { notices: [...get().notices, reason] }) });
      },
      dismissNotices: () => set({ notices: [] }),
      play() {
        const { view, timeline } = get();
        if (view.cursor >= timeline.length) moveTo(0, true);
        else set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      step: () => moveTo(get().view.cursor + 1, false),
      stepBack: () => moveTo(get().view.cursor - 1, false),
      seek: (cursor) => moveTo(cursor, get().playing),
      toEnd: () => moveTo(get().timeline.length, false),
      restart: () => moveTo(0, false),
      setSpeed: (speed) => set({ speed: Number.isFinite(speed) && speed > 0 ? speed : 1 }),
      tick(wallSeconds) {
        const { playing, playTime, speed, timeline, view, run } = get();
        if (!playing) return;
        const time = playTime + Math.max(0, wallSeconds) * speed;
        const cursor = Math.max(view.cursor, timeline.cursorAtTime(time));
        if (cursor >= timeline.length && time >= run.endTime) {
          set({ view: timeline.viewAt(timeline.length), playTime: run.endTime, playing: false });
          return;
        }
        set({ view: timeline.viewAfter(view, cursor), playTime: time });
      },
    };
  });
}
