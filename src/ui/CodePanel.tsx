import { useLab } from './lab-context';

/** Bring the lit line into view inside the code panel, without scrolling the page. */
function keepInView(line: HTMLElement | null): void {
  const box = line?.parentElement;
  if (line == null || box == null) return;
  if (line.offsetTop < box.scrollTop || line.offsetTop > box.scrollTop + box.clientHeight - 2 * line.offsetHeight) {
    box.scrollTop = line.offsetTop - box.clientHeight / 3;
  }
}

/** The exported Python, with the line that made the current event lit. */
export function CodePanel() {
  const program = useLab((s) => s.program);
  const site = useLab((s) => s.view.site);
  const lit = program.lineOf.get(site as never);
  const lines = program.text.trimEnd().split('\n');
  return (
    <section className="panel code" aria-labelledby="code-title">
      <h2 id="code-title">The Python program</h2>
      <pre tabIndex={0} aria-label="Python source; the current line is marked">
        {lines.map((line, i) => {
          const isLit = i + 1 === lit;
          return (
            <code key={i} className={isLit ? 'lit' : undefined} aria-current={isLit ? 'true' : undefined} ref={isLit ? keepInView : undefined}>
              <span className="ln" aria-hidden="true">
                {i + 1}
              </span>
              {line || ' '}
              {'\n'}
            </code>
          );
        })}
      </pre>
    </section>
  );
}
