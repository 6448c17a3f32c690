import { useEffect, useRef } from 'react';
import { useLab } from './lab-context';

/** The exported Python, with the line that made the current event lit. */
export function CodePanel() {
  const program = useLab((s) => s.program);
  const site = useLab((s) => s.view.site);
  const lit = program.lineOf.get(site as never);
  const lines = program.text.trimEnd().split('\n');
  const box = useRef<HTMLPreElement | null>(null);
  useEffect(() => {
    // Keep the lit line in view inside the panel, without scrolling the page.
    const element = box.current;
    const line = element?.querySelector<HTMLElement>('code.lit');
    if (element == null || line == null) return;
    if (line.offsetTop < element.scrollTop || line.offsetTop > element.scrollTop + element.clientHeight - 2 * line.offsetHeight) {
      element.scrollTop = line.offsetTop - element.clientHeight / 3;
    }
  }, [lit]);
  return (
    <section className="panel code" aria-labelledby="code-title">
      <h2 id="code-title">The Python program</h2>
      <pre tabIndex={0} ref={box} aria-label="Python source; the current line is marked">
        {lines.map((line, i) => (
          <code key={i} className={i + 1 === lit ? 'lit' : undefined} aria-current={i + 1 === lit ? 'true' : undefined}>
            <span className="ln" aria-hidden="true">
              {i + 1}
            </span>
            {line || ' '}
            {'\n'}
          </code>
        ))}
      </pre>
    </section>
  );
}
