import { toEntityRef, type EntityRef } from '../api/entity-ref.ts';
import { ENTITY_REFS_QUERY, type EntityRefsData } from '../api/operations.ts';
import { useGraphQuery } from './useGraphQuery.ts';

/** Names (and kinds) of entities known only by id, e.g. the ids a URL holds. */
export function useEntityRefs(ids: readonly string[]): ReadonlyMap<string, EntityRef> {
  const sorted = [...new Set(ids)].sort();
  const { data } = useGraphQuery<EntityRefsData>(
    ENTITY_REFS_QUERY,
    { ids: sorted },
    { skip: sorted.length === 0 },
  );
  const refs = new Map<string, EntityRef>();
  for (const raw of data?.entities ?? []) {
    const ref = toEntityRef(raw);
    refs.set(ref.id, ref);
  }
  return refs;
}
