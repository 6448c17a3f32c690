import { memo } from 'react';
import { useFollowable, useLab } from './lab-context';
import { useTextPanelValue } from './use-throttled';

/**
 * Bring the lit line into view inside the code panel, without scrolling the
 * page. In the next animation frame: reading offsets right after React's
 * commit would force a layout of the whole page inside the commit's task.
 */
function keepInView(line: HTMLElement | null): void {
  if (line === null) return;
  requestAnimationFrame(() => {
    const box = line.parentElement;
    if (box === null || !line.isConnected) return;
    if (line.offsetTop < box.scrollTop || line.offsetTop > box.scrollTop + box.clientHeight - 2 * line.offsetHeight) {
      box.scrollTop = line.offsetTop - box.clientHeight / 3;
    }
  });
}

/** A hanging indent four columns past the line's own indentation. */
function hang(text: string): React.CSSProperties {
  const indent = text.length - text.trimStart().length + 4;
  return { paddingLeft: `${indent}ch`, textIndent: `-${indent}ch` };
}

/** One source line; memoized so moving the light re-renders two lines, not the program. */
const CodeLine = memo(function CodeLine({ number, text, lit, follow }: { number: number; text: string; lit: boolean; follow: boolean }) {
  return (
    <code className={lit ? 'lit' : undefined} aria-current={lit ? 'true' : undefined} ref={lit && follow ? keepInView : undefined}>
      <span className="ln" aria-hidden="true">
        {number}
      </span>
      {/* A wrapped line hangs under its own code, past its indentation: never at the margin, where Python would read it as a new statement. */}
      <span className="src" style={hang(text)}>
        {text || ' '}
        {'\n'}
      </span>
    </code>
  );
});

/** The exported Python, with the line that made the current event lit. */
export function CodePanel() {
  const program = useLab((s) => s.program);
  const follow = useFollowable();
  const site = useTextPanelValue(useLab((s) => s.view.site));
  const lit = program.lineOf.get(site as never);
  const lines = program.text.trimEnd().split('\n');
  return (
    <section className="panel code" aria-labelledby="code-title">
      <h2 id="code-title">The Python program</h2>
      <pre tabIndex={0} aria-label="Python source; the current line is marked">
        {lines.map((line, i) => (
          <CodeLine key={i} number={i + 1} text={line} lit={i + 1 === lit} follow={follow} />
        ))}
      </pre>
    </section>
  );
}
