import type { NeighbourhoodVariables } from '../api/map-operations.ts';
import type { ViewState } from './url-state.ts';

/** Nodes one expansion may add: expansions enrich the map, they should not swamp it. */
export const EXPANSION_MAX_NODES = 250;

/**
 * The neighbourhood requests a map view makes: one for the focus, one per expanded node, all
 * with the view's filters. No focus, no requests.
 */
export function neighbourhoodRequests(state: ViewState): NeighbourhoodVariables[] {
  if (state.focus.length === 0) return [];
  const filters: NeighbourhoodVariables['filters'] = {
    municipalityId: state.municipality,
    lifecycles: state.lifecycles.length > 0 ? [...state.lifecycles] : null,
    supplierIds: state.suppliers.length > 0 ? [...state.suppliers] : null,
    personalData: state.personalData,
    kinds: state.kinds.length > 0 ? [...state.kinds] : null,
  };
  const base: NeighbourhoodVariables = {
    ids: [...state.focus],
    depth: state.depth,
    relationshipTypes: state.relationshipTypes.length > 0 ? [...state.relationshipTypes] : null,
    direction: state.direction,
    filters,
    maxNodes: state.maxNodes,
  };
  const expansions = state.expansions
    .filter((e) => !state.focus.includes(e.id))
    .map((e): NeighbourhoodVariables => ({
      ids: [e.id],
      depth: e.depth,
      relationshipTypes: e.relationshipTypes.length > 0 ? [...e.relationshipTypes] : null,
      direction: 'BOTH',
      filters,
      maxNodes: Math.min(state.maxNodes, EXPANSION_MAX_NODES),
    }));
  return [base, ...expansions];
}
