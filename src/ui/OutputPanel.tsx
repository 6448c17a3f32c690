import { memo } from 'react';
import type { TextList } from '../engine/index';
import { useLab } from './lab-context';

/** Lines are rendered in fixed blocks, so printing one more line re-renders one block, not the whole log. */
const BLOCK = 64;
/** A huge run prints hundreds of thousands of lines; the page draws the newest ones (the CLI prints them all). */
const MAX_SHOWN = 16 * BLOCK;

/** Lines start..end-1; a full block's props stay equal as more lines print, so memo skips it. */
const OutputBlock = memo(function OutputBlock({ lines, start, end }: { lines: TextList; start: number; end: number }) {
  return lines.slice(start, end).map((line, i) => <li key={i}>{line}</li>);
});

/** What the program has printed so far, line by line, as the terminal would show it. */
export function OutputPanel() {
  const lines = useLab((s) => s.lines);
  const printed = useLab((s) => s.view.printed);
  // Whole blocks from the first shown line, so a block's content never shifts as lines are added.
  const first = Math.max(0, Math.floor((printed - MAX_SHOWN) / BLOCK) * BLOCK + (printed > MAX_SHOWN ? BLOCK : 0));
  const blocks: number[] = [];
  for (let start = first; start < printed; start += BLOCK) blocks.push(start);
  return (
    <section className="panel output" aria-labelledby="output-title">
      <h2 id="output-title">
        Output <span className="count">{printed} lines{first > 0 ? `, showing the last ${printed - first}` : ''}</span>
      </h2>
      {/* column-reverse keeps the newest line in view with no scrolling code (which would force a layout per line). */}
      <div className="terminal-scroll" tabIndex={0}>
        <ol className="terminal" role="log" aria-label="Printed output">
          {blocks.map((start) => (
            <OutputBlock key={start} lines={lines} start={start} end={Math.min(start + BLOCK, printed)} />
          ))}
        </ol>
      </div>
    </section>
  );
}
