import type { Criticality } from '../../domain/model.ts';
import { VIA_HIDDEN } from '../../domain/model.ts';
import type { MapEdge, MapGraph, MapNode } from '../map-graph.ts';

/** Via edges drawn around one removed usage; its other connections are only counted. */
export const MAX_BRIDGES_PER_NODE = 6;

/**
 * Keeps usages whose criticality is one of `criticalities` (the server has no such filter, so
 * it is applied here). A removed usage does not take its connections with it: the shown nodes it
 * joined get a dashed VIA_HIDDEN edge through it, as the server does for hidden kinds, and what
 * does not fit in {@link MAX_BRIDGES_PER_NODE} is counted as hidden via edges. Start nodes stay.
 */
export function filterByCriticality(
  graph: MapGraph,
  criticalities: readonly Criticality[],
): MapGraph {
  if (criticalities.length === 0) return graph;
  const wanted = new Set(criticalities);
  const removed = new Set(
    graph.nodes
      .filter(
        (n) =>
          n.kind === 'USAGE' &&
          !n.isStart &&
          (n.facets.criticality === null || !wanted.has(n.facets.criticality)),
      )
      .map((n) => n.id),
  );
  if (removed.size === 0) return graph;
  const nodes: MapNode[] = graph.nodes.filter((n) => !removed.has(n.id));
  const edges: MapEdge[] = [];
  const neighbours = new Map<string, string[]>();
  const link = (hub: string, other: string) =>
    neighbours.set(hub, [...(neighbours.get(hub) ?? []), other]);
  for (const edge of graph.edges) {
    const sourceGone = removed.has(edge.source);
    const targetGone = removed.has(edge.target);
    if (!sourceGone && !targetGone) edges.push(edge);
    else if (sourceGone && !targetGone) link(edge.source, edge.target);
    else if (targetGone && !sourceGone) link(edge.target, edge.source);
  }
  const existing = new Set(edges.map((e) => e.id));
  let overCap = 0;
  for (const [hidden, others] of neighbours) {
    const distinct = [...new Set(others)].sort();
    let made = 0;
    for (let i = 0; i < distinct.length; i++) {
      for (let j = i + 1; j < distinct.length; j++) {
        const [source, target] = [distinct[i]!, distinct[j]!];
        const id = `${VIA_HIDDEN}:${source}:${target}`;
        if (existing.has(id)) continue;
        if (made >= MAX_BRIDGES_PER_NODE) {
          overCap++;
          continue;
        }
        existing.add(id);
        made++;
        edges.push({
          id,
          source,
          target,
          type: VIA_HIDDEN,
          directed: false,
          via: [hidden],
          viaKinds: ['USAGE'],
        });
      }
    }
  }
  return {
    ...graph,
    nodes,
    edges,
    hidden: {
      ...graph.hidden,
      byCriticality: graph.hidden.byCriticality + removed.size,
      viaEdges: graph.hidden.viaEdges + overCap,
    },
  };
}
