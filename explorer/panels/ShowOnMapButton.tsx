import type { ViewState } from '../state/url-state.ts';
import type { Navigate } from '../state/useUrlState.ts';

/** The map view focused on one entity, with it selected: where "Vis på kortet" goes. */
export function mapFocusedOn(id: string): Partial<ViewState> {
  return { view: 'map', focus: [id], expansions: [], selection: id, tab: 'graph' };
}

/** "Vis på kortet": opens the entity on the map. */
export function ShowOnMapButton({ id, navigate }: { id: string; navigate: Navigate }) {
  return (
    <button type="button" onClick={() => navigate(mapFocusedOn(id))}>
      Vis på kortet
    </button>
  );
}
