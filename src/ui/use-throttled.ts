import { useEffect, useState } from 'react';

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
 * How often the code and output panels follow playback that is too fast to
 * read: ten times a second. Each new line shifts every line of the output and
 * moves the code's light, and repainting both at every frame cost about half
 * the page's paint time (32 workers at 16x, measured by hiding each panel).
 */
export const TEXT_PANEL_MS = 100;
