import type { GraphEdge, GraphElements, GraphNode } from '../elements.ts';

/**
 * Collapses compound groups: a collapsed group hides its members and stands in for them, and
 * every edge that touched a member is redrawn to the group. Edges that end up between the same
 * pair are merged into one AGGREGATE edge labelled with how many it stands for; edges inside a
 * collapsed group disappear into it and are counted on the group's label, so nothing is dropped
 * without a number.
 */
export function collapseGroups(
  elements: GraphElements,
  collapsed: readonly string[],
): GraphElements {
  const groupIds = new Set(
    elements.nodes.filter((n) => n.data.kind === 'GROUP').map((n) => n.data.id),
  );
  const closed = new Set(collapsed.filter((id) => groupIds.has(id)));
  if (closed.size === 0) return elements;

  const standIn = new Map<string, string>();
  const members = new Map<string, number>();
  for (const node of elements.nodes) {
    const parent = node.data.parent;
    if (parent && closed.has(parent)) {
      standIn.set(node.data.id, parent);
      members.set(parent, (members.get(parent) ?? 0) + 1);
    }
  }
  const inner = new Map<string, number>();
  const merged = new Map<string, GraphEdge & { count: number }>();
  const edges: GraphEdge[] = [];
  for (const edge of elements.edges) {
    const source = standIn.get(edge.data.source) ?? edge.data.source;
    const target = standIn.get(edge.data.target) ?? edge.data.target;
    if (source === edge.data.source && target === edge.data.target) {
      edges.push(edge);
      continue;
    }
    if (source === target) {
      inner.set(source, (inner.get(source) ?? 0) + 1);
      continue;
    }
    const key = `${source}→${target}`;
    const seen = merged.get(key);
    if (seen) seen.count++;
    else
      merged.set(key, {
        group: 'edges',
        data: { ...edge.data, id: `aggregate:${key}`, source, target },
        classes: [...edge.classes],
        count: 1,
      });
  }
  for (const edge of merged.values()) {
    const { count, ...element } = edge;
    edges.push(
      count === 1
        ? element
        : {
            group: 'edges',
            data: {
              ...element.data,
              type: 'AGGREGATE',
              label: `${count} forbindelser`,
              count,
            },
            classes: ['aggregate'],
          },
    );
  }
  const nodes: GraphNode[] = [];
  for (const node of elements.nodes) {
    if (standIn.has(node.data.id)) continue;
    if (closed.has(node.data.id)) {
      const count = members.get(node.data.id) ?? 0;
      const hiddenEdges = inner.get(node.data.id) ?? 0;
      const name = node.data.name;
      nodes.push({
        group: 'nodes',
        data: {
          ...node.data,
          label: `${name}\n${count} elementer${hiddenEdges ? `, ${hiddenEdges} interne forbindelser` : ''}`,
          count,
        },
        classes: [...node.classes, 'collapsed'],
      });
    } else nodes.push(node);
  }
  return { nodes, edges };
}
