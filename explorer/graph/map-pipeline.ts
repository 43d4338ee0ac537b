import type { RawGraphSlice } from '../api/map-operations.ts';
import type { Criticality } from '../domain/model.ts';
import type { Grouping } from '../state/url-state.ts';
import type { GraphElements } from './elements.ts';
import { EMPTY_MAP_GRAPH, type MapGraph } from './map-graph.ts';
import { collapseGroups } from './transforms/collapse-groups.ts';
import { filterByCriticality } from './transforms/filter-by-criticality.ts';
import { mapToElements, type GroupNames } from './transforms/map-to-elements.ts';
import { mergeMapGraphs } from './transforms/merge-map-graphs.ts';
import { sliceToMapGraph } from './transforms/slice-to-map-graph.ts';

/** The map's data steps, in order: normalise, merge expansions, filter by criticality. */
export function buildMapGraph(
  slices: readonly RawGraphSlice[] | null,
  criticalities: readonly Criticality[],
): MapGraph {
  if (!slices || slices.length === 0) return EMPTY_MAP_GRAPH;
  return filterByCriticality(mergeMapGraphs(slices.map(sliceToMapGraph)), criticalities);
}

/** The map's drawing steps: elements with groups, then collapsed groups folded in. */
export function buildMapElements(
  graph: MapGraph,
  grouping: Grouping,
  collapsed: readonly string[],
  names: GroupNames,
): GraphElements {
  return collapseGroups(mapToElements(graph, grouping, names), collapsed);
}
