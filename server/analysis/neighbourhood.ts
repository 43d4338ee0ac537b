import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { GRAPH_MODEL } from '../model/graph-model.ts';
import {
  LABELS,
  LIFECYCLE_VALUES,
  LOCAL_LABELS,
  PERSONAL_DATA_LEVEL_VALUES,
  RELATIONSHIP_TYPES,
  type Label,
  type Lifecycle,
  type PersonalDataLevel,
  type RelationshipType,
} from '../model/model-types.ts';
import type { Direction, GraphIndex } from './graph-index.ts';
import { baseOf, type GraphView } from './graph-view.ts';
import {
  HUB_LABELS,
  contractsCoveringUsage,
  mainContractOfUsage,
  municipalityIdOf,
  supplierOfContract,
} from './graph-queries.ts';
import { entityName } from './search-index.ts';

/** Which relationships a neighbourhood follows, seen from the node being expanded. */
export const NEIGHBOURHOOD_DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
export type NeighbourhoodDirection = (typeof NEIGHBOURHOOD_DIRECTIONS)[number];

/** Deepest neighbourhood (in shown hops). */
export const MAX_NEIGHBOURHOOD_DEPTH = 4;
/** Nodes a slice holds when `maxNodes` is not given. */
export const DEFAULT_SLICE_NODES = 500;
/** Largest `maxNodes`. */
export const MAX_SLICE_NODES = 5000;
/** Most start ids in one request. */
export const MAX_START_IDS = 100;
/** Most kind-hidden nodes in a row between two shown nodes. */
export const MAX_HIDDEN_RUN = 3;
/** Most kind-hidden nodes expanded in one request; beyond it the via search stops. */
export const HIDDEN_VISIT_BUDGET = 20_000;
/** Most kind-hidden nodes expanded from one shown node. */
export const HIDDEN_VISITS_PER_STEP = 5_000;
/** Via edges kept per allowed node (`maxNodes` × this). */
export const VIA_EDGES_PER_NODE = 4;
/** The type of an edge that stands for a path through kind-hidden nodes. */
export const VIA_HIDDEN = 'VIA_HIDDEN';

/**
 * What to show. A node failing `municipalityId`, `lifecycles`, `supplierIds` or `personalData`
 * is left out and not traversed; a node whose label is not in `kinds` is not shown but is
 * traversed, and the shown nodes it connects get a {@link VIA_HIDDEN} edge. Start nodes are always
 * shown.
 */
export interface NeighbourhoodFilters {
  /** Keep shared nodes and this municipality's local nodes (an Organization id). */
  readonly municipalityId?: string | null;
  /** Keep usages with one of these lifecycles (other labels are not affected). */
  readonly lifecycles?: readonly Lifecycle[] | null;
  /**
   * Keep contracts supplied by one of these organisations, and usages covered by such a contract
   * or having one as main contract (other labels are not affected).
   */
  readonly supplierIds?: readonly string[] | null;
  /** Keep usages whose personal-data level is this or higher (a usage without one fails). */
  readonly personalData?: PersonalDataLevel | null;
  /** Labels to show; the others are traversed but hidden. @default every label */
  readonly kinds?: readonly Label[] | null;
}

/** Arguments of {@link neighbourhood}. */
export interface NeighbourhoodRequest {
  /** Start node ids (1–{@link MAX_START_IDS}). */
  readonly ids: readonly string[];
  /** Shown hops from the starts, 1–{@link MAX_NEIGHBOURHOOD_DEPTH}. @default 1 */
  readonly depth?: number | null;
  /** Relationship types to follow (names from RELATIONSHIP_TYPES). @default every type */
  readonly relationshipTypes?: readonly string[] | null;
  /** @default 'BOTH' */
  readonly direction?: NeighbourhoodDirection | null;
  readonly filters?: NeighbourhoodFilters | null;
  /** Most nodes in the slice, starts included, 1–{@link MAX_SLICE_NODES}. @default 500 */
  readonly maxNodes?: number | null;
}

/** A node of the slice, ready to draw. */
export interface SliceNode {
  readonly id: string;
  readonly label: Label;
  /** Display name (see entityName). */
  readonly name: string;
  readonly municipalityId: string | null;
  /** Shown hops from the nearest start (0 for a start). */
  readonly depth: number;
  readonly isStart: boolean;
  /** A hub label (Organization, Task, DataType, ArchitectureComponent): shown, not expanded. */
  readonly hub: boolean;
  /** A usage's lifecycle; null for other labels. */
  readonly lifecycle: Lifecycle | null;
  /**
   * Relationships of the followed types and direction from this node to nodes not in the slice,
   * so the UI can offer "n hidden".
   */
  readonly hiddenNeighbours: number;
}

/** An edge of the slice: a relationship, or a {@link VIA_HIDDEN} path through hidden nodes. */
export interface SliceEdge {
  /** `type:source:target`, stable across requests. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: RelationshipType | typeof VIA_HIDDEN;
  /** False for a via edge whose path has no direction (see neighbourhood); then source < target. */
  readonly directed: boolean;
  /** A via edge's hidden intermediates, from source to target (absent on a relationship). */
  readonly via?: readonly string[];
  /** Labels of `via`, position by position. */
  readonly viaLabels?: readonly Label[];
}

/** Nodes left out, per label. */
export interface HiddenLabelCount {
  readonly label: Label;
  readonly byMaxNodes: number;
  readonly byFilters: number;
  readonly byKinds: number;
}

/**
 * What the slice leaves out: distinct nodes met while expanding the layers (the neighbours of the
 * last, unexpanded layer are not counted; `hiddenNeighbours` covers them), and via edges over the
 * cap.
 */
export interface HiddenCounts {
  /** Nodes that would have been shown but did not fit in `maxNodes`. */
  readonly byMaxNodes: number;
  /** Nodes left out by the municipality, lifecycle, supplier or personal-data filters. */
  readonly byFilters: number;
  /** Nodes of labels not in `kinds` that the traversal passed through (not shown). */
  readonly byKinds: number;
  /** Via edges dropped over the cap of `maxNodes` × {@link VIA_EDGES_PER_NODE}. */
  readonly viaEdges: number;
  readonly perLabel: readonly HiddenLabelCount[];
}

/** A slice of the graph around some start nodes. */
export interface GraphSlice {
  readonly nodes: readonly SliceNode[];
  /** Every followed-type relationship between slice nodes, then via edges. */
  readonly edges: readonly SliceEdge[];
  /** True when `maxNodes` left nodes out (traversal then stops after that layer). */
  readonly truncated: boolean;
  /** True when the via search hit {@link HIDDEN_VISIT_BUDGET}; via edges may be missing. */
  readonly viaSearchLimited: boolean;
  readonly hidden: HiddenCounts;
}

/** One way out of a node: a relationship type followed in one direction. */
interface Hop {
  /** Position in ALL_HOPS. */
  readonly id: number;
  readonly type: RelationshipType;
  readonly direction: Direction;
  /** Labels the model allows at the other end. */
  readonly targets: readonly Label[];
}

interface Plan {
  readonly starts: readonly number[];
  readonly depth: number;
  readonly maxNodes: number;
  /** Per label, the hops the request follows from a node of that label. */
  readonly hops: ReadonlyMap<Label, readonly Hop[]>;
  /**
   * With a kinds filter: per label and number of hidden nodes already on the path (0 at the shown
   * node a step starts from), the hops that can still end at a shown label within
   * MAX_HIDDEN_RUN hidden nodes. Pruning by label this way never changes the answer.
   */
  readonly usefulHops: ReadonlyMap<Label, readonly (readonly Hop[])[]> | null;
  /** With a kinds filter: per hidden label, the fewest hidden nodes from it to a shown label. */
  readonly hiddenNeed: ReadonlyMap<Label, number> | null;
  /** Per label, the followed types whose relationships start at that label. */
  readonly outTypes: ReadonlyMap<Label, readonly RelationshipType[]>;
  /** The directions followed: the request's, or both. */
  readonly directions: readonly Direction[];
  readonly kinds: ReadonlySet<Label> | null;
  readonly excluded: (node: number) => boolean;
}

/**
 * Per label, every (type, direction) the model allows at a node of that label. Asking the index
 * only for these, instead of every type both ways, is what keeps a hop cheap.
 */
const MODEL_HOPS: ReadonlyMap<Label, readonly Hop[]> = (() => {
  const targets = new Map<string, Label[]>();
  const add = (label: Label, type: string, direction: Direction, target: Label) => {
    const key = `${label} ${type} ${direction}`;
    targets.set(key, [...(targets.get(key) ?? []), target]);
  };
  for (const { name, pairs } of GRAPH_MODEL.relationshipTypes) {
    for (const { from, to } of pairs) {
      add(from as Label, name, 'OUT', to as Label);
      add(to as Label, name, 'IN', from as Label);
    }
  }
  const hops = new Map<Label, Hop[]>(LABELS.map((label) => [label, []]));
  let id = 0;
  for (const [key, labels] of targets) {
    const [label, type, direction] = key.split(' ') as [Label, RelationshipType, Direction];
    hops.get(label)!.push({ id: id++, type, direction, targets: labels });
  }
  return hops;
})();

/** Every model hop, by id. */
const ALL_HOPS: readonly Hop[] = [...MODEL_HOPS.values()].flat().sort((a, b) => a.id - b.id);

/**
 * The graph around `ids` for the map: breadth-first over the allowed relationship types and
 * direction, layer by layer.
 *
 * - **Hubs.** Traversal never passes through Organization, Task, DataType or
 *   ArchitectureComponent nodes: they appear as leaves next to the nodes that reach them and are
 *   not expanded. A start node that is a hub is expanded (its neighbours form layer 1, and they are
 *   expanded as usual).
 * - **Depth** counts shown nodes: a node is at depth d when the shortest chain of shown nodes from
 *   a start has d steps. Between two shown nodes a step may pass through up to
 *   {@link MAX_HIDDEN_RUN} nodes hidden by `kinds` (never through a hub or a filtered-out node);
 *   they do not count. So with kinds [Usage], depth 1 of a usage is the usages it shares a
 *   relation, contract, org unit or data-processing registration with.
 * - **Via edges.** When a step passes through hidden nodes, the slice gets one `VIA_HIDDEN` edge
 *   per pair (the shortest path found first), listing the intermediates. It is directed, user →
 *   used, when the path crosses a relation from one usage side to the other (Usage ← FROM_USAGE
 *   Relation TO_USAGE → Usage: kinds [Usage] turn it into user → used, kinds [System] into the
 *   user's system → the used system); any other path is undirected (`directed: false`, ends in id
 *   order), and an undirected edge is dropped when a directed one joins the same pair. A path
 *   that has passed local nodes never goes through a shared catalogue node back to local ones
 *   (two municipalities' usages of one system are not neighbours through the hidden system), just
 *   as no local relationship crosses municipalities. Via edges are searched from non-hub and
 *   start nodes; at most `maxNodes` × {@link VIA_EDGES_PER_NODE} are kept (directed ones first,
 *   then those with fewer intermediates), and at most {@link HIDDEN_VISIT_BUDGET} hidden nodes
 *   are expanded per request ({@link HIDDEN_VISITS_PER_STEP} per step; `viaSearchLimited` says
 *   when a budget ran out).
 * - **maxNodes.** Within a layer, non-hub nodes are admitted before hubs, each group in discovery
 *   order; when the cap is hit the rest of that layer is counted in `hidden.byMaxNodes` and no
 *   further layer is built.
 * - **Edges** are every relationship of an allowed type (either direction) between slice nodes.
 *   `hiddenNeighbours` counts, per node, relationships of the allowed types and direction to nodes
 *   outside the slice.
 *
 * @throws NotFoundError for unknown start, municipality or supplier ids; InvalidInputError for
 * bad depth, maxNodes, direction, relationship types, lifecycles, levels or kinds.
 */
export function neighbourhood(index: GraphView, request: NeighbourhoodRequest): GraphSlice {
  return new SliceBuilder(index, planRequest(index, request)).build();
}

const UNSEEN = 0;
const SHOWN = 1;
const CANDIDATE = 2;
const TRUNCATED = 3;
const EXCLUDED = 4;
const KIND_HIDDEN = 5;
/** A kind-hidden node the traversal has passed through (counted in byKinds). */
const KIND_HIDDEN_PASSED = 6;
/** Sense of a via path whose relation crossings disagree. */
const CONFLICT = 2;
/** Where a via path has been: only shared nodes, in a municipality, or back out to shared. */
const NOT_LOCAL = 0;
const IN_LOCAL = 1;
const LEFT_LOCAL = 2;
const LOCAL: ReadonlySet<Label> = new Set(LOCAL_LABELS);

/**
 * Per-node working arrays, allocated once per index and reused by every request (requests run
 * synchronously, one at a time). A stamp equal to the current generation marks an entry as
 * written by this request (or this step), so nothing is cleared between uses.
 */
class Scratch {
  readonly requestStamp: Uint32Array;
  readonly status: Uint8Array;
  readonly depth: Uint8Array;
  readonly stepStamp: Uint32Array;
  /** How a step reached a hidden node: from which node, over which hop, sense so far, run. */
  readonly parent: Int32Array;
  readonly hop: Int16Array;
  readonly sense: Int8Array;
  readonly run: Uint8Array;
  readonly locality: Uint8Array;
  /** Per shown node: its followed relationships to nodes outside the slice. */
  readonly hiddenNeighbours: Int32Array;
  #request = 0;
  #step = 0;

  constructor(nodeCount: number) {
    this.requestStamp = new Uint32Array(nodeCount);
    this.status = new Uint8Array(nodeCount);
    this.depth = new Uint8Array(nodeCount);
    this.stepStamp = new Uint32Array(nodeCount);
    this.parent = new Int32Array(nodeCount);
    this.hop = new Int16Array(nodeCount);
    this.sense = new Int8Array(nodeCount);
    this.run = new Uint8Array(nodeCount);
    this.locality = new Uint8Array(nodeCount);
    this.hiddenNeighbours = new Int32Array(nodeCount);
  }

  nextRequest(): number {
    if (this.#request === 0xffffffff) {
      this.requestStamp.fill(0);
      this.#request = 0;
    }
    return ++this.#request;
  }

  nextStep(): number {
    if (this.#step === 0xffffffff) {
      this.stepStamp.fill(0);
      this.#step = 0;
    }
    return ++this.#step;
  }
}

const SCRATCH = new WeakMap<GraphIndex, Scratch>();

/** Scratch space is per index, shared by views: a traversal uses it synchronously. */
function scratchOf(view: GraphView): Scratch {
  const index = baseOf(view);
  let scratch = SCRATCH.get(index);
  if (!scratch) {
    scratch = new Scratch(index.nodeCount);
    SCRATCH.set(index, scratch);
  }
  return scratch;
}

interface ViaPath {
  readonly source: number;
  readonly target: number;
  readonly via: readonly number[];
  readonly directed: boolean;
}

/** A map keyed by a pair of node numbers (kept as small integers, which Maps hash fastest). */
class PairMap<T> {
  readonly #byFirst = new Map<number, Map<number, T>>();

  has(a: number, b: number): boolean {
    return this.#byFirst.get(a)?.has(b) ?? false;
  }

  set(a: number, b: number, value: T): void {
    let inner = this.#byFirst.get(a);
    if (!inner) {
      inner = new Map();
      this.#byFirst.set(a, inner);
    }
    inner.set(b, value);
  }

  *values(): Iterable<T> {
    for (const inner of this.#byFirst.values()) yield* inner.values();
  }
}

interface DirectEdge {
  readonly from: number;
  readonly type: RelationshipType;
  readonly to: number;
}

class SliceBuilder {
  readonly #index: GraphView;
  readonly #plan: Plan;
  readonly #starts: ReadonlySet<number>;
  readonly #scratch: Scratch;
  readonly #request: number;
  readonly #shown: number[] = [];
  /** Via paths by source, then target; undirected ones by lower node, then higher. */
  readonly #directedVias = new PairMap<ViaPath>();
  readonly #undirectedVias = new PairMap<ViaPath>();
  readonly #perLabel = new Map<Label, { byMaxNodes: number; byFilters: number; byKinds: number }>();
  #byMaxNodes = 0;
  #byFilters = 0;
  #byKinds = 0;
  #budget = HIDDEN_VISIT_BUDGET;
  #viaSearchLimited = false;

  constructor(index: GraphView, plan: Plan) {
    this.#index = index;
    this.#plan = plan;
    this.#starts = new Set(plan.starts);
    this.#scratch = scratchOf(index);
    this.#request = this.#scratch.nextRequest();
  }

  build(): GraphSlice {
    const { depth, kinds } = this.#plan;
    for (const start of this.#plan.starts) this.#show(start, 0);
    let frontier: readonly number[] = this.#plan.starts;
    for (let layer = 0; layer < depth && frontier.length > 0; layer++) {
      const candidates: number[] = [];
      for (const node of frontier) {
        if (this.#expands(node)) this.#explore(node, candidates, false);
      }
      frontier = this.#admit(candidates, layer + 1);
      if (this.#byMaxNodes > 0) break;
    }
    // The last layer is not expanded, but its kind-hidden paths to nodes already shown still
    // deserve via edges, just as its direct relationships get edges.
    if (kinds !== null) {
      for (const node of frontier) if (this.#expands(node)) this.#explore(node, [], true);
    }
    const direct = this.#directEdges();
    const hiddenNeighbours = this.#hiddenNeighbours(direct);
    const via = this.#viaEdges();
    const index = this.#index;
    const edges: SliceEdge[] = direct.map(({ from, type, to }) => {
      const source = index.idAt(from);
      const target = index.idAt(to);
      const id = `${type}:${source}:${target}`;
      return { id, source, target, type, directed: true };
    });
    return {
      nodes: this.#shown.map((node, i) => this.#sliceNode(node, hiddenNeighbours[i]!)),
      edges: edges.concat(via.edges),
      truncated: this.#byMaxNodes > 0,
      viaSearchLimited: this.#viaSearchLimited,
      hidden: {
        byMaxNodes: this.#byMaxNodes,
        byFilters: this.#byFilters,
        byKinds: this.#byKinds,
        viaEdges: via.dropped,
        perLabel: LABELS.flatMap((label) => {
          const counts = this.#perLabel.get(label);
          return counts ? [{ label, ...counts }] : [];
        }),
      },
    };
  }

  #statusOf(node: number): number {
    const scratch = this.#scratch;
    return scratch.requestStamp[node] === this.#request ? scratch.status[node]! : UNSEEN;
  }

  #setStatus(node: number, status: number): void {
    this.#scratch.requestStamp[node] = this.#request;
    this.#scratch.status[node] = status;
  }

  #hopsOf(node: number): readonly Hop[] {
    return this.#plan.hops.get(this.#index.labelAt(node)) ?? [];
  }

  #expands(node: number): boolean {
    return this.#starts.has(node) || !HUB_LABELS.has(this.#index.labelAt(node));
  }

  #show(node: number, depth: number): void {
    this.#setStatus(node, SHOWN);
    this.#scratch.depth[node] = depth;
    this.#shown.push(node);
  }

  #count(node: number, kind: 'byMaxNodes' | 'byFilters' | 'byKinds'): void {
    const label = this.#index.labelAt(node);
    let counts = this.#perLabel.get(label);
    if (!counts) {
      counts = { byMaxNodes: 0, byFilters: 0, byKinds: 0 };
      this.#perLabel.set(label, counts);
    }
    counts[kind]++;
    if (kind === 'byMaxNodes') this.#byMaxNodes++;
    else if (kind === 'byFilters') this.#byFilters++;
    else this.#byKinds++;
  }

  /** The node's state; a first meeting with a filtered-out node is counted unless `quiet`. */
  #classify(node: number, quiet: boolean): number {
    const known = this.#statusOf(node);
    if (known === KIND_HIDDEN_PASSED) return KIND_HIDDEN;
    if (known !== UNSEEN) return known;
    let state = UNSEEN;
    if (this.#plan.excluded(node)) state = EXCLUDED;
    else if (this.#plan.kinds !== null && !this.#plan.kinds.has(this.#index.labelAt(node))) {
      state = KIND_HIDDEN;
    }
    if (state !== UNSEEN && !quiet) {
      this.#setStatus(node, state);
      if (state === EXCLUDED) this.#count(node, 'byFilters');
    }
    return state;
  }

  /**
   * One step from `source`: its neighbours, and through kind-hidden nodes (breadth-first, at most
   * MAX_HIDDEN_RUN in a row, only along hops that can still reach a shown label) the shown-able
   * nodes beyond them. New ones become candidates of the next layer unless `recordOnly`; paths
   * through hidden nodes are recorded as via paths.
   */
  #explore(source: number, candidates: number[], recordOnly: boolean): void {
    const index = this.#index;
    const scratch = this.#scratch;
    const { usefulHops, hiddenNeed } = this.#plan;
    const step = scratch.nextStep();
    const queue = [source];
    let sourceBudget = HIDDEN_VISITS_PER_STEP;
    for (let q = 0; q < queue.length; q++) {
      const current = queue[q]!;
      const first = q === 0;
      const run = first ? 0 : scratch.run[current]!;
      const entered = first ? undefined : ALL_HOPS[scratch.hop[current]!];
      const senseSoFar = first ? 0 : scratch.sense[current]!;
      const label = index.labelAt(current);
      const locality = first
        ? LOCAL.has(label)
          ? IN_LOCAL
          : NOT_LOCAL
        : scratch.locality[current]!;
      const hops = usefulHops ? (usefulHops.get(label)?.[run] ?? []) : this.#hopsOf(current);
      for (const hop of hops) {
        const sense = entered ? combineSense(senseSoFar, crossing(entered, hop)) : 0;
        const neighbours = index.neighbours(current, hop.type, hop.direction);
        for (let i = 0; i < neighbours.length; i++) {
          const next = neighbours[i]!;
          if (next === source) continue;
          const nextLabel = index.labelAt(next);
          // A path that went from local nodes into the shared catalogue does not come back to
          // local ones: that would join municipalities through the catalogue.
          if (locality === LEFT_LOCAL && LOCAL.has(nextLabel)) continue;
          const state = this.#classify(next, recordOnly);
          if (state === EXCLUDED) continue;
          if (state === KIND_HIDDEN) {
            if (scratch.stepStamp[next] === step) continue;
            const need = hiddenNeed?.get(nextLabel) ?? Infinity;
            if (run + need > MAX_HIDDEN_RUN) continue;
            if (this.#budget === 0 || sourceBudget === 0) {
              this.#viaSearchLimited = true;
              continue;
            }
            this.#budget--;
            sourceBudget--;
            scratch.stepStamp[next] = step;
            scratch.parent[next] = current;
            scratch.hop[next] = hop.id;
            scratch.sense[next] = sense;
            scratch.run[next] = run + 1;
            scratch.locality[next] = LOCAL.has(nextLabel)
              ? IN_LOCAL
              : locality === NOT_LOCAL
                ? NOT_LOCAL
                : LEFT_LOCAL;
            if (!recordOnly && this.#statusOf(next) === KIND_HIDDEN) {
              this.#setStatus(next, KIND_HIDDEN_PASSED);
              this.#count(next, 'byKinds');
            }
            queue.push(next);
            continue;
          }
          if (!first) this.#recordVia(source, next, current, sense);
          if (!recordOnly && state === UNSEEN) {
            this.#setStatus(next, CANDIDATE);
            candidates.push(next);
          }
        }
      }
    }
  }

  #recordVia(source: number, target: number, last: number, sense: number): void {
    const directed = sense === 1 || sense === -1;
    const from = sense === -1 ? target : source;
    const to = sense === -1 ? source : target;
    const vias = directed ? this.#directedVias : this.#undirectedVias;
    const [a, b] = directed || from < to ? [from, to] : [to, from];
    if (vias.has(a, b)) return;
    const via: number[] = [];
    for (let node = last; node !== source; node = this.#scratch.parent[node]!) via.push(node);
    if (from === source) via.reverse();
    vias.set(a, b, { source: from, target: to, via, directed });
  }

  /** Admits a layer's candidates up to maxNodes, non-hubs first; returns the admitted ones. */
  #admit(candidates: readonly number[], depth: number): number[] {
    const admitted: number[] = [];
    for (const hubs of [false, true]) {
      for (const node of candidates) {
        if (HUB_LABELS.has(this.#index.labelAt(node)) !== hubs) continue;
        if (this.#shown.length < this.#plan.maxNodes) {
          this.#show(node, depth);
          admitted.push(node);
        } else {
          this.#setStatus(node, TRUNCATED);
          this.#count(node, 'byMaxNodes');
        }
      }
    }
    return admitted;
  }

  /** Every followed-type relationship between shown nodes, as (from, type, to) triples. */
  #directEdges(): DirectEdge[] {
    const index = this.#index;
    const edges: DirectEdge[] = [];
    const seen = new Set<number>();
    for (const from of this.#shown) {
      const types = this.#plan.outTypes.get(index.labelAt(from)) ?? [];
      seen.clear();
      for (let t = 0; t < types.length; t++) {
        const type = types[t]!;
        const targets = index.neighbours(from, type, 'OUT');
        for (let i = 0; i < targets.length; i++) {
          const to = targets[i]!;
          if (to === from || this.#statusOf(to) !== SHOWN) continue;
          const key = to * RELATIONSHIP_TYPES.length + t;
          if (seen.has(key)) continue;
          seen.add(key);
          edges.push({ from, type, to });
        }
      }
    }
    return edges;
  }

  /** Per shown node (in #shown order): followed relationships to nodes outside the slice. */
  #hiddenNeighbours(edges: readonly DirectEdge[]): number[] {
    const index = this.#index;
    // Counted in the scratch space per node, then read out in #shown order.
    const counts = this.#scratch.hiddenNeighbours;
    for (const node of this.#shown) {
      let degree = 0;
      for (const hop of this.#hopsOf(node)) degree += index.degree(node, hop.type, hop.direction);
      counts[node] = degree;
    }
    // A drawn edge's type is followed, and the model has it at both its ends' labels (the store
    // keeps to the model), so whether each end counted it depends on the direction alone.
    const fromCounted = this.#plan.directions.includes('OUT');
    const toCounted = this.#plan.directions.includes('IN');
    for (const { from, to } of edges) {
      if (fromCounted) counts[from]!--;
      if (toCounted) counts[to]!--;
    }
    return this.#shown.map((node) => counts[node]!);
  }

  #viaEdges(): { edges: SliceEdge[]; dropped: number } {
    const index = this.#index;
    const shown = (path: ViaPath) =>
      this.#statusOf(path.source) === SHOWN && this.#statusOf(path.target) === SHOWN;
    const paths = [...this.#directedVias.values()].filter(shown);
    for (const path of this.#undirectedVias.values()) {
      const { source, target } = path;
      if (!shown(path)) continue;
      if (this.#directedVias.has(source, target) || this.#directedVias.has(target, source)) {
        continue;
      }
      paths.push(path);
    }
    // Over the cap, keep dependencies (directed) and short detours first.
    paths.sort((x, y) => Number(y.directed) - Number(x.directed) || x.via.length - y.via.length);
    const limit = this.#plan.maxNodes * VIA_EDGES_PER_NODE;
    const edges: SliceEdge[] = [];
    for (const path of paths.slice(0, limit)) {
      let { source, target, via } = path;
      if (!path.directed && index.idAt(target) < index.idAt(source)) {
        [source, target, via] = [target, source, [...via].reverse()];
      }
      const sourceId = index.idAt(source);
      const targetId = index.idAt(target);
      edges.push({
        id: `${VIA_HIDDEN}:${sourceId}:${targetId}`,
        source: sourceId,
        target: targetId,
        type: VIA_HIDDEN,
        directed: path.directed,
        via: via.map((node) => index.idAt(node)),
        viaLabels: via.map((node) => index.labelAt(node)),
      });
    }
    return { edges, dropped: Math.max(0, paths.length - limit) };
  }

  #sliceNode(node: number, hiddenNeighbours: number): SliceNode {
    const index = this.#index;
    const label = index.labelAt(node);
    const lifecycle = label === 'Usage' ? index.recordAt(node).lifecycle : null;
    return {
      id: index.idAt(node),
      label,
      name: entityName(index, node),
      municipalityId: municipalityIdOf(index, node),
      depth: this.#scratch.depth[node]!,
      isStart: this.#starts.has(node),
      hub: HUB_LABELS.has(label),
      lifecycle: typeof lifecycle === 'string' ? (lifecycle as Lifecycle) : null,
      hiddenNeighbours,
    };
  }
}

/**
 * Whether entering a node by `entered` and leaving it by `leaving` crosses a relation: 1 from its
 * user's side (FROM_USAGE) to the used side (TO_USAGE), -1 the other way, else 0. Only a crossed
 * relation says who depends on whom; other stored directions (a main contract that also covers
 * another usage) do not.
 */
function crossing(entered: Hop, leaving: Hop): number {
  if (entered.direction !== 'IN' || leaving.direction !== 'OUT') return 0;
  if (entered.type === 'FROM_USAGE' && leaving.type === 'TO_USAGE') return 1;
  if (entered.type === 'TO_USAGE' && leaving.type === 'FROM_USAGE') return -1;
  return 0;
}

/** A path's sense after one more crossing: crossings that disagree leave it undirected. */
function combineSense(sense: number, next: number): number {
  if (next === 0 || sense === next) return sense;
  return sense === 0 ? next : CONFLICT;
}

function requireWholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${name} must be ${min}–${max}; got ${value}`);
  }
}

function requireOrganization(index: GraphView, id: string, role: string): number {
  const node = index.indexOf(id);
  if (node === undefined) throw new NotFoundError(`${role} "${id}" not found`);
  const label = index.labelAt(node);
  if (label !== 'Organization') {
    throw new InvalidInputError(`${role} must be an Organization; "${id}" is a ${label}`);
  }
  return node;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(`Unknown ${name} "${value}"; allowed: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** The hops a request follows from each label, and the types of edges it draws from each. */
interface FollowedHops {
  readonly hops: ReadonlyMap<Label, readonly Hop[]>;
  readonly outTypes: ReadonlyMap<Label, readonly RelationshipType[]>;
}

/** Followed hops by types and directions: most requests ask the same few, often the defaults. */
const FOLLOWED_HOPS = new Map<string, FollowedHops>();
/** Combinations of types and directions kept; the oldest is dropped beyond this. */
const MAX_FOLLOWED_HOPS = 64;

function followedHops(
  types: readonly RelationshipType[],
  directions: readonly Direction[],
): FollowedHops {
  const key = `${directions.join('+')}:${[...types].sort().join(',')}`;
  let followed = FOLLOWED_HOPS.get(key);
  if (followed) return followed;
  const allowed = new Set<string>(types);
  const hops = new Map<Label, Hop[]>();
  const outTypes = new Map<Label, RelationshipType[]>();
  for (const [label, modelHops] of MODEL_HOPS) {
    const ofTypes = modelHops.filter((h) => allowed.has(h.type));
    hops.set(
      label,
      ofTypes.filter((h) => directions.includes(h.direction)),
    );
    outTypes.set(
      label,
      ofTypes.filter((h) => h.direction === 'OUT').map((h) => h.type),
    );
  }
  followed = { hops, outTypes };
  if (FOLLOWED_HOPS.size >= MAX_FOLLOWED_HOPS) {
    FOLLOWED_HOPS.delete(FOLLOWED_HOPS.keys().next().value!);
  }
  FOLLOWED_HOPS.set(key, followed);
  return followed;
}

function planRequest(index: GraphView, request: NeighbourhoodRequest): Plan {
  const depth = request.depth ?? 1;
  requireWholeNumber('depth', depth, 1, MAX_NEIGHBOURHOOD_DEPTH);
  const maxNodes = request.maxNodes ?? DEFAULT_SLICE_NODES;
  requireWholeNumber('maxNodes', maxNodes, 1, MAX_SLICE_NODES);
  const ids = [...new Set(request.ids)];
  if (ids.length === 0) throw new InvalidInputError('ids must name at least one start node');
  if (ids.length > MAX_START_IDS) {
    throw new InvalidInputError(`At most ${MAX_START_IDS} start ids; got ${ids.length}`);
  }
  if (ids.length > maxNodes) {
    throw new InvalidInputError(
      `maxNodes (${maxNodes}) must be at least the number of start ids (${ids.length})`,
    );
  }
  const unknown = ids.filter((id) => index.indexOf(id) === undefined);
  if (unknown.length > 0) {
    const list = unknown.map((id) => `"${id}"`).join(', ');
    throw new NotFoundError(`${unknown.length === 1 ? 'Entity' : 'Entities'} ${list} not found`);
  }
  const types = request.relationshipTypes
    ? [...new Set(request.relationshipTypes)].map((t) =>
        oneOf('relationship type', t, RELATIONSHIP_TYPES),
      )
    : RELATIONSHIP_TYPES;
  if (types.length === 0) throw new InvalidInputError('relationshipTypes must not be empty');
  const direction = oneOf('direction', request.direction ?? 'BOTH', NEIGHBOURHOOD_DIRECTIONS);
  const directions: Direction[] = direction === 'BOTH' ? ['OUT', 'IN'] : [direction];
  const filters = request.filters ?? {};
  let kinds: Set<Label> | null = null;
  if (filters.kinds) {
    if (filters.kinds.length === 0) throw new InvalidInputError('kinds must not be empty');
    kinds = new Set(filters.kinds.map((k) => oneOf('kind', k, LABELS)));
  }
  const { hops, outTypes } = followedHops(types, directions);
  const hiddenNeed = kinds ? hiddenNeedOf(hops, kinds) : null;
  return {
    starts: ids.map((id) => index.indexOf(id)!),
    depth,
    maxNodes,
    hops,
    outTypes,
    directions,
    usefulHops: kinds && hiddenNeed ? usefulHopsOf(hops, kinds, hiddenNeed) : null,
    hiddenNeed,
    kinds,
    excluded: exclusionFilter(index, filters),
  };
}

/**
 * For each hidden, non-hub label: the fewest hidden nodes (itself included) on a path of followed
 * hops from it to a shown label; labels that cannot reach one are left out (Infinity).
 */
function hiddenNeedOf(
  hops: ReadonlyMap<Label, readonly Hop[]>,
  kinds: ReadonlySet<Label>,
): Map<Label, number> {
  const need = new Map<Label, number>();
  const passable = LABELS.filter((label) => !kinds.has(label) && !HUB_LABELS.has(label));
  for (let changed = true; changed;) {
    changed = false;
    for (const label of passable) {
      let best = need.get(label) ?? Infinity;
      for (const hop of hops.get(label) ?? []) {
        for (const target of hop.targets) {
          if (kinds.has(target)) best = Math.min(best, 1);
          else best = Math.min(best, 1 + (need.get(target) ?? Infinity));
        }
      }
      if (best < (need.get(label) ?? Infinity)) {
        need.set(label, best);
        changed = true;
      }
    }
  }
  return need;
}

/** Per label and hidden run so far (0–MAX_HIDDEN_RUN), the hops that can still pay off. */
function usefulHopsOf(
  hops: ReadonlyMap<Label, readonly Hop[]>,
  kinds: ReadonlySet<Label>,
  need: ReadonlyMap<Label, number>,
): Map<Label, Hop[][]> {
  const useful = new Map<Label, Hop[][]>();
  for (const [label, labelHops] of hops) {
    const byRun: Hop[][] = [];
    for (let run = 0; run <= MAX_HIDDEN_RUN; run++) {
      byRun.push(
        labelHops.filter((hop) =>
          hop.targets.some(
            (t) => kinds.has(t) || run + (need.get(t) ?? Infinity) <= MAX_HIDDEN_RUN,
          ),
        ),
      );
    }
    useful.set(label, byRun);
  }
  return useful;
}

/** The municipality, lifecycle, supplier and personal-data filters as one predicate. */
function exclusionFilter(
  index: GraphView,
  filters: NeighbourhoodFilters,
): (node: number) => boolean {
  const municipalityId = filters.municipalityId ?? null;
  if (municipalityId !== null) requireOrganization(index, municipalityId, 'Municipality');
  const lifecycles = filters.lifecycles
    ? new Set<string>(filters.lifecycles.map((l) => oneOf('lifecycle', l, LIFECYCLE_VALUES)))
    : null;
  const suppliers = filters.supplierIds
    ? new Set(filters.supplierIds.map((id) => requireOrganization(index, id, 'Supplier')))
    : null;
  const minimumLevel = filters.personalData
    ? PERSONAL_DATA_LEVEL_VALUES.indexOf(
        oneOf('personal-data level', filters.personalData, PERSONAL_DATA_LEVEL_VALUES),
      )
    : null;
  if (municipalityId === null && !lifecycles && !suppliers && minimumLevel === null) {
    return () => false;
  }
  const suppliedByChosen = (contract: number) => {
    const supplier = supplierOfContract(index, contract);
    return supplier !== undefined && suppliers!.has(supplier);
  };
  return (node) => {
    if (municipalityId !== null) {
      const owner = municipalityIdOf(index, node);
      if (owner !== null && owner !== municipalityId) return true;
    }
    const label = index.labelAt(node);
    if (label === 'Contract') return suppliers !== null && !suppliedByChosen(node);
    if (label !== 'Usage') return false;
    const record = index.recordAt(node);
    if (lifecycles && !lifecycles.has(String(record.lifecycle))) return true;
    if (minimumLevel !== null) {
      const level = PERSONAL_DATA_LEVEL_VALUES.indexOf(record.personalData as PersonalDataLevel);
      if (level < minimumLevel) return true;
    }
    if (suppliers) {
      const main = mainContractOfUsage(index, node);
      const covered =
        (main !== undefined && suppliedByChosen(main)) ||
        contractsCoveringUsage(index, node).some(suppliedByChosen);
      if (!covered) return true;
    }
    return false;
  };
}
