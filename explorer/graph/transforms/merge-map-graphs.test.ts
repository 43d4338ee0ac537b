import { describe, expect, it } from 'vitest';
import { aMapEdge, aMapGraph, aMapNode } from '../../testing/map-fixtures.ts';
import { EMPTY_MAP_GRAPH } from '../map-graph.ts';
import { mergeMapGraphs } from './merge-map-graphs.ts';

describe('mergeMapGraphs', () => {
  const focus = aMapGraph(
    [
      aMapNode({ id: 'sys-akta', kind: 'SYSTEM', depth: 0, isStart: true }),
      aMapNode({ id: 'use-aarby-esdh', kind: 'USAGE', depth: 1, hiddenNeighbours: 5 }),
    ],
    [aMapEdge('INSTANCE_OF', 'use-aarby-esdh', 'sys-akta')],
  );
  const expansion = {
    ...aMapGraph(
      [
        aMapNode({
          id: 'use-aarby-esdh',
          kind: 'USAGE',
          depth: 0,
          isStart: true,
          hiddenNeighbours: 1,
        }),
        aMapNode({ id: 'con-aarby-esdh', kind: 'CONTRACT', depth: 1 }),
      ],
      [
        aMapEdge('INSTANCE_OF', 'use-aarby-esdh', 'sys-akta'),
        aMapEdge('COVERS', 'con-aarby-esdh', 'use-aarby-esdh'),
      ],
    ),
    truncated: true,
    hidden: { byMaxNodes: 7, byFilters: 0, byKinds: 3, byCriticality: 0, viaEdges: 0 },
  };

  it('unions nodes and edges, keeping the smallest depth and fewest hidden neighbours', () => {
    const merged = mergeMapGraphs([focus, expansion]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['sys-akta', 'use-aarby-esdh', 'con-aarby-esdh']);
    expect(merged.nodes[1]).toMatchObject({ depth: 0, isStart: true, hiddenNeighbours: 1 });
    expect(merged.edges.map((e) => e.id)).toEqual([
      'INSTANCE_OF:use-aarby-esdh:sys-akta',
      'COVERS:con-aarby-esdh:use-aarby-esdh',
    ]);
  });

  it('keeps the largest hidden count of each kind and any truncation', () => {
    const merged = mergeMapGraphs([focus, expansion]);
    expect(merged.truncated).toBe(true);
    expect(merged.hidden).toEqual({
      byMaxNodes: 7,
      byFilters: 0,
      byKinds: 3,
      byCriticality: 0,
      viaEdges: 0,
    });
  });

  it('returns a single graph as it is and nothing as empty', () => {
    expect(mergeMapGraphs([focus])).toBe(focus);
    expect(mergeMapGraphs([])).toBe(EMPTY_MAP_GRAPH);
  });
});
