import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Derived } from '../../domain/contract-dates.ts';
import {
  neighbourhood,
  type GraphSlice,
  type NeighbourhoodDirection,
} from '../../analysis/neighbourhood.ts';
import { searchEntities } from '../../analysis/search-index.ts';
import { whoUses, type WhoUsesResult } from '../../analysis/who-uses.ts';
import type { Lifecycle, PersonalDataLevel } from '../../model/model-types.ts';
import type { ApiContext } from '../context.ts';
import { kindOf, labelOfKind } from '../create-schema.ts';
import type { AnalysisModule } from './analysis-module.ts';

const typeDefs = /* GraphQL */ `
  "Which relationships a neighbourhood follows, seen from the node being expanded."
  enum Direction {
    OUT
    IN
    BOTH
  }

  """
  What a neighbourhood shows. A node failing municipalityId, lifecycles, supplierIds or
  personalData is left out and not traversed; a node whose kind is not in kinds is hidden but
  traversed, and the shown nodes it joins get a VIA_HIDDEN edge. Start nodes are always shown.
  """
  input NeighbourhoodFilters {
    "Shared nodes plus this municipality's local nodes."
    municipalityId: ID
    "Usages with one of these lifecycles (other kinds are not affected)."
    lifecycles: [Lifecycle!]
    "Contracts from these suppliers, and usages covered by such a contract or having one as main contract."
    supplierIds: [ID!]
    "Usages whose personal-data level is this or higher (usages without one are left out)."
    personalData: PersonalDataLevel
    "Kinds to show; the others are traversed but hidden."
    kinds: [EntityKind!]
  }

  "A node of a neighbourhood, ready to draw."
  type SliceNode {
    id: ID!
    kind: EntityKind!
    "Display name: a usage's local name or its system's name, a KLE task's number and title."
    name: String!
    municipalityId: ID
    "Shown hops from the nearest start (hidden intermediates do not count)."
    depth: Int!
    isStart: Boolean!
    "Organization, Task, DataType or ArchitectureComponent: shown as a leaf, never passed through."
    hub: Boolean!
    "A usage's lifecycle."
    lifecycle: Lifecycle
    "Followed relationships from this node to nodes not in the slice."
    hiddenNeighbours: Int!
    entity: Entity!
  }

  "A relationship between slice nodes, or a VIA_HIDDEN path through hidden nodes."
  type SliceEdge {
    "type:source:target, stable across requests."
    id: ID!
    source: ID!
    target: ID!
    "A relationship type, or VIA_HIDDEN."
    type: String!
    "False for a via edge whose path has no direction (it crosses no relation)."
    directed: Boolean!
    "A via edge's hidden intermediates from source to target; null for a relationship."
    via: [ID!]
    viaKinds: [EntityKind!]
  }

  "Nodes of one kind left out of a slice."
  type HiddenKindCount {
    kind: EntityKind!
    byMaxNodes: Int!
    byFilters: Int!
    byKinds: Int!
  }

  "What a slice leaves out: distinct nodes met while expanding, and via edges over the cap."
  type HiddenCounts {
    "Nodes that did not fit in maxNodes."
    byMaxNodes: Int!
    "Nodes left out by the municipality, lifecycle, supplier or personal-data filters."
    byFilters: Int!
    "Nodes of hidden kinds the traversal passed through."
    byKinds: Int!
    "Via edges dropped over the cap of 4 per allowed node."
    viaEdges: Int!
    perKind: [HiddenKindCount!]!
  }

  "A slice of the graph around some start nodes."
  type GraphSlice {
    nodes: [SliceNode!]!
    edges: [SliceEdge!]!
    "True when maxNodes left nodes out."
    truncated: Boolean!
    "True when the search for via edges ran out of budget; some may be missing."
    viaSearchLimited: Boolean!
    hidden: HiddenCounts!
  }

  "One entity found by search."
  type SearchHit {
    id: ID!
    entity: Entity!
    kind: EntityKind!
    name: String!
    municipalityId: ID
    "id, name, localName, systemName, title, number or contractNumber."
    matchedOn: String!
  }

  "The best hits and how many entities matched in all."
  type SearchResult {
    total: Int!
    hits: [SearchHit!]!
  }

  "A derived contract date: its value, or why it is unknown."
  type WhoUsesDate {
    known: Boolean!
    value: Date
    "Why the date is unknown."
    reason: String
    "An assumption the derivation made."
    note: String
  }

  enum WhoUsesContractRole {
    MAIN
    COVERING
  }

  "The contract a whoUses row reports, with its dates at the as-of date."
  type WhoUsesContract {
    contractId: ID!
    contract: Contract!
    "MAIN: the usage's main contract; COVERING: the covering contract ending last."
    role: WhoUsesContractRole!
    plannedEnd: WhoUsesDate!
    decideBy: WhoUsesDate!
    decideByPassed: Boolean
  }

  "One municipality's usage of the system."
  type WhoUsesRow {
    municipalityId: ID!
    municipalityName: String!
    municipality: Organization
    usageId: ID!
    usage: Usage!
    lifecycle: Lifecycle
    "Suppliers of the main contract, else of the covering contracts; by name."
    suppliers: [Organization!]!
    contract: WhoUsesContract
  }

  type WhoUsesLifecycleCount {
    "Empty for usages without a lifecycle."
    lifecycle: Lifecycle
    count: Int!
  }

  "Every municipality using one catalogue system."
  type WhoUses {
    system: System!
    asOf: Date!
    "By municipality name (Danish collation)."
    rows: [WhoUsesRow!]!
    municipalityCount: Int!
    "Every lifecycle, zeros included, then usages without one if any."
    byLifecycle: [WhoUsesLifecycleCount!]!
  }

  extend type Query {
    """
    The graph around some nodes for the map: breadth-first over the relationship types and
    direction, never through Organization, Task, DataType or ArchitectureComponent nodes (a start
    node of those kinds is expanded). depth 1–4, maxNodes 1–5000.
    """
    neighbourhood(
      ids: [ID!]!
      depth: Int = 1
      relationshipTypes: [String!]
      direction: Direction = BOTH
      filters: NeighbourhoodFilters
      maxNodes: Int = 500
    ): GraphSlice!
    """
    Entities by name (Danish letters may be typed as ae, oe, aa or without accents), exact id,
    KLE number prefix or contract number; exact, prefix, word-prefix and substring matches in
    that order, shorter names first. A single letter matches word starts only. first 0–100.
    """
    search(text: String!, kinds: [EntityKind!], municipalityId: ID, first: Int = 20): SearchResult!
    "Every municipality using a catalogue system, with lifecycle, suppliers and contract dates."
    whoUses(systemId: ID!, asOf: Date!): WhoUses!
  }
`;

interface NeighbourhoodArguments {
  ids: string[];
  depth?: number | null;
  relationshipTypes?: string[] | null;
  direction?: NeighbourhoodDirection | null;
  filters?: {
    municipalityId?: string | null;
    lifecycles?: Lifecycle[] | null;
    supplierIds?: string[] | null;
    personalData?: PersonalDataLevel | null;
    kinds?: string[] | null;
  } | null;
  maxNodes?: number | null;
}

interface SearchArguments {
  text: string;
  kinds?: string[] | null;
  municipalityId?: string | null;
  first?: number | null;
}

function sliceForApi(slice: GraphSlice) {
  return {
    nodes: slice.nodes.map((node) => ({ ...node, kind: kindOf(node.label) })),
    edges: slice.edges.map((edge) =>
      edge.viaLabels ? { ...edge, viaKinds: edge.viaLabels.map(kindOf) } : edge,
    ),
    truncated: slice.truncated,
    viaSearchLimited: slice.viaSearchLimited,
    hidden: {
      ...slice.hidden,
      perKind: slice.hidden.perLabel.map(({ label, ...counts }) => ({
        kind: kindOf(label),
        ...counts,
      })),
    },
  };
}

function dateForApi(date: Derived<CalendarDate>) {
  return date.known
    ? { known: true, value: date.value, reason: null, note: date.note ?? null }
    : { known: false, value: null, reason: date.reason, note: null };
}

function whoUsesForApi(result: WhoUsesResult) {
  return {
    ...result,
    rows: result.rows.map((row) => ({
      ...row,
      contract: row.contract && {
        ...row.contract,
        plannedEnd: dateForApi(row.contract.plannedEnd),
        decideBy: dateForApi(row.contract.decideBy),
      },
    })),
  };
}

const entityById =
  (field: string) =>
  (parent: Readonly<Record<string, unknown>>, _: unknown, { index }: ApiContext) => {
    const id = parent[field];
    return typeof id === 'string' ? (index.get(id)?.record ?? null) : null;
  };

/** The map's queries: neighbourhood (graph slice), search and whoUses. */
export const mapModule: AnalysisModule = {
  typeDefs,
  resolvers: {
    Query: {
      neighbourhood: (_: unknown, args: NeighbourhoodArguments, { index }: ApiContext) => {
        const filters = args.filters ?? {};
        return sliceForApi(
          neighbourhood(index, {
            ids: args.ids,
            depth: args.depth ?? null,
            relationshipTypes: args.relationshipTypes ?? null,
            direction: args.direction ?? null,
            maxNodes: args.maxNodes ?? null,
            filters: {
              ...filters,
              kinds: filters.kinds ? filters.kinds.map(labelOfKind) : null,
            },
          }),
        );
      },
      search: (_: unknown, args: SearchArguments, { index }: ApiContext) => {
        const result = searchEntities(index, args.text, {
          kinds: args.kinds ? args.kinds.map(labelOfKind) : null,
          municipalityId: args.municipalityId ?? null,
          first: args.first ?? null,
        });
        return {
          total: result.total,
          hits: result.hits.map((hit) => ({ ...hit, kind: kindOf(hit.label) })),
        };
      },
      whoUses: (
        _: unknown,
        args: { systemId: string; asOf: CalendarDate },
        { index }: ApiContext,
      ) => whoUsesForApi(whoUses(index, args.systemId, args.asOf)),
    },
    SliceNode: { entity: entityById('id') },
    SearchHit: { entity: entityById('id') },
    WhoUses: { system: entityById('systemId') },
    WhoUsesRow: {
      municipality: entityById('municipalityId'),
      usage: entityById('usageId'),
      suppliers: (row: { supplierIds: readonly string[] }, _: unknown, { index }: ApiContext) =>
        row.supplierIds.flatMap((id: string) => index.get(id)?.record ?? []),
    },
    WhoUsesContract: { contract: entityById('contractId') },
  },
};
