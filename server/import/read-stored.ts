import { GRAPH_MODEL, type RelationshipFieldDef } from '../model/graph-model.ts';
import type { RelationshipRecord } from '../model/landscape.ts';
import type { RelationshipType } from '../model/model-types.ts';
import type { GraphStore, StoredNode } from '../store/graph-store.ts';
import type { StagedNode } from './staging.ts';

/**
 * Up to this many ids, nodes are read by id (`readNodes`, one query per label and batch);
 * beyond it, one pass over every stored node is cheaper: the `id IN $ids` filter scans each table
 * once per batch (measured on the embedded national store: 1,000 usage ids 0.2–0.45 s; every
 * node streamed 0.8–2 s).
 */
const READ_BY_ID_MAX = 2_000;
const ID_BATCH = 500;

/**
 * The stored nodes the import needs: those with the ids `wanted()` lists (any label), read by id
 * when there are few, else every stored node in one pass (then all of them are returned, which
 * spares building the id set of a large import). `upperBound` bounds how many ids there are.
 */
export async function readStoredNodes(
  store: GraphStore,
  wanted: () => ReadonlySet<string>,
  upperBound: number,
): Promise<Map<string, StoredNode>> {
  const found = new Map<string, StoredNode>();
  if (upperBound === 0) return found;
  if (upperBound <= READ_BY_ID_MAX) {
    const list = [...wanted()];
    for (let i = 0; i < list.length; i += ID_BATCH) {
      for (const node of await store.readNodes(list.slice(i, i + ID_BATCH))) {
        found.set(node.properties.id, node);
      }
    }
    return found;
  }
  for await (const { label, nodes } of store.streamNodes()) {
    for (const properties of nodes) found.set(properties.id, { label, properties });
  }
  return found;
}

/** `TYPE>FromLabel>ToLabel`: the same key for a relationship and for the field that owns it. */
export function relationshipKey(type: string, from: string, to: string): string {
  return `${type}>${from}>${to}`;
}

const FIELD_KEYS = new WeakMap<
  readonly RelationshipFieldDef[],
  { out: Set<string>; in: Set<string> }
>();

function fieldKeys(fields: readonly RelationshipFieldDef[]): { out: Set<string>; in: Set<string> } {
  let keys = FIELD_KEYS.get(fields);
  if (!keys) {
    keys = { out: new Set(), in: new Set() };
    for (const f of fields) {
      if (f.direction === 'OUT') keys.out.add(relationshipKey(f.type, f.owner, f.target));
      else keys.in.add(relationshipKey(f.type, f.target, f.owner));
    }
    FIELD_KEYS.set(fields, keys);
  }
  return keys;
}

/** Stored relationships of owned fields, listed under each staged record that owns them. */
export interface OwnedRelationships {
  readonly byOwner: ReadonlyMap<StagedNode, readonly TypedRelationship[]>;
  /** Each owned stored relationship once. */
  readonly all: readonly TypedRelationship[];
}

/** A stored relationship with its type and the staged records that own it. */
export interface TypedRelationship {
  readonly type: RelationshipType;
  readonly record: RelationshipRecord;
  readonly owners: readonly StagedNode[];
}

/**
 * The stored relationships that belong to fields the import states completely for a record
 * (see StagedNode.ownedFields): the import replaces exactly these. One pass over the stored
 * relationships of the types involved.
 */
export async function readOwnedRelationships(
  store: GraphStore,
  owners: ReadonlyMap<string, StagedNode>,
): Promise<OwnedRelationships> {
  const byOwner = new Map<StagedNode, TypedRelationship[]>();
  const all: TypedRelationship[] = [];
  const types = new Set<string>();
  for (const owner of owners.values()) for (const f of owner.ownedFields) types.add(f.type);
  if (owners.size === 0 || types.size === 0) return { byOwner, all };
  const add = (owner: StagedNode, typed: TypedRelationship) => {
    const list = byOwner.get(owner);
    if (list) list.push(typed);
    else byOwner.set(owner, [typed]);
  };
  // Whether a record's owned fields include a relationship key, cached per field list (records
  // of one file share theirs) so that a national re-import does not rebuild keys per edge.
  const owns = new Map<
    readonly RelationshipFieldDef[],
    Map<string, { out: boolean; in: boolean }>
  >();
  const ownership = (node: StagedNode, key: string) => {
    let byKey = owns.get(node.ownedFields);
    if (!byKey)
      owns.set(node.ownedFields, (byKey = new Map<string, { out: boolean; in: boolean }>()));
    let result = byKey.get(key);
    if (!result) {
      const keys = fieldKeys(node.ownedFields);
      byKey.set(key, (result = { out: keys.out.has(key), in: keys.in.has(key) }));
    }
    return result;
  };
  // Batches come type by type: once every type involved has gone by, the rest are not read.
  const pairsLeft = new Map<string, number>();
  for (const rel of GRAPH_MODEL.relationshipTypes) {
    if (types.has(rel.name)) pairsLeft.set(rel.name, rel.pairs.length);
  }
  for await (const { type, relationships } of store.streamRelationships()) {
    const left = pairsLeft.get(type);
    if (left === undefined) continue;
    if (left <= 1) pairsLeft.delete(type);
    else pairsLeft.set(type, left - 1);
    if (relationships.length > 0) collect(type, relationships);
    if (pairsLeft.size === 0) break;
  }
  return { byOwner, all };

  function collect(type: RelationshipType, relationships: readonly RelationshipRecord[]): void {
    // A batch joins one label pair.
    const { fromLabel, toLabel } = relationships[0]!;
    const key = relationshipKey(type, fromLabel, toLabel);
    for (const record of relationships) {
      const from = owners.get(record.from);
      const to = owners.get(record.to);
      const byFrom = from !== undefined && from.label === fromLabel && ownership(from, key).out;
      const byTo = to !== undefined && to.label === toLabel && ownership(to, key).in;
      if (!byFrom && !byTo) continue;
      const typed = {
        type,
        record,
        owners: byFrom && byTo ? [from, to] : byFrom ? [from] : [to!],
      };
      for (const owner of typed.owners) add(owner, typed);
      all.push(typed);
    }
  }
}
