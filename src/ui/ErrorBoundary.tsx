import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/** If rendering fails, say so and offer a way back instead of leaving a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Queue Lab failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="panel crash" role="alert">
        <h2>Something went wrong while drawing the lab</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.assign(window.location.pathname)}>
          Reload with the default settings
        </button>
      </div>
    );
  }
}
