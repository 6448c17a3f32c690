import { memo } from 'react';
import type { TextList } from '../engine/index';
import { formatCount } from './format-number';
import { useLab } from './lab-context';
import { useTextPanelValue } from './use-throttled';

/** Lines are rendered in fixed blocks, so printing one more line re-renders one block, not the whole log. */
const BLOCK = 64;
/** A huge run prints hundreds of thousands of lines; the page draws the newest ones (the CLI prints them all). */
const MAX_SHOWN = 16 * BLOCK;

/** Lines start..end-1 (the `lit` one, counted from start, is the current event's); a full block's props stay equal as more lines print, so memo skips it. */
const OutputBlock = memo(function OutputBlock({ lines, start, end, lit }: { lines: TextList; start: number; end: number; lit: number }) {
  return lines.slice(start, end).map((line, i) => (
    <li key={i} className={i === lit ? 'lit' : undefined} aria-current={i === lit ? 'true' : undefined}>
      {line}
    </li>
  ));
});

/** What the program has printed so far, line by line, as the terminal would show it. */
export function OutputPanel() {
  const lines = useLab((s) => s.lines);
  const printed = useTextPanelValue(useLab((s) => s.view.printed));
  // The line the current event printed is lit, as the code panel lights the line that printed it.
  const litLine = useTextPanelValue(useLab((s) => (s.view.cursor > 0 && s.timeline.log.at(s.view.cursor - 1).kind === 'print' ? s.view.printed - 1 : -1)));
  // Whole blocks from the first shown line, so a block's content never shifts as lines are added.
  const first = Math.max(0, Math.floor((printed - MAX_SHOWN) / BLOCK) * BLOCK + (printed > MAX_SHOWN ? BLOCK : 0));
  const blocks: number[] = [];
  for (let start = first; start < printed; start += BLOCK) blocks.push(start);
  return (
    <section className="panel output" aria-labelledby="output-title">
      <h2 id="output-title">
        Output <span className="count">{printed === 1 ? '1 line' : `${formatCount(printed)} lines`}{first > 0 ? `, showing the last ${formatCount(printed - first)}` : ''}</span>
      </h2>
      {/* column-reverse keeps the newest line in view with no scrolling code (which would force a layout per line). */}
      {/* The log is the scrolling box, not the list: a list keeps its list semantics for its lines. */}
      <div className="terminal-scroll" tabIndex={0} role="log" aria-label="Printed output">
        <ol className="terminal">
          {blocks.map((start) => (
            <OutputBlock key={start} lines={lines} start={start} end={Math.min(start + BLOCK, printed)} lit={litLine >= start && litLine < start + BLOCK ? litLine - start : -1} />
          ))}
        </ol>
      </div>
    </section>
  );
}
