import type { ReactNode } from 'react';
import { ApiError } from '../api/graphql-client.ts';

/** What went wrong, in words a user can act on; the code helps when asking for help. */
export function ErrorMessage({
  error,
  onRetry,
  title = 'Noget gik galt',
}: {
  error: Error;
  onRetry?: () => void;
  title?: string;
}) {
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="message error" role="alert">
      <strong>{title}.</strong> {error.message}
      {code && <span className="code"> ({code})</span>}
      {onRetry && (
        <>
          {' '}
          <button type="button" onClick={onRetry}>
            Prøv igen
          </button>
        </>
      )}
    </div>
  );
}

export function Loading({ children = 'Henter…' }: { children?: ReactNode }) {
  return (
    <div className="message loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {children}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="message empty">{children}</div>;
}

/** Loading, error or content, in that order: never a blank area. */
export function QueryStatus({
  loading,
  error,
  onRetry,
  loadingText,
}: {
  loading: boolean;
  error: Error | null;
  onRetry?: () => void;
  loadingText?: string;
}) {
  if (error) return <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} />;
  if (loading) return <Loading>{loadingText ?? 'Henter…'}</Loading>;
  return null;
}
