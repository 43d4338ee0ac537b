import { EMPTY_MAP_GRAPH, type MapEdge, type MapGraph, type MapNode } from '../map-graph.ts';

/**
 * Merges the focus's slice with the slices of expanded nodes. A node in several slices keeps its
 * smallest depth and its fewest hidden neighbours (more of them are now on the map); it is a
 * start if it is one anywhere. Hidden counts are per request and may overlap, so the merge keeps
 * the largest of each: "at least this many" stays true.
 */
export function mergeMapGraphs(graphs: readonly MapGraph[]): MapGraph {
  if (graphs.length === 0) return EMPTY_MAP_GRAPH;
  if (graphs.length === 1) return graphs[0]!;
  const nodes = new Map<string, MapNode>();
  const edges = new Map<string, MapEdge>();
  for (const graph of graphs) {
    for (const node of graph.nodes) {
      const seen = nodes.get(node.id);
      nodes.set(
        node.id,
        seen
          ? {
              ...seen,
              depth: Math.min(seen.depth, node.depth),
              isStart: seen.isStart || node.isStart,
              hiddenNeighbours: Math.min(seen.hiddenNeighbours, node.hiddenNeighbours),
            }
          : node,
      );
    }
    for (const edge of graph.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  const max = (pick: (g: MapGraph) => number) => Math.max(...graphs.map(pick));
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: graphs.some((g) => g.truncated),
    viaSearchLimited: graphs.some((g) => g.viaSearchLimited),
    hidden: {
      byMaxNodes: max((g) => g.hidden.byMaxNodes),
      byFilters: max((g) => g.hidden.byFilters),
      byKinds: max((g) => g.hidden.byKinds),
      byCriticality: max((g) => g.hidden.byCriticality),
      viaEdges: max((g) => g.hidden.viaEdges),
    },
  };
}
