import { ENTITY_KINDS } from '../domain/model.ts';
import type { GraphEdge, GraphElements, GraphNode } from './elements.ts';

/** A small deterministic PRNG (mulberry32), so every run measures the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A landscape-like graph of about `elements` nodes + edges (2 edges per 3 elements, as real
 * slices have), for measuring the first frame: a spanning tree, so it is connected, plus random
 * extra edges, nodes of every kind.
 */
export function syntheticElements(elements: number, seed = 1): GraphElements {
  const next = random(seed);
  const nodeCount = Math.max(1, Math.round(elements * 0.4));
  const edgeCount = Math.max(0, elements - nodeCount);
  const nodes: GraphNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = ENTITY_KINDS[Math.floor(next() * ENTITY_KINDS.length)]!;
    nodes.push({
      group: 'nodes',
      data: { id: `n${i}`, label: `Node ${i}`, kind, name: `Node ${i}`, layer: i === 0 ? 0 : 1 },
      classes: [kind.toLowerCase().replace(/_/g, '-')],
    });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < nodeCount && edges.length < edgeCount; i++) {
    const parent = Math.floor(next() * i);
    seen.add(`${parent}-${i}`);
    edges.push({
      group: 'edges',
      data: {
        id: `e${edges.length}`,
        source: `n${parent}`,
        target: `n${i}`,
        type: 'USES',
        label: '',
      },
      classes: ['uses'],
    });
  }
  while (edges.length < edgeCount && nodeCount > 1) {
    const a = Math.floor(next() * nodeCount);
    const b = Math.floor(next() * nodeCount);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    edges.push({
      group: 'edges',
      data: { id: `e${edges.length}`, source: `n${a}`, target: `n${b}`, type: 'USES', label: '' },
      classes: ['uses'],
    });
  }
  return { nodes, edges };
}
