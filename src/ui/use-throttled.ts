import { useEffect, useState } from 'react';

/** `value`, but changing at most every `ms` while it keeps changing (for work that is O(run) per update). */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(value), shown === value ? 0 : ms);
    return () => window.clearTimeout(timer);
  }, [value, ms, shown]);
  return shown;
}
