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
 * lab changes. Not while playing: browsers throttle history updates.
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
    if (playing) return;
    const start = opened.current;
    if (pending !== null && (encoded !== null || settings !== start.settings || cursor !== start.cursor || lessonId !== start.lessonId)) {
      dropPendingProgramLink(); // renders again without it
      return;
    }
    const params =
      encoded !== null
        ? programParams(encoded, cursor)
        : pending !== null && pending.code !== null
          ? programParams(encodeProgram(pending.code), pending.at ?? 0)
          : formatUrlState(settings, cursor, lessonId);
    const query = new URLSearchParams(params).toString();
    const next = `${window.location.pathname}${query === '' ? '' : `?${query}`}${window.location.hash}`;
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, '', next);
  }, [settings, cursor, playing, lessonId, encoded, pending]);
}
