import { useEffect } from 'react';
import { useLab, useLabActions } from './lab-context';

/**
 * The lab's only wall-clock code: while playing, advance the store once a frame
 * by the time since the last frame. Animation never paces the engine; the
 * engine's run is complete before playback starts.
 */
export function usePlayback(): void {
  const playing = useLab((s) => s.playing);
  const { tick } = useLabActions();
  useEffect(() => {
    if (!playing) return undefined;
    let last = performance.now();
    let frame = requestAnimationFrame(function onFrame(now) {
      // A background tab or a breakpoint can stall frames: never jump more than 0.25 s.
      tick(Math.min(0.25, (now - last) / 1000));
      last = now;
      frame = requestAnimationFrame(onFrame);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, tick]);
}
