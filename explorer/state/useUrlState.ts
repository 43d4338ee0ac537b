import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseViewState, patchViewState, serializeViewState, type ViewState } from './url-state.ts';

/** Fired on window after the explorer itself changes the URL (history does not fire popstate). */
const URL_CHANGED = 'overblik:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_CHANGED, onChange);
  };
}

const readSearch = () => window.location.search;

export interface NavigateOptions {
  /** Replace the current history entry (minor changes: selection, tab) instead of pushing. */
  readonly replace?: boolean;
}

export type Navigate = (patch: Partial<ViewState>, options?: NavigateOptions) => void;

/** Writes a state to the address bar: push for user actions, replace for minor ones. */
export function writeViewState(state: ViewState, { replace = false }: NavigateOptions = {}): void {
  const search = serializeViewState(state);
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(URL_CHANGED));
}

/**
 * The view state, derived from the URL on every change (so back/forward just work), and a
 * `navigate` that patches it.
 */
export function useUrlState(): [ViewState, Navigate] {
  const search = useSyncExternalStore(subscribe, readSearch, () => '');
  const state = useMemo(() => parseViewState(search), [search]);
  const navigate = useCallback<Navigate>((patch, options) => {
    writeViewState(patchViewState(parseViewState(window.location.search), patch), options);
  }, []);
  return [state, navigate];
}

/** The href of a state, for real links (open in a new tab, copy link). */
export function hrefOf(state: ViewState): string {
  const search = serializeViewState(state);
  return `${window.location.pathname}${search ? `?${search}` : ''}`;
}
