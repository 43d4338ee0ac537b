import { describe, expect, it } from 'vitest';
import { aMapEdge, aMapGraph, aMapNode } from '../../testing/map-fixtures.ts';
import { NO_FACETS } from '../map-graph.ts';
import { filterByCriticality, MAX_BRIDGES_PER_NODE } from './filter-by-criticality.ts';

const usage = (id: string, criticality: 'LOW' | 'HIGH' | null, isStart = false) =>
  aMapNode({ id, kind: 'USAGE', isStart, facets: { ...NO_FACETS, criticality } });

describe('filterByCriticality', () => {
  const graph = aMapGraph(
    [
      usage('use-esdh', 'HIGH', true),
      usage('use-portal', 'LOW'),
      usage('use-bi', 'HIGH'),
      aMapNode({ id: 'sys-portal', kind: 'SYSTEM' }),
    ],
    [
      aMapEdge('FROM_USAGE', 'use-portal', 'use-esdh'),
      aMapEdge('TO_USAGE', 'use-bi', 'use-portal'),
      aMapEdge('INSTANCE_OF', 'use-portal', 'sys-portal'),
    ],
  );

  it('keeps everything without a choice', () => {
    expect(filterByCriticality(graph, [])).toBe(graph);
  });

  it('removes other usages but bridges their connections with via edges and counts them', () => {
    const filtered = filterByCriticality(graph, ['HIGH']);
    expect(filtered.nodes.map((n) => n.id)).toEqual(['use-esdh', 'use-bi', 'sys-portal']);
    expect(filtered.edges.map((e) => [e.type, e.source, e.target, e.via])).toEqual([
      ['VIA_HIDDEN', 'sys-portal', 'use-bi', ['use-portal']],
      ['VIA_HIDDEN', 'sys-portal', 'use-esdh', ['use-portal']],
      ['VIA_HIDDEN', 'use-bi', 'use-esdh', ['use-portal']],
    ]);
    expect(filtered.hidden.byCriticality).toBe(1);
  });

  it('never removes a start node, and counts bridges over the cap', () => {
    const neighbours = Array.from({ length: 6 }, (_, i) =>
      aMapNode({ id: `sys-${i}`, kind: 'SYSTEM' }),
    );
    const hub = aMapGraph(
      [usage('use-start', 'LOW', true), usage('use-hub', null), ...neighbours],
      neighbours.map((n) => aMapEdge('INSTANCE_OF', 'use-hub', n.id)),
    );
    const filtered = filterByCriticality(hub, ['HIGH']);
    expect(filtered.nodes.map((n) => n.id)).toContain('use-start');
    expect(filtered.edges).toHaveLength(MAX_BRIDGES_PER_NODE);
    expect(filtered.hidden.viaEdges).toBe(15 - MAX_BRIDGES_PER_NODE);
  });
});
