import { RELATIONSHIP_TYPES } from '../model/model-types.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { planSize, type WritePlan } from './plan-writes.ts';

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
      await writer.upsertNodes(label, rows);
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
