import { useEffect, useState } from 'react';
import { useFollowable } from './lab-context';

/** `value`, but changing at most every `ms` while it keeps changing (for work that is O(run) per update); `ms` 0 follows it live. */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (ms === 0) return undefined;
    const timer = window.setTimeout(() => setShown(value), shown === value ? 0 : ms);
    return () => window.clearTimeout(timer);
  }, [value, ms, shown]);
  return ms === 0 ? value : shown;
}

/**
 * `value` for the code and output panels: live while playback can be followed,
 * ten times a second when it is too fast to read. Each new line shifts every
 * line of the output and moves the code's light, and repainting both at every
 * frame cost about half the page's paint time (32 workers at 16x, measured by
 * hiding each panel).
 */
export function useTextPanelValue<T>(value: T): T {
  return useThrottled(value, useFollowable() ? 0 : 100);
}
