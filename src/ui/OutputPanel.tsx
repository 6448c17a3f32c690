import { useEffect, useRef } from 'react';
import { useLab } from './lab-context';

/** What the program has printed so far, line by line, as the terminal would show it. */
export function OutputPanel() {
  const lines = useLab((s) => s.run.lines);
  const printed = useLab((s) => s.view.printed);
  const box = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    // Scroll the terminal itself, never the page: focus may be on a control.
    const element = box.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  }, [printed]);
  return (
    <section className="panel output" aria-labelledby="output-title">
      <h2 id="output-title">
        Output <span className="count">{printed} lines</span>
      </h2>
      <ol className="terminal" role="log" aria-label="Printed output" ref={box} tabIndex={0}>
        {lines.slice(0, printed).map((line, i) => (
          <li key={i}>
            {line}
          </li>
        ))}
      </ol>
    </section>
  );
}
