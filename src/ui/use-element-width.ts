import { type RefObject, useEffect, useRef, useState } from 'react';

/** An element's content width in CSS pixels, kept current as the layout changes; `initial` until measured. */
export function useElementWidth<E extends Element>(initial: number): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      // A hidden element measures 0: keep the last width rather than draw nothing.
      if (entry !== undefined && entry.contentRect.width > 0) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
