import type { NodeRecord, PropertyValue } from '../model/landscape.ts';
import { RELATIONSHIP_TYPES } from '../model/model-types.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { planSize, type WritePlan } from './plan-writes.ts';

/**
 * A record with its numbers and booleans as text. Kùzu 0.11.3's Node binding types a list-of-
 * structs parameter from its first row, so a batch whose first row has a null int or boolean and a
 * later row a value fails ("Trying to a create a vector with ANY type"). Text is read back exactly
 * by the stores' value expressions (CAST … AS INT64/DOUBLE/BOOLEAN on Kùzu, toInteger/toFloat/
 * toBoolean on Neo4j), and a null-first text column binds fine.
 */
function bindableRecord(record: NodeRecord): NodeRecord {
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(record)) {
    const value = record[key] ?? null;
    out[key] = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }
  return out as NodeRecord;
}

/**
 * Writes a plan in ONE transaction: new and changed records, then stale relationships removed
 * and new ones created. A failure or a killed process leaves the store as it was; unchanged
 * records are not written, so an import of what is stored runs no transaction at all.
 */
export async function writePlanInTransaction(
  store: GraphStore,
  writes: WritePlan,
  progress: (message: string) => void = () => {},
): Promise<void> {
  const { nodes, newRelationships, staleRelationships } = writes;
  const size = planSize(writes);
  await store.transaction(async (writer) => {
    let done = 0;
    for (const [label, rows] of nodes) {
      progress(`writing ${rows.length} ${label} records (${done}/${size.nodes})`);
      await writer.upsertNodes(label, rows.map(bindableRecord));
      done += rows.length;
    }
    for (const type of RELATIONSHIP_TYPES) {
      const stale = staleRelationships.get(type);
      if (stale) await writer.deleteRelationships(type, stale);
      const fresh = newRelationships.get(type);
      if (fresh) {
        progress(`writing ${fresh.length} ${type} relationships`);
        await writer.upsertRelationships(type, fresh);
      }
    }
  });
}
