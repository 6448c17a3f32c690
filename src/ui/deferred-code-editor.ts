import type { CodeEditor } from './code-editor';

/**
 * A CodeEditor whose CodeMirror view is made only when it is wanted: when its
 * box comes into view, when it gets the focus, or when asked. Until then it
 * keeps the text (and any error marks) itself, shows the program as plain
 * text in a box of the editor's size, and is a tab stop that becomes the
 * editor when reached. Why: making the view (its first parse and drawing, in
 * code not yet compiled) was a task of 60-120 ms at the page's start, traced,
 * even for a learner who never scrolls down to the editor.
 */
export class DeferredCodeEditor implements CodeEditor {
  private view: CodeEditor | null = null;
  private pending: string;
  private errors: [lines: readonly number[], message: string] | null = null;
  private stopWatching: () => void = () => {};

  constructor(
    private readonly host: HTMLElement,
    text: string,
    label: string,
    private readonly make: (host: HTMLElement, text: string) => CodeEditor,
  ) {
    this.pending = text;
    host.dataset['deferred'] = '';
    host.tabIndex = 0;
    host.setAttribute('role', 'textbox');
    host.setAttribute('aria-multiline', 'true');
    host.setAttribute('aria-label', label);
    host.textContent = text;
    host.addEventListener('focus', this.onFocus);
    this.stopWatching = whenInView(host, () => this.create());
  }

  /** The view, made now if it is not yet. */
  create(): CodeEditor {
    if (this.view !== null) return this.view;
    this.stopWatching();
    const host = this.host;
    host.removeEventListener('focus', this.onFocus);
    for (const name of ['role', 'aria-multiline', 'aria-label', 'tabindex', 'data-deferred']) host.removeAttribute(name);
    host.textContent = '';
    const view = this.make(host, this.pending);
    this.view = view;
    if (this.errors !== null) view.markErrors(...this.errors);
    return view;
  }

  text(): string {
    return this.view?.text() ?? this.pending;
  }

  setText(text: string): void {
    if (this.view !== null) {
      this.view.setText(text);
      return;
    }
    this.pending = text;
    this.errors = null;
    this.host.textContent = text;
  }

  markErrors(lines: readonly number[], message: string): void {
    if (this.view !== null) this.view.markErrors(lines, message);
    else this.errors = [lines, message];
  }

  clearErrors(): void {
    if (this.view !== null) this.view.clearErrors();
    else this.errors = null;
  }

  focus(): void {
    this.create().focus();
  }

  destroy(): void {
    this.stopWatching();
    this.host.removeEventListener('focus', this.onFocus);
    this.view?.destroy();
  }

  /** Tabbed to, or clicked: the editor takes the focus it was given. */
  private readonly onFocus = (): void => {
    this.focus();
  };
}

/**
 * Call `seen` once any of `element` is in the viewport (at once where
 * IntersectionObserver is missing); returns a function that stops watching.
 * No margin ahead of the viewport: at 1280x900 the editor starts 116 px below
 * the fold, so a margin of a screen made the view at the page's start anyway.
 */
export function whenInView(element: Element, seen: () => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    seen();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        seen();
      }
    },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
