import type { ComparisonResult } from '../../api/operations.ts';
import { shortLabel, type GraphEdge, type GraphElements, type GraphNode } from '../elements.ts';

/** Systems drawn per list; the table twin lists them all. */
export const MAX_SYSTEMS_PER_LIST = 60;

/** Distance between neighbouring systems in a cluster. */
const SPACING = 58;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The k-th point of a sunflower spiral: evenly spread, any count, no overlaps. */
function spiral(k: number, centre: { x: number; y: number }, offset = 0): { x: number; y: number } {
  const radius = SPACING * Math.sqrt(k + offset);
  const angle = k * GOLDEN_ANGLE;
  return {
    x: Math.round(centre.x + radius * Math.cos(angle)),
    y: Math.round(centre.y + radius * Math.sin(angle)),
  };
}

/**
 * The difference between municipalities as a graph with its layout precomputed: the systems every
 * compared municipality uses in the middle, each municipality on a ring around them with the
 * systems only it uses clustered behind it. Systems used by some but not all are left to the
 * tables. `cut` counts the systems beyond `maxPerList` that only the tables show.
 */
export function comparisonToElements(
  comparison: ComparisonResult,
  maxPerList = MAX_SYSTEMS_PER_LIST,
): GraphElements & { readonly cut: number } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let cut = 0;
  const names = new Map(comparison.municipalities.map((m) => [m.id, m.name]));
  const shared = comparison.systems.shared.slice(0, maxPerList);
  cut += comparison.systems.sharedCount - shared.length;
  const own = new Map(
    comparison.systems.perMunicipality.map((m) => {
      cut += m.onlyHereCount - Math.min(m.onlyHere.length, maxPerList);
      return [m.municipalityId, m.onlyHere.slice(0, maxPerList)];
    }),
  );
  const sharedRadius = SPACING * Math.sqrt(shared.length + 1);
  const ownRadius = SPACING * Math.sqrt(Math.max(1, ...[...own.values()].map((l) => l.length)) + 1);
  const ring = sharedRadius + ownRadius + 140;
  const count = comparison.municipalityIds.length;

  shared.forEach((system, k) => {
    nodes.push({
      group: 'nodes',
      data: {
        id: `shared:${system.id}`,
        entityId: system.id,
        kind: 'SYSTEM',
        name: system.name,
        label: shortLabel(system.name, 22),
        layer: 0,
      },
      classes: ['system', 'shared'],
      position: spiral(k, { x: 0, y: 0 }, 0.5),
    });
  });
  comparison.municipalityIds.forEach((id, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / count;
    const at = { x: Math.round(ring * Math.cos(angle)), y: Math.round(ring * Math.sin(angle)) };
    const name = names.get(id) ?? id;
    nodes.push({
      group: 'nodes',
      data: { id, kind: 'ORGANIZATION', name, label: name, layer: 1 },
      classes: ['organization', 'municipality'],
      position: {
        x: Math.round(((ring - ownRadius - 60) / ring) * at.x),
        y: Math.round(((ring - ownRadius - 60) / ring) * at.y),
      },
    });
    for (const system of shared) {
      edges.push({
        group: 'edges',
        data: {
          id: `uses:${id}:shared:${system.id}`,
          source: id,
          target: `shared:${system.id}`,
          type: 'IN_MUNICIPALITY',
          label: 'anvender',
        },
        classes: ['in-municipality', 'undirected', 'shared-link'],
      });
    }
    (own.get(id) ?? []).forEach((system, k) => {
      const nodeId = `only:${id}:${system.id}`;
      nodes.push({
        group: 'nodes',
        data: {
          id: nodeId,
          entityId: system.id,
          kind: 'SYSTEM',
          name: system.name,
          label: shortLabel(system.name, 22),
          layer: 2,
        },
        classes: ['system', 'unique'],
        position: spiral(k, at, 0.5),
      });
      edges.push({
        group: 'edges',
        data: {
          id: `uses:${id}:${nodeId}`,
          source: id,
          target: nodeId,
          type: 'IN_MUNICIPALITY',
          label: 'anvender',
        },
        classes: ['in-municipality', 'undirected'],
      });
    });
  });
  return { nodes, edges, cut };
}
