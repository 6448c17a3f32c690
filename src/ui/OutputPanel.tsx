import { useLab } from './lab-context';

/** Scroll the terminal itself (never the page: focus may be on a control) to its newest line. */
function scrollToNewest(line: HTMLLIElement | null): void {
  const box = line?.parentElement;
  if (box != null) box.scrollTop = box.scrollHeight;
}

/** What the program has printed so far, line by line, as the terminal would show it. */
export function OutputPanel() {
  const lines = useLab((s) => s.run.lines);
  const printed = useLab((s) => s.view.printed);
  return (
    <section className="panel output" aria-labelledby="output-title">
      <h2 id="output-title">
        Output <span className="count">{printed} lines</span>
      </h2>
      <ol className="terminal" role="log" aria-label="Printed output" tabIndex={0}>
        {lines.slice(0, printed).map((line, i) => (
          <li key={i} ref={i === printed - 1 ? scrollToNewest : undefined}>
            {line}
          </li>
        ))}
      </ol>
    </section>
  );
}
