import { useEffect } from 'react';
import { useLabActions } from './lab-context';

/** Keys, listed for people in SHORTCUTS; ignored while typing in a field or using a slider. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'K', what: 'play or pause' },
  { keys: '.', what: 'step forward one event' },
  { keys: ',', what: 'step back one event' },
  { keys: 'Home', what: 'back to the start' },
  { keys: 'End', what: 'to the end' },
];

export function useShortcuts(): void {
  const actions = useLabActions();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target !== null && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      const action = { k: actions.togglePlay, K: actions.togglePlay, '.': actions.step, ',': actions.stepBack, Home: actions.restart, End: actions.toEnd }[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
