import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { formatUrlState } from '../store/index';
import { encodeProgram } from './code-link';
import { dropPendingProgramLink, pendingProgramLink, programParams, subscribePendingProgramLink } from './program-link';
import { useLab } from './lab-context';

/**
 * Read the page's link parameters (the store turns them into settings and a
 * cursor). A `code` link's program and its `at` are the editor's
 * (program-link.ts), not the scenario's.
 */
export function readLinkParams(search: string): Record<string, string> {
  const params = Object.fromEntries(new URLSearchParams(search));
  if (params['code'] === undefined) return params;
  const { code: _code, at: _at, ...scenario } = params;
  return scenario;
}

/**
 * Keep the address bar showing what is shown, so any moment can be shared:
 * the scenario's settings and event (`at`), or a recorded program (`code`)
 * and its event. A `code` link stays as it came until its program runs or the
 * lab changes. Not while playing: browsers throttle history updates. The
 * address follows a frame after what it describes is drawn.
 */
export function useUrlSync(): void {
  const settings = useLab((s) => s.settings);
  const playing = useLab((s) => s.playing);
  // Read only when paused: following the cursor while playing re-rendered whatever called this on every frame.
  const cursor = useLab((s) => (s.playing ? -1 : s.view.cursor));
  const lessonId = useLab((s) => s.lessonId);
  const recorded = useLab((s) => (s.run.shape.source === 'program' ? s.program.text : null));
  const pending = useSyncExternalStore(subscribePendingProgramLink, pendingProgramLink);
  const opened = useRef({ settings, cursor, lessonId });
  const encoded = useMemo(() => (recorded === null ? null : encodeProgram(recorded)), [recorded]);
  useEffect(() => {
    if (playing) return undefined;
    const start = opened.current;
    if (pending !== null && (encoded !== null || settings !== start.settings || cursor !== start.cursor || lessonId !== start.lessonId)) {
      dropPendingProgramLink(); // renders again without it
      return undefined;
    }
    const params =
      encoded !== null
        ? programParams(encoded, cursor)
        : pending !== null && pending.code !== null
          ? programParams(encodeProgram(pending.code), pending.at ?? 0)
          : formatUrlState(settings, cursor, lessonId);
    const query = new URLSearchParams(params).toString();
    const next = `${window.location.pathname}${query === '' ? '' : `?${query}`}${window.location.hash}`;
    if (next === `${window.location.pathname}${window.location.search}${window.location.hash}`) return undefined;
    // After the next frame is drawn: replaceState saves the page's scroll state with the entry, which
    // lays the page out at once. Called where a new run was just rendered, that layout (20-30 ms for a
    // million-job run's page) was part of the run's hand-over task; after the frame it is already done.
    let later: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      later = setTimeout(() => window.history.replaceState(null, '', next), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(later);
    };
  }, [settings, cursor, playing, lessonId, encoded, pending]);
}
