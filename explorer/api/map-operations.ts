import type {
  Criticality,
  Direction,
  EntityKind,
  Lifecycle,
  PersonalDataLevel,
} from '../domain/model.ts';
import { toEntityRef } from './entity-ref.ts';
import { queryGraphql } from './graphql-client.ts';
import { SEARCH_BY_NAME_QUERY, type SearchByNameData } from './operations.ts';

/**
 * The map's operations: search, the neighbourhood slice (with the few properties the map
 * groups and filters by, fetched in the same request), whoUses and KLE main-group titles.
 */

export const SEARCH_QUERY = /* GraphQL */ `
  query Search($text: String!, $kinds: [EntityKind!], $municipalityId: ID, $first: Int) {
    search(text: $text, kinds: $kinds, municipalityId: $municipalityId, first: $first) {
      total
      hits {
        id
        kind
        name
        municipalityId
        matchedOn
      }
    }
  }
`;
export interface SearchHit {
  id: string;
  kind: EntityKind;
  name: string;
  municipalityId: string | null;
  matchedOn: string;
}
export interface SearchData {
  search: { total: number; hits: SearchHit[] };
}

export const NEIGHBOURHOOD_QUERY = /* GraphQL */ `
  query Neighbourhood(
    $ids: [ID!]!
    $depth: Int
    $relationshipTypes: [String!]
    $direction: Direction
    $filters: NeighbourhoodFilters
    $maxNodes: Int
  ) {
    neighbourhood(
      ids: $ids
      depth: $depth
      relationshipTypes: $relationshipTypes
      direction: $direction
      filters: $filters
      maxNodes: $maxNodes
    ) {
      truncated
      viaSearchLimited
      hidden {
        byMaxNodes
        byFilters
        byKinds
        viaEdges
        perKind {
          kind
          byMaxNodes
          byFilters
          byKinds
        }
      }
      nodes {
        id
        kind
        name
        municipalityId
        depth
        isStart
        hub
        lifecycle
        hiddenNeighbours
        entity {
          __typename
          ... on Organization {
            orgKind: kind
          }
          ... on Usage {
            criticality
            businessCritical
            personalData
            responsibleUnit {
              id
              name
            }
            mainContract {
              supplier {
                id
                name
              }
            }
            system {
              tasks(first: 5) {
                number
              }
            }
          }
          ... on System {
            rightsHolder {
              id
              name
            }
            tasks(first: 5) {
              number
            }
          }
          ... on Contract {
            supplier {
              id
              name
            }
          }
          ... on Task {
            number
          }
        }
      }
      edges {
        id
        source
        target
        type
        directed
        via
        viaKinds
      }
    }
  }
`;

export interface NeighbourhoodVariables {
  ids: string[];
  depth: number;
  relationshipTypes: string[] | null;
  direction: Direction;
  filters: {
    municipalityId: string | null;
    lifecycles: Lifecycle[] | null;
    supplierIds: string[] | null;
    personalData: PersonalDataLevel | null;
    kinds: EntityKind[] | null;
  };
  maxNodes: number;
}

export interface RawSliceNode {
  id: string;
  kind: EntityKind;
  name: string;
  municipalityId: string | null;
  depth: number;
  isStart: boolean;
  hub: boolean;
  lifecycle: Lifecycle | null;
  hiddenNeighbours: number;
  entity: {
    __typename: string;
    orgKind?: string;
    criticality?: Criticality | null;
    businessCritical?: boolean | null;
    personalData?: PersonalDataLevel | null;
    responsibleUnit?: { id: string; name: string } | null;
    mainContract?: { supplier: { id: string; name: string } | null } | null;
    system?: { tasks: { number: string }[] } | null;
    rightsHolder?: { id: string; name: string } | null;
    tasks?: { number: string }[];
    supplier?: { id: string; name: string } | null;
    number?: string;
  } | null;
}

export interface RawSliceEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
  /** Null for a plain relationship. */
  via: string[] | null;
  viaKinds: EntityKind[] | null;
}

export interface HiddenCounts {
  byMaxNodes: number;
  byFilters: number;
  byKinds: number;
  viaEdges: number;
  perKind: { kind: EntityKind; byMaxNodes: number; byFilters: number; byKinds: number }[];
}

export interface RawGraphSlice {
  truncated: boolean;
  viaSearchLimited: boolean;
  hidden: HiddenCounts;
  nodes: RawSliceNode[];
  edges: RawSliceEdge[];
}
export interface NeighbourhoodData {
  neighbourhood: RawGraphSlice;
}

/**
 * The slices of a map view, fetched together: the focus's neighbourhood and each expanded
 * node's own. Each is bounded by maxNodes on the server.
 */
export async function fetchSlices(
  requests: readonly NeighbourhoodVariables[],
  signal?: AbortSignal,
): Promise<RawGraphSlice[]> {
  const answers = await Promise.all(
    requests.map((variables) =>
      queryGraphql<NeighbourhoodData>(NEIGHBOURHOOD_QUERY, { ...variables }, signal),
    ),
  );
  return answers.map((a) => a.neighbourhood);
}

export const WHO_USES_QUERY = /* GraphQL */ `
  query WhoUses($systemId: ID!, $asOf: Date!) {
    whoUses(systemId: $systemId, asOf: $asOf) {
      municipalityCount
      byLifecycle {
        lifecycle
        count
      }
      rows {
        municipalityId
        municipalityName
        usageId
        lifecycle
        suppliers {
          id
          name
        }
        contract {
          contractId
          contract {
            name
          }
          role
          plannedEnd {
            known
            value
            reason
          }
          decideBy {
            known
            value
            reason
          }
          decideByPassed
        }
      }
    }
  }
`;
export interface WhoUsesRow {
  municipalityId: string;
  municipalityName: string;
  usageId: string;
  lifecycle: Lifecycle | null;
  suppliers: { id: string; name: string }[];
  contract: {
    contractId: string;
    contract: { name: string } | null;
    role: 'MAIN' | 'COVERING';
    plannedEnd: { known: boolean; value: string | null; reason: string | null };
    decideBy: { known: boolean; value: string | null; reason: string | null };
    decideByPassed: boolean | null;
  } | null;
}
export interface WhoUsesData {
  whoUses: {
    municipalityCount: number;
    byLifecycle: { lifecycle: Lifecycle | null; count: number }[];
    rows: WhoUsesRow[];
  };
}

/** KLE main groups ("00" … "85") by number, through the number-prefix search. */
export function kleMainGroupsQuery(numbers: readonly string[]): string {
  const fields = numbers
    .filter((n) => /^\d{2}$/.test(n))
    .map((n) => `g${n}: search(text: "${n}", kinds: [TASK], first: 1) { hits { name } }`);
  return `query KleMainGroups { ${fields.join(' ')} }`;
}
export type KleMainGroupsData = Record<string, { hits: { name: string }[] }>;

/**
 * Searches with the server's ranked `search`; a server without it (older than the map API)
 * gets the plain name search instead, so the search box works against either.
 */
export async function searchEntities(
  text: string,
  options: { kinds?: EntityKind[] | null; municipalityId?: string | null; first?: number },
  signal?: AbortSignal,
): Promise<SearchData['search']> {
  const variables = {
    text,
    kinds: options.kinds && options.kinds.length > 0 ? options.kinds : null,
    municipalityId: options.municipalityId ?? null,
    first: options.first ?? 20,
  };
  try {
    return (await queryGraphql<SearchData>(SEARCH_QUERY, variables, signal)).search;
  } catch (error) {
    if (!(error instanceof Error) || !/Cannot query field "search"/.test(error.message))
      throw error;
    const data = await queryGraphql<SearchByNameData>(SEARCH_BY_NAME_QUERY, variables, signal);
    const hits = data.searchByName.map((raw) => {
      const ref = toEntityRef(raw);
      return { ...ref, matchedOn: 'name' };
    });
    return { total: hits.length, hits };
  }
}
