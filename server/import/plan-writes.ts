import type {
  Landscape,
  NodeRecord,
  PropertyValue,
  RelationshipRecord,
} from '../model/landscape.ts';
import { LABELS, type Label, type RelationshipType } from '../model/model-types.ts';
import type { StoredNode } from '../store/graph-store.ts';
import type { OwnedRelationships } from './read-stored.ts';
import type { ImportStaging, StagedEdge, StagedNode } from './staging.ts';

function same(
  typeA: RelationshipType,
  a: RelationshipRecord,
  typeB: RelationshipType,
  b: RelationshipRecord,
): boolean {
  return typeA === typeB && a.from === b.from && a.to === b.to;
}

/** What an import does to the records of one label. */
export interface LabelCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Records of the input that were not imported because of errors. */
  rejected: number;
}

/** The writes that bring the store to what the import says, and nothing else. */
export interface WritePlan {
  readonly counts: ReadonlyMap<Label, LabelCounts>;
  /** New and changed records, per label; unchanged ones are left out. */
  readonly nodes: ReadonlyMap<Label, NodeRecord[]>;
  readonly newRelationships: ReadonlyMap<RelationshipType, RelationshipRecord[]>;
  /** Stored relationships of fields the import states completely that it no longer has. */
  readonly staleRelationships: ReadonlyMap<RelationshipType, RelationshipRecord[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameValues(
  a: Readonly<Record<string, PropertyValue>>,
  b: Readonly<Record<string, PropertyValue>>,
): boolean {
  for (const key of Object.keys(a)) {
    if (a[key] !== (b[key] ?? null)) return false;
  }
  return true;
}

/** Ids of placeholders (stubs) that a valid record names, by relationship or as its owner. */
function stubsInUse(staging: ImportStaging): Set<string> {
  const used = new Set<string>();
  let stubs = false;
  for (const node of staging.nodes.values()) if (node.stub) stubs = true;
  if (!stubs) return used;
  for (const edge of staging.edges) {
    if (edge.owner.valid) used.add(edge.referenced === 'to' ? edge.to : edge.from);
  }
  for (const node of staging.nodes.values()) {
    if (!node.valid || node.stub) continue;
    if (node.municipality) used.add(node.municipality);
    if (typeof node.record.ownerId === 'string') used.add(node.record.ownerId);
  }
  return used;
}

/** Total records written by a plan. */
export function planSize(plan: WritePlan): { nodes: number; relationships: number } {
  let nodes = 0;
  let relationships = 0;
  for (const rows of plan.nodes.values()) nodes += rows.length;
  for (const rows of plan.newRelationships.values()) relationships += rows.length;
  for (const rows of plan.staleRelationships.values()) relationships += rows.length;
  return { nodes, relationships };
}

/**
 * Compares the valid staged records and relationships with what is stored: a record is created,
 * updated (a property differs) or unchanged; placeholders (stubs) are only ever created. A
 * relationship is new when not stored; a stored relationship of an owned field that the import
 * does not repeat is stale.
 */
export function planWrites(
  staging: ImportStaging,
  stored: ReadonlyMap<string, StoredNode>,
  ownedStored: OwnedRelationships,
): WritePlan {
  const counts = new Map<Label, LabelCounts>();
  const count = (label: Label) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { created: 0, updated: 0, unchanged: 0, rejected: 0 }));
    return c;
  };
  const nodes = new Map<Label, NodeRecord[]>();
  const referenced = stubsInUse(staging);
  for (const node of staging.nodes.values()) {
    const c = count(node.label);
    if (!node.valid) {
      if (!node.stub) c.rejected++;
      continue;
    }
    // A placeholder only rejected records named is not written (partial imports).
    if (node.stub && !referenced.has(node.id)) continue;
    const existing = stored.size > 0 ? stored.get(node.id) : undefined;
    if (!existing) {
      c.created++;
      push(nodes, node.label, node.record as NodeRecord);
      continue;
    }
    if (node.stub) {
      c.unchanged++;
      continue;
    }
    let record = node.record;
    if (node.keepStored) {
      record = { ...record };
      for (const key of node.keepStored) record[key] = existing.properties[key] ?? null;
    }
    if (sameValues(record, existing.properties)) {
      c.unchanged++;
    } else {
      c.updated++;
      push(nodes, node.label, record as NodeRecord);
    }
  }

  // Relationships are compared per owning record: a record new to the store has no stored
  // relationships, and staging states each (record, field) once with distinct ids, so its
  // relationships are new and distinct. Comparing short per-record lists instead of building
  // string keys for every relationship keeps national imports cheap.
  const stagedByOwner = new Map<StagedNode, StagedEdge[]>();
  const checkStored = ownedStored.byOwner.size > 0;
  const newRelationships = new Map<RelationshipType, RelationshipRecord[]>();
  for (const edge of staging.edges) {
    if (!edge.owner.valid) continue;
    const storedOfOwner = checkStored ? ownedStored.byOwner.get(edge.owner) : undefined;
    if (storedOfOwner) {
      const list = stagedByOwner.get(edge.owner);
      if (list) list.push(edge);
      else stagedByOwner.set(edge.owner, [edge]);
      if (storedOfOwner.some((r) => same(edge.type, edge, r.type, r.record))) continue;
    }
    // A staged edge is a RelationshipRecord already; not copying it saves ~800k objects nationally.
    push(newRelationships, edge.type, edge);
  }
  const staleRelationships = new Map<RelationshipType, RelationshipRecord[]>();
  for (const { type, record, owners } of ownedStored.all) {
    const stated = owners.some((owner) =>
      stagedByOwner.get(owner)?.some((e) => same(e.type, e, type, record)),
    );
    if (!stated) push(staleRelationships, type, record);
  }
  const ordered = new Map<Label, LabelCounts>();
  for (const label of LABELS) {
    const c = counts.get(label);
    if (c) ordered.set(label, c);
  }
  return { counts: ordered, nodes, newRelationships, staleRelationships };
}

/** The plan of an import into an empty store as a landscape for `GraphStore.bulkLoad`. */
export function planAsLandscape(plan: WritePlan): Landscape {
  return { nodes: plan.nodes, relationships: plan.newRelationships };
}
