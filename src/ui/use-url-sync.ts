import { useEffect } from 'react';
import { formatUrlState } from '../store/index';
import { useLab } from './lab-context';

/** Read the page's link parameters (the store turns them into settings and a cursor). */
export function readLinkParams(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

/**
 * Keep the address bar showing the current settings and event (`at`), so any
 * moment can be shared. Not while playing: browsers throttle history updates.
 */
export function useUrlSync(): void {
  const settings = useLab((s) => s.settings);
  const cursor = useLab((s) => s.view.cursor);
  const playing = useLab((s) => s.playing);
  const lessonId = useLab((s) => s.lessonId);
  useEffect(() => {
    if (playing) return;
    const query = new URLSearchParams(formatUrlState(settings, cursor, lessonId)).toString();
    const next = `${window.location.pathname}${query === '' ? '' : `?${query}`}${window.location.hash}`;
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, '', next);
  }, [settings, cursor, playing, lessonId]);
}
