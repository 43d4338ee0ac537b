import { Kind, parse, type FieldNode, type GraphQLResolveInfo } from 'graphql';

/**
 * The GraphQL operations the benchmark sends, one per scenario: what the explorer asks for when a
 * user focuses an entity, expands it, runs an impact analysis, compares or searches.
 */
export const BENCH_QUERIES = {
  pointRead: `query PointRead($id: ID!) {
    entity(id: $id) {
      id
      __typename
      ... on Usage { lifecycle personalData system { id name } }
      ... on System { name scope businessType }
      ... on Contract { name validTo noticeMonths supplier { id name } }
    }
  }`,
  neighbourhood: `query Neighbourhood($ids: [ID!]!, $depth: Int!, $maxNodes: Int!) {
    neighbourhood(ids: $ids, depth: $depth, maxNodes: $maxNodes) {
      truncated
      nodes { id kind name depth }
      edges { id source target type }
    }
  }`,
  blastRadius: `query Blast($input: BlastRadiusInput!) {
    blastRadius(input: $input) {
      totals { endingContracts hitUsages lostUsages degradedUsages dependentUsages }
      endingContracts { contractId dates { decideBy { known value } } }
      hitUsages { usageId status path }
      dependentUsages { usageId depth path }
    }
  }`,
  blastTotals: `query BlastTotals($input: BlastRadiusInput!) {
    blastRadius(input: $input) {
      totals { endingContracts hitUsages lostUsages degradedUsages dependentUsages }
    }
  }`,
  compare: `query Compare($ids: [ID!]!, $asOf: Date!) {
    compare(municipalityIds: $ids, asOf: $asOf) {
      systems { sharedCount unionCount jaccard pairs { jaccard } }
      mainGroups { number title jaccard }
      suppliers { sharedCount jaccard }
      integrationPatterns { sharedCount }
      sharedProcurement { totalCandidates }
    }
  }`,
  search: `query Search($text: String!) {
    search(text: $text, first: 20) { total hits { name kind } }
  }`,
} as const;

/**
 * A top-level field of one of these queries as a resolver would see it, for what depends on the
 * selection (which lists a blast radius makes).
 * @throws Error naming the field when the query's first operation does not select it.
 */
export function topLevelField(
  query: string,
  name: string,
): Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation?.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name,
  );
  if (!field) throw new Error(`The query does not select the field "${name}"`);
  return { fieldNodes: [field], fragments: {} };
}
