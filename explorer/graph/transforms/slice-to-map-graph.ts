import type { RawGraphSlice, RawSliceNode } from '../../api/map-operations.ts';
import { isEntityKind, RELATIONSHIP_TYPES, VIA_HIDDEN, type EdgeType } from '../../domain/model.ts';
import { NO_FACETS, type MapGraph, type MapNode, type NodeFacets } from '../map-graph.ts';

/** "27.24.00" → "27": the KLE main group a task number belongs to. */
export function kleMainGroupOf(number: string): string | null {
  const match = /^(\d{2})(\.|$)/.exec(number.trim());
  return match ? match[1]! : null;
}

function mainGroups(tasks: readonly { number: string }[] | undefined): string[] {
  const groups = new Set<string>();
  for (const task of tasks ?? []) {
    const group = kleMainGroupOf(task.number);
    if (group) groups.add(group);
  }
  return [...groups].sort();
}

/** The grouping and filtering properties of one slice node, from its `entity` selection. */
export function facetsOf(node: RawSliceNode): NodeFacets {
  const entity = node.entity;
  if (!entity) return NO_FACETS;
  switch (node.kind) {
    case 'USAGE':
      return {
        ...NO_FACETS,
        criticality: entity.criticality ?? null,
        businessCritical: entity.businessCritical ?? null,
        personalData: entity.personalData ?? null,
        orgUnit: entity.responsibleUnit ?? null,
        supplier: entity.mainContract?.supplier ?? null,
        kleMainGroups: mainGroups(entity.system?.tasks),
      };
    case 'SYSTEM':
      return {
        ...NO_FACETS,
        supplier: entity.rightsHolder ?? null,
        kleMainGroups: mainGroups(entity.tasks),
      };
    case 'CONTRACT':
      return { ...NO_FACETS, supplier: entity.supplier ?? null };
    case 'TASK':
      return {
        ...NO_FACETS,
        kleMainGroups: mainGroups(entity.number ? [{ number: entity.number }] : []),
      };
    case 'ORGANIZATION':
      return { ...NO_FACETS, organizationKind: entity.orgKind ?? null };
    default:
      return NO_FACETS;
  }
}

const EDGE_TYPES: ReadonlySet<string> = new Set([...RELATIONSHIP_TYPES, VIA_HIDDEN]);

/**
 * Normalises one neighbourhood answer. Nodes of a kind this explorer does not know (a newer
 * server) are dropped together with their edges rather than drawn wrongly, and counted as hidden.
 */
export function sliceToMapGraph(slice: RawGraphSlice): MapGraph {
  const nodes: MapNode[] = [];
  for (const node of slice.nodes) {
    if (!isEntityKind(node.kind)) continue;
    nodes.push({
      id: node.id,
      kind: node.kind,
      name: node.name,
      municipalityId: node.municipalityId,
      depth: node.depth,
      isStart: node.isStart,
      hub: node.hub,
      lifecycle: node.lifecycle,
      hiddenNeighbours: node.hiddenNeighbours,
      facets: facetsOf(node),
    });
  }
  const ids = new Set(nodes.map((n) => n.id));
  const edges = slice.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target) && EDGE_TYPES.has(e.type))
    .map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type as EdgeType,
      directed: e.directed,
      via: e.via ?? [],
      viaKinds: e.viaKinds ?? [],
    }));
  return {
    nodes,
    edges,
    truncated: slice.truncated,
    viaSearchLimited: slice.viaSearchLimited,
    hidden: {
      byMaxNodes: slice.hidden.byMaxNodes,
      byFilters: slice.hidden.byFilters,
      byKinds: slice.hidden.byKinds + (slice.nodes.length - nodes.length),
      byCriticality: 0,
      viaEdges: slice.hidden.viaEdges,
    },
  };
}
