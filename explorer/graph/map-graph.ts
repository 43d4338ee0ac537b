import type {
  Criticality,
  EdgeType,
  EntityKind,
  Lifecycle,
  PersonalDataLevel,
} from '../domain/model.ts';

/**
 * The map's graph before it becomes elements: the server's slice, normalised, with the few
 * properties the map groups and filters by.
 */

export interface NamedRef {
  readonly id: string;
  readonly name: string;
}

/** What the map groups and filters a node by; empty for kinds that lack the property. */
export interface NodeFacets {
  readonly criticality: Criticality | null;
  readonly businessCritical: boolean | null;
  readonly personalData: PersonalDataLevel | null;
  /** A usage's responsible unit. */
  readonly orgUnit: NamedRef | null;
  /** A contract's supplier, a usage's main-contract supplier, a system's rights holder. */
  readonly supplier: NamedRef | null;
  /** KLE main-group numbers ("27") of the tasks a system or usage supports, ascending. */
  readonly kleMainGroups: readonly string[];
  /** For an organisation: MUNICIPALITY, SUPPLIER, … */
  readonly organizationKind: string | null;
}

export const NO_FACETS: NodeFacets = {
  criticality: null,
  businessCritical: null,
  personalData: null,
  orgUnit: null,
  supplier: null,
  kleMainGroups: [],
  organizationKind: null,
};

export interface MapNode {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly municipalityId: string | null;
  /** Shown hops from the nearest start. */
  readonly depth: number;
  readonly isStart: boolean;
  readonly hub: boolean;
  readonly lifecycle: Lifecycle | null;
  /** Followed relationships to nodes not on the map. */
  readonly hiddenNeighbours: number;
  readonly facets: NodeFacets;
}

export interface MapEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
  readonly directed: boolean;
  /** Hidden intermediates of a VIA_HIDDEN edge, source to target. */
  readonly via: readonly string[];
  readonly viaKinds: readonly EntityKind[];
}

/** Everything left off the map, so nothing disappears silently. */
export interface HiddenSummary {
  /** Did not fit in maxNodes. */
  readonly byMaxNodes: number;
  /** Left out by the municipality, lifecycle, supplier or personal-data filters. */
  readonly byFilters: number;
  /** Of a kind that is not shown; their connections are drawn as dashed via edges. */
  readonly byKinds: number;
  /** Left out by the criticality filter (applied in the browser). */
  readonly byCriticality: number;
  /** Via edges over the server's cap. */
  readonly viaEdges: number;
}

export const NOTHING_HIDDEN: HiddenSummary = {
  byMaxNodes: 0,
  byFilters: 0,
  byKinds: 0,
  byCriticality: 0,
  viaEdges: 0,
};

export interface MapGraph {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  /** maxNodes cut the slice. */
  readonly truncated: boolean;
  /** The server's via search ran out of budget: some via edges may be missing. */
  readonly viaSearchLimited: boolean;
  readonly hidden: HiddenSummary;
}

export const EMPTY_MAP_GRAPH: MapGraph = {
  nodes: [],
  edges: [],
  truncated: false,
  viaSearchLimited: false,
  hidden: NOTHING_HIDDEN,
};
