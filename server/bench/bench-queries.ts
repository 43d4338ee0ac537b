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
