import type { GraphQLResolveInfo } from 'graphql';
import { BLAST_RADIUS_LISTS, type BlastRadiusList } from '../analysis/blast-radius.ts';
import { selectedFields } from './selected-fields.ts';

/**
 * The lists of a blast radius a query selects: only those are made (a month's org units and
 * tasks are many). An export calls the resolver without a query and gets every list; the
 * benchmark asks with its scenario's query, to measure in process what the server does for it.
 */
export function listsSelected(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> | undefined,
): Set<BlastRadiusList> | null {
  if (!info) return null;
  const fields = selectedFields(info);
  // endingSystems resolves the entities of endingSystemIds.
  if (fields.has('endingSystems')) fields.add('endingSystemIds');
  return new Set(BLAST_RADIUS_LISTS.filter((list) => fields.has(list)));
}
