import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFollowable } from './lab-context';

/**
 * `value`, but changing at most every `ms` while it keeps changing (for work
 * that is O(run) per update); `ms` 0 follows it live. An interval runs while
 * the shown value is stale, and further changes do not restart it: a timer
 * restarted at every change made this a debounce, which never fired while
 * playback moved the value every frame (the output and measures froze at 16x
 * until a pause).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  // Live, `shown` follows at once (state adjusted while rendering, no extra commit), so a switch to throttled starts from what is on screen.
  if (ms === 0 && shown !== value) setShown(() => value);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  const stale = shown !== value;
  useEffect(() => {
    if (ms === 0 || !stale) return undefined;
    // Drawn inside an animation frame, rendered at once (flushSync): a timer's update, or a state update React
    // schedules in a task of its own, changed the page between frames, and Chromium's hit test under the mouse at
    // the next frame's start then laid the page out a second time in that frame (traced: 5-14 ms).
    let frame = 0;
    const timer = window.setInterval(() => {
      window.cancelAnimationFrame(frame);
      frame = window.requestAnimationFrame(() => flushSync(() => setShown(() => latest.current)));
    }, ms);
    return () => {
      window.clearInterval(timer);
      window.cancelAnimationFrame(frame);
    };
  }, [ms, stale]);
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
