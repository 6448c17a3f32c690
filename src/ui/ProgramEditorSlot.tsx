import { Component, type ReactNode, Suspense, lazy } from 'react';

/** The editor (and CodeMirror) load after the page: they are not in its first download. */
const ProgramEditor = lazy(() => import('./ProgramEditor').then((m) => ({ default: m.ProgramEditor })));

/** If the editor cannot load or draw, say so in its place; the rest of the lab goes on. */
class EditorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="panel" role="alert" aria-labelledby="pe-failed-title">
        <h2 id="pe-failed-title">Your own program</h2>
        <p>The program editor could not be loaded ({this.state.error.message}). The rest of the lab works as before; reloading the page may help.</p>
      </section>
    );
  }
}

/** "Your own program", where App mounts it. */
export function ProgramEditorSlot() {
  return (
    <EditorBoundary>
      <Suspense fallback={<p className="hint">Loading the program editor…</p>}>
        <ProgramEditor />
      </Suspense>
    </EditorBoundary>
  );
}
