import { OUTGOING_TYPES, type GraphView } from '../analysis/graph-view.ts';
import type { Landscape, NodeRecord, RelationshipRecord } from '../model/landscape.ts';
import { LABELS, type Label, type RelationshipType } from '../model/model-types.ts';
import type { GraphStore } from '../store/graph-store.ts';

/**
 * The landscape a view of the in-memory index shows: what the server downloads, without reading
 * the store again, and with the viewer's view applied as in every analysis.
 */
export function landscapeOfView(view: GraphView): Landscape {
  const nodes = new Map<Label, NodeRecord[]>();
  const relationships = new Map<RelationshipType, RelationshipRecord[]>();
  for (const label of LABELS) {
    const records: NodeRecord[] = [];
    for (const node of view.nodesOf(label)) {
      records.push(view.recordAt(node));
      for (const type of OUTGOING_TYPES.get(label)!) {
        const targets = view.neighbours(node, type, 'OUT');
        if (targets.length === 0) continue;
        let list = relationships.get(type);
        if (!list) relationships.set(type, (list = []));
        for (const to of targets) {
          list.push({
            from: view.idAt(node),
            to: view.idAt(to),
            fromLabel: label,
            toLabel: view.labelAt(to),
          });
        }
      }
    }
    nodes.set(label, records);
  }
  return { nodes, relationships };
}

/** Reads a whole store into memory (the national landscape takes ~2 s on the embedded store). */
export async function readLandscape(store: GraphStore): Promise<Landscape> {
  const nodes = new Map<Label, NodeRecord[]>();
  for await (const batch of store.streamNodes()) {
    const list = nodes.get(batch.label) ?? [];
    list.push(...batch.nodes);
    nodes.set(batch.label, list);
  }
  const relationships = new Map<RelationshipType, RelationshipRecord[]>();
  for await (const batch of store.streamRelationships()) {
    const list = relationships.get(batch.type) ?? [];
    for (const r of batch.relationships) list.push(r);
    relationships.set(batch.type, list);
  }
  return { nodes, relationships };
}

/** The part of a landscape whose node ids are in `keep`, with the relationships among them. */
export function restrictLandscape(landscape: Landscape, keep: ReadonlySet<string>): Landscape {
  const nodes = new Map<Label, NodeRecord[]>();
  for (const [label, rows] of landscape.nodes) {
    const kept = rows.filter((r) => keep.has(r.id));
    if (kept.length > 0) nodes.set(label, kept);
  }
  const relationships = new Map<RelationshipType, RelationshipRecord[]>();
  for (const [type, rows] of landscape.relationships) {
    const kept = rows.filter((r) => keep.has(r.from) && keep.has(r.to));
    if (kept.length > 0) relationships.set(type, kept);
  }
  return { nodes, relationships };
}

/** Whether a landscape has a node with this id. */
export function hasNode(landscape: Landscape, id: string): boolean {
  for (const rows of landscape.nodes.values()) if (rows.some((r) => r.id === id)) return true;
  return false;
}

/**
 * One municipality's landscape, complete enough to import into an empty store: the municipality,
 * every record local to it, and everything those records point to, transitively (the systems they
 * use, with their interfaces, KLE tasks and rights holders; suppliers; and so on). Relationships
 * are those between kept records, so nothing of other municipalities comes along.
 */
export function sliceMunicipality(landscape: Landscape, municipalityId: string): Landscape {
  const out = new Map<string, string[]>();
  for (const rows of landscape.relationships.values()) {
    for (const r of rows) {
      const list = out.get(r.from);
      if (list) list.push(r.to);
      else out.set(r.from, [r.to]);
    }
  }
  const keep = new Set<string>([municipalityId]);
  const queue = [municipalityId];
  for (const rows of landscape.nodes.values()) {
    for (const r of rows) {
      if (r.municipalityId === municipalityId && !keep.has(r.id)) {
        keep.add(r.id);
        queue.push(r.id);
      }
    }
  }
  while (queue.length > 0) {
    for (const next of out.get(queue.pop()!) ?? []) {
      if (!keep.has(next)) {
        keep.add(next);
        queue.push(next);
      }
    }
  }
  return restrictLandscape(landscape, keep);
}

/** The neighbourhood of some records up to `depth` hops in either direction (a graph slice). */
export function sliceAround(
  landscape: Landscape,
  focus: readonly string[],
  depth: number,
): Landscape {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const rows of landscape.relationships.values()) {
    for (const r of rows) {
      link(r.from, r.to);
      link(r.to, r.from);
    }
  }
  const keep = new Set(focus);
  let frontier = [...focus];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (!keep.has(other)) {
          keep.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return restrictLandscape(landscape, keep);
}
