import { describe, expect, it } from 'vitest';
import { layoutSpec } from '../graph/layouts.ts';
import { syntheticElements } from '../graph/synthetic-graph.ts';
import { computeLayout, type LayoutInput } from './compute-layout.ts';

function inputOf(elements: ReturnType<typeof syntheticElements>): LayoutInput {
  return {
    nodes: elements.nodes.map((n) => ({ id: n.data.id, layer: n.data.layer ?? 0 })),
    edges: elements.edges.map((e) => ({
      id: e.data.id,
      source: e.data.source,
      target: e.data.target,
    })),
  };
}

describe('computeLayout', () => {
  it.each(['force', 'hierarchy', 'concentric'] as const)(
    'positions every node with the %s layout',
    (name) => {
      const elements = syntheticElements(300);
      const { positions } = computeLayout(inputOf(elements), layoutSpec(name, elements));
      expect(Object.keys(positions)).toHaveLength(elements.nodes.length);
      expect(
        Object.values(positions).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
      ).toBe(true);
    },
  );

  it('lays a hierarchy out top-down, turning relations that point at their user around', () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'use-portal', layer: 0 },
        { id: 'rel-portal-esdh', layer: 1 },
        { id: 'use-esdh', layer: 2 },
      ],
      edges: [
        { id: 'from', source: 'rel-portal-esdh', target: 'use-portal', flowReversed: true },
        { id: 'to', source: 'rel-portal-esdh', target: 'use-esdh' },
      ],
    };
    const spec = {
      name: 'hierarchy' as const,
      elementCount: 5,
      roots: [],
      nodeCount: 3,
      widestLayer: 1,
      layers: 3,
    };
    const { positions } = computeLayout(input, spec);
    expect(positions['use-portal']!.y).toBeLessThan(positions['rel-portal-esdh']!.y);
    expect(positions['rel-portal-esdh']!.y).toBeLessThan(positions['use-esdh']!.y);
  });

  it('leaves group nodes to their members', () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'group:municipality:org-aarby' },
        { id: 'use-a', parent: 'group:municipality:org-aarby' },
        { id: 'use-b', parent: 'group:municipality:org-aarby' },
      ],
      edges: [{ id: 'e', source: 'use-a', target: 'use-b' }],
    };
    const spec = {
      name: 'force' as const,
      elementCount: 4,
      roots: [],
      nodeCount: 2,
      widestLayer: 2,
      layers: 1,
    };
    expect(Object.keys(computeLayout(input, spec).positions).sort()).toEqual(['use-a', 'use-b']);
  });

  it('lays out 5k elements in draft quality within a few seconds', () => {
    const elements = syntheticElements(5000);
    const { layoutMs } = computeLayout(inputOf(elements), layoutSpec('force', elements));
    expect(layoutMs).toBeLessThan(5000);
  });
});
