import { EDGE_TERMS, KIND_TERMS, termOf } from '../../domain/terms.ts';
import type { Grouping } from '../../state/url-state.ts';
import {
  classOf,
  shortLabel,
  type GraphEdge,
  type GraphElements,
  type GraphNode,
} from '../elements.ts';
import type { MapEdge, MapGraph, MapNode } from '../map-graph.ts';

/** Names for group nodes: municipality and KLE main group names the slice does not carry. */
export interface GroupNames {
  readonly municipalities: ReadonlyMap<string, string>;
  /** KLE main-group number → title. */
  readonly kleMainGroups: ReadonlyMap<string, string>;
}

export const NO_GROUP_NAMES: GroupNames = { municipalities: new Map(), kleMainGroups: new Map() };

export const GROUP_PREFIX = 'group:';

/** The group a node falls in under a grouping (id and display name), or null for none. */
export function groupOf(
  node: MapNode,
  grouping: Grouping,
  names: GroupNames = NO_GROUP_NAMES,
): { id: string; name: string } | null {
  const group = (key: string, name: string) => ({ id: `${GROUP_PREFIX}${grouping}:${key}`, name });
  switch (grouping) {
    case 'municipality': {
      const id =
        node.municipalityId ?? (node.facets.organizationKind === 'MUNICIPALITY' ? node.id : null);
      if (!id) return null;
      const name = names.municipalities.get(id) ?? (id === node.id ? node.name : id);
      return group(id, name);
    }
    case 'orgUnit':
      return node.facets.orgUnit ? group(node.facets.orgUnit.id, node.facets.orgUnit.name) : null;
    case 'supplier': {
      if (node.facets.supplier) return group(node.facets.supplier.id, node.facets.supplier.name);
      return node.facets.organizationKind === 'SUPPLIER' ? group(node.id, node.name) : null;
    }
    case 'kle': {
      const number = node.facets.kleMainGroups[0];
      if (!number) return null;
      const title = names.kleMainGroups.get(number);
      return group(number, title ? `KLE ${number} ${title}` : `KLE ${number}`);
    }
    default:
      return null;
  }
}

function nodeLabel(node: MapNode): string {
  const name = shortLabel(node.name);
  return node.hiddenNeighbours > 0 ? `${name}\n+${node.hiddenNeighbours}` : name;
}

function edgeLabel(edge: MapEdge): string {
  if (edge.type !== 'VIA_HIDDEN') return EDGE_TERMS[edge.type];
  const kinds = [...new Set(edge.viaKinds)].map((k) =>
    termOf(
      Object.fromEntries(
        Object.entries(KIND_TERMS).map(([kind, t]) => [kind, t.one.toLowerCase()]),
      ),
      k,
    ),
  );
  return `via ${kinds.join(', ')}${edge.via.length > 1 ? ` (${edge.via.length})` : ''}`;
}

/**
 * The map's elements: nodes classed by kind, lifecycle and role (start, hub, hidden neighbours),
 * edges by relationship type with dashed `via` edges for paths through hidden nodes, and with a
 * grouping, compound group nodes holding their members.
 */
export function mapToElements(
  graph: MapGraph,
  grouping: Grouping = 'none',
  names: GroupNames = NO_GROUP_NAMES,
): GraphElements {
  const groups = new Map<string, { name: string; size: number }>();
  const nodes: GraphNode[] = graph.nodes.map((node) => {
    const group = grouping === 'none' ? null : groupOf(node, grouping, names);
    if (group) {
      const seen = groups.get(group.id);
      groups.set(group.id, { name: group.name, size: (seen?.size ?? 0) + 1 });
    }
    const classes = [classOf(node.kind)];
    if (node.isStart) classes.push('start');
    if (node.hub) classes.push('hub');
    if (node.lifecycle) classes.push(`lifecycle-${classOf(node.lifecycle)}`);
    if (node.hiddenNeighbours > 0) classes.push('has-hidden');
    return {
      group: 'nodes',
      data: {
        id: node.id,
        label: nodeLabel(node),
        kind: node.kind,
        name: node.name,
        layer: node.depth,
        hiddenNeighbours: node.hiddenNeighbours,
        ...(group ? { parent: group.id } : {}),
      },
      classes,
    };
  });
  const groupNodes: GraphNode[] = [...groups]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name, 'da'))
    .map(([id, { name, size }]) => ({
      group: 'nodes',
      data: { id, label: `${shortLabel(name, 40)} (${size})`, kind: 'GROUP', name, count: size },
      classes: ['group', `group-${classOf(grouping)}`],
    }));
  const edges: GraphEdge[] = graph.edges.map((edge) => {
    const classes = [classOf(edge.type)];
    if (edge.type === 'VIA_HIDDEN') classes.push('via');
    if (!edge.directed) classes.push('undirected');
    return {
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        label: edgeLabel(edge),
        // A relation points at the usage that uses it (FROM_USAGE); data flows the other way.
        flowReversed: edge.type === 'FROM_USAGE',
      },
      classes,
    };
  });
  return { nodes: [...groupNodes, ...nodes], edges };
}
