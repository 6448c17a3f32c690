/**
 * The learner's Python editor: CodeMirror 6 with Python highlighting, four-space
 * indents, and error marks for the lines a traceback names. No React here;
 * use-code-editor.ts mounts it. Loaded with the editor panel only, never with
 * the page.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { labHighlightStyle } from './code-highlight';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';

export interface CodeEditor {
  text(): string;
  /** Replace the whole text (the undo history keeps the old one), and clear the marks of errors: a new text's errors are its own. */
  setText(text: string): void;
  /** Mark program lines (1-based) as where the program raised; the last one gets `message`. */
  markErrors(lines: readonly number[], message: string): void;
  clearErrors(): void;
  focus(): void;
  destroy(): void;
}

/** Whether the user asked for less motion (the caret then does not blink). */
const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createCodeEditor(parent: HTMLElement, text: string, label: string, onChange: () => void): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection({ cursorBlinkRate: reducedMotion() ? 0 : 1200 }),
        indentOnInput(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        syntaxHighlighting(labHighlightStyle),
        bracketMatching(),
        highlightActiveLine(),
        // Tab indents; Escape then Tab (CodeMirror's own escape hatch) or Ctrl-M leaves the editor.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        python(),
        lintGutter(),
        // tabindex 0 says outright what contenteditable already is (a tab stop), so checkers see the scroller has focusable content.
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText(next) {
      // Only the part that differs: a lesson's program changes a line or two when a setting
      // moves, and re-highlighting the whole document costs a long task in a run's hand-over.
      const current = view.state.doc.toString();
      // One transaction for both: each dispatch updates and measures the editor (a long task in a run's hand-over).
      const cleared = setDiagnostics(view.state, []);
      if (current === next) {
        view.dispatch(cleared);
        return;
      }
      let start = 0;
      while (start < current.length && start < next.length && current[start] === next[start]) start++;
      let end = 0;
      while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
      view.dispatch({ changes: { from: start, to: current.length - end, insert: next.slice(start, next.length - end) } }, cleared);
    },
    markErrors(lines, message) {
      const doc = view.state.doc;
      const inner = lines.at(-1);
      const diagnostics: Diagnostic[] = [...new Set(lines)]
        .filter((n) => n >= 1 && n <= doc.lines)
        .map((n) => {
          const line = doc.line(n);
          return { from: line.from, to: line.to, severity: 'error', message: n === inner ? message : `On the way to line ${inner}: ${message}` };
        });
      const spec = setDiagnostics(view.state, diagnostics);
      // Bring the line that raised into view (the innermost: the last of the traceback).
      const last = diagnostics.find((d) => d.message === message);
      view.dispatch(last === undefined ? spec : { ...spec, effects: [...[spec.effects ?? []].flat(), EditorView.scrollIntoView(last.from, { y: 'center' })] });
    },
    clearErrors() {
      view.dispatch(setDiagnostics(view.state, []));
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
