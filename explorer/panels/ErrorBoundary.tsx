import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** Changing it clears a caught error (e.g. the view), so navigating away recovers. */
  readonly resetKey: string;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: string;
}

/** Catches a view that fails to render and says so, instead of leaving a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Overblik view failed', error.stack ?? error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="message error page-error" role="alert">
        <h2>Visningen kunne ikke vises</h2>
        <p>{this.state.error.message}</p>
        <p>
          Prøv at{' '}
          <button type="button" onClick={() => window.location.reload()}>
            genindlæse siden
          </button>{' '}
          eller gå til en anden visning. Adressen rummer hele visningen, så du kan sende den med,
          hvis fejlen gentager sig.
        </p>
      </div>
    );
  }
}
