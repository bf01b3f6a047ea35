import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * A render error in one screen must not blank the whole studio. React only catches render errors in a
 * class component, hence the one class here. Edits are already in the browser's local backup, which
 * the editor offers back on reload.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The message and stack only: never the props or state, which may hold sample (patient) data.
    console.error(`${this.props.what} failed:`, error.message, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="editor-message" role="alert">
        <h1>The {this.props.what} hit a problem</h1>
        <p>
          {this.state.error.message}. Unsaved changes are kept in this browser: reload the page and the editor
          offers them back.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
