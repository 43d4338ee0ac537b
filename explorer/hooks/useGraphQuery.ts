import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { queryGraphql } from '../api/graphql-client.ts';

export interface QueryState<T> {
  readonly data: T | null;
  readonly error: Error | null;
  readonly loading: boolean;
  /** Runs the query again with the same variables. */
  readonly refetch: () => void;
}

interface Settled<T> {
  readonly key: string | null;
  /** The last successful answer (of this key or, with keepPrevious, an earlier one). */
  readonly data: T | null;
  readonly dataKey: string | null;
  readonly error: Error | null;
}

/**
 * Runs an async load whenever `key` changes, cancelling the previous one: the answer of a stale
 * request never overwrites a newer one, and failures become `error` instead of vanishing.
 * `key` null skips loading (nothing to ask yet). With `keepPrevious`, `data` stays the last
 * successful answer while a newer one loads or after it fails, so a graph does not blink empty.
 */
export function useAsync<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
): QueryState<T> {
  const [settled, setSettled] = useState<Settled<T>>({
    key: null,
    data: null,
    dataKey: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  // The loader closes over the variables that make up `key`, so it is read through a ref rather
  // than being a dependency: a new function identity on every render must not refetch.
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const fullKey = key === null ? null : `${attempt}:${key}`;

  useEffect(() => {
    if (fullKey === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setSettled({ key: fullKey, data, dataKey: fullKey, error: null });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((previous) => ({
          ...previous,
          key: fullKey,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    return () => controller.abort();
  }, [fullKey]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  const current = fullKey !== null && settled.key === fullKey;
  const fresh = fullKey !== null && settled.dataKey === fullKey;
  return {
    data: fresh || (keepPrevious && fullKey !== null) ? settled.data : null,
    error: current ? settled.error : null,
    loading: fullKey !== null && !current,
    refetch,
  };
}

/**
 * One GraphQL operation as `{ data, error, loading }`. The variables are compared by value, so
 * callers can build them inline; `skip` holds the request back until its inputs exist.
 */
export function useGraphQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  { skip = false, keepPrevious = false }: { skip?: boolean; keepPrevious?: boolean } = {},
): QueryState<T> {
  const key = skip ? null : `${query}\n${JSON.stringify(variables)}`;
  return useAsync<T>(key, (signal) => queryGraphql<T>(query, variables, signal), { keepPrevious });
}
