import type { Landscape, NodeRecord, RelationshipRecord } from '../model/landscape.ts';
import {
  LABELS,
  RELATIONSHIP_TYPES,
  type Label,
  type RelationshipType,
} from '../model/model-types.ts';
import type { GraphRelationshipBatch, GraphStore } from '../store/graph-store.ts';
import { rankIds } from './id-ranks.ts';
import { NeighbourSpan } from './neighbour-span.ts';

/** Which end of a relationship to follow: OUT from start to end, IN from end to start. */
export type Direction = 'OUT' | 'IN';

const TYPE_CODE = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((t, i) => [t, i]));
const LABEL_CODE = new Map<Label, number>(LABELS.map((l, i) => [l, i]));
const TYPES = RELATIONSHIP_TYPES.length;
const EMPTY = new Uint32Array(0);

/**
 * Adjacency in compressed-sparse-row form, keyed by (node, relationship type): the neighbours of
 * node n over type t are `targets[offsets[s] .. offsets[s + 1])` with slot
 * `s = base[n] + slotOf[label(n) * TYPES + t]`. Keying by type makes a typed hop O(degree of that
 * type) even at hubs such as a municipality with tens of thousands of BELONGS_TO edges. Only the
 * types a label has relationships of get slots (`slotOf` is -1 for the others): a node has a few,
 * not all 24, which keeps the national landscape's offsets at about 3 MB instead of 20 MB.
 */
interface Adjacency {
  readonly slotOf: Int8Array;
  readonly base: Uint32Array;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
}

function buildAdjacency(
  labels: Uint8Array,
  from: Uint32Array,
  to: Uint32Array,
  types: Uint8Array,
  edgeCount: number,
): Adjacency {
  const slotOf = new Int8Array(LABELS.length * TYPES).fill(-1);
  for (let e = 0; e < edgeCount; e++) slotOf[labels[from[e]!]! * TYPES + types[e]!] = 0;
  const slotsPerLabel = new Uint8Array(LABELS.length);
  for (let i = 0; i < slotOf.length; i++) {
    if (slotOf[i] === 0) slotOf[i] = slotsPerLabel[Math.floor(i / TYPES)]!++;
  }
  const base = new Uint32Array(labels.length);
  let slots = 0;
  for (let n = 0; n < labels.length; n++) {
    base[n] = slots;
    slots += slotsPerLabel[labels[n]!]!;
  }
  const slotOfEdge = (e: number) =>
    base[from[e]!]! + slotOf[labels[from[e]!]! * TYPES + types[e]!]!;
  const offsets = new Uint32Array(slots + 1);
  for (let e = 0; e < edgeCount; e++) offsets[slotOfEdge(e) + 1]!++;
  for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!;
  const cursor = offsets.slice(0, -1);
  const targets = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) targets[cursor[slotOfEdge(e)]!++] = to[e]!;
  return { slotOf, base, offsets, targets };
}

class EdgeBuffer {
  from = new Uint32Array(1 << 16);
  to = new Uint32Array(1 << 16);
  types = new Uint8Array(1 << 16);
  length = 0;

  /** Makes room for `more` edges (one growth per batch instead of a check per edge). */
  reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.from.length) return;
    let size = this.from.length;
    while (size < needed) size *= 2;
    const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.from = grow(this.from, (n) => new Uint32Array(n));
    this.to = grow(this.to, (n) => new Uint32Array(n));
    this.types = grow(this.types, (n) => new Uint8Array(n));
  }

  push(from: number, to: number, type: number): void {
    this.reserve(1);
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.types[this.length] = type;
    this.length++;
  }
}

/** Where the nodes of one label added in one batch start, by position and by dense index. */
interface Run {
  readonly position: number;
  readonly dense: number;
  readonly count: number;
}

/** The dense index of a label's node at `position`, or -1 when there is none. */
function denseOf(runs: readonly Run[], position: number): number {
  // A store yields each label in one batch, so the first run nearly always holds the position.
  for (const run of runs) {
    const offset = position - run.position;
    if (offset >= 0 && offset < run.count) return run.dense + offset;
  }
  return -1;
}

/** Collects nodes, then relationships (ends must be known), into a GraphIndex. */
class IndexBuilder {
  readonly #ids: string[] = [];
  readonly #records: NodeRecord[] = [];
  readonly #labels: number[] = [];
  /** Made only when relationships come named by ids (fromLandscape). */
  #indexOf: Map<string, number> | null = null;
  /** Per label code, its batches of nodes: positions count on across a label's batches. */
  readonly #runs: Run[][] = LABELS.map(() => []);
  readonly #edges = new EdgeBuffer();

  addNodes(label: Label, nodes: readonly NodeRecord[]): void {
    const code = LABEL_CODE.get(label)!;
    const runs = this.#runs[code]!;
    const last = runs.at(-1);
    runs.push({
      position: last ? last.position + last.count : 0,
      dense: this.#ids.length,
      count: nodes.length,
    });
    this.#indexOf = null;
    for (const node of nodes) {
      this.#ids.push(node.id);
      this.#records.push(node);
      this.#labels.push(code);
    }
  }

  /** Relationships named by the ids of their ends (unknown ends are left out). */
  addRelationships(type: RelationshipType, rows: readonly RelationshipRecord[]): void {
    const code = TYPE_CODE.get(type)!;
    const indexOf = (this.#indexOf ??= new Map(this.#ids.map((id, node) => [id, node])));
    for (const r of rows) {
      const from = indexOf.get(r.from);
      const to = indexOf.get(r.to);
      if (from !== undefined && to !== undefined) this.#edges.push(from, to, code);
    }
  }

  /** Relationships named by the positions of their ends among their labels' nodes. */
  addPositions(batch: GraphRelationshipBatch): void {
    const code = TYPE_CODE.get(batch.type)!;
    const starts = this.#runs[LABEL_CODE.get(batch.fromLabel)!]!;
    const ends = this.#runs[LABEL_CODE.get(batch.toLabel)!]!;
    const edges = this.#edges;
    edges.reserve(batch.from.length);
    let length = edges.length;
    for (let i = 0; i < batch.from.length; i++) {
      const from = denseOf(starts, batch.from[i]!);
      const to = denseOf(ends, batch.to[i]!);
      if (from < 0 || to < 0) continue;
      edges.from[length] = from;
      edges.to[length] = to;
      edges.types[length] = code;
      length++;
    }
    edges.length = length;
  }

  finish(changeCounter: number): GraphIndex {
    const labels = Uint8Array.from(this.#labels);
    return GraphIndex.assemble(changeCounter, this.#ids, labels, this.#records, this.#edges);
  }
}

/**
 * The whole graph in memory: every node's record and typed adjacency both ways. Built from the
 * store at start-up and rebuilt after writes; the analyses traverse it instead of the database
 * (ARCHITECTURE.md, "traverse in memory, persist in the database").
 */
export class GraphIndex {
  /** The store's change counter when the index was built. */
  readonly changeCounter: number;
  readonly #ids: string[];
  readonly #labels: Uint8Array;
  readonly #records: NodeRecord[];
  readonly #idRanks: Uint32Array;
  /**
   * The nodes in id order (the inverse of #idRanks), where indexOf looks ids up by binary search.
   * A Map from id to node took 100–120 ms of every national build and 7 MB; a lookup by search
   * takes about 0.8 µs against 0.1–0.4 µs, and an analysis looks up only the ids it is given.
   */
  readonly #byRank: Uint32Array;
  /** Per label code, its nodes' dense indexes in order. */
  readonly #byLabel: Uint32Array[];
  /** The span `neighbours` and `degree` read, each done with it before it returns. */
  readonly #span = new NeighbourSpan();
  readonly #out: Adjacency;
  readonly #in: Adjacency;
  readonly #edgeCount: number;

  private constructor(
    changeCounter: number,
    ids: string[],
    labels: Uint8Array,
    records: NodeRecord[],
    edges: EdgeBuffer,
  ) {
    this.changeCounter = changeCounter;
    this.#ids = ids;
    this.#labels = labels;
    this.#records = records;
    this.#idRanks = rankIds(ids);
    this.#byRank = new Uint32Array(ids.length);
    for (let node = 0; node < ids.length; node++) this.#byRank[this.#idRanks[node]!] = node;
    this.#edgeCount = edges.length;
    this.#out = buildAdjacency(labels, edges.from, edges.to, edges.types, edges.length);
    this.#in = buildAdjacency(labels, edges.to, edges.from, edges.types, edges.length);
    const counts = new Uint32Array(LABELS.length);
    for (const code of labels) counts[code]!++;
    this.#byLabel = LABELS.map((_, code) => new Uint32Array(counts[code]!));
    counts.fill(0);
    for (let node = 0; node < labels.length; node++) {
      const code = labels[node]!;
      this.#byLabel[code]![counts[code]!++] = node;
    }
  }

  /** Reads the whole graph from the store. */
  static async build(store: GraphStore): Promise<GraphIndex> {
    const changeCounter = await store.changeCounter();
    const builder = new IndexBuilder();
    for await (const batch of store.readGraph()) {
      if (batch.kind === 'nodes') builder.addNodes(batch.label, batch.nodes);
      else builder.addPositions(batch);
    }
    return builder.finish(changeCounter);
  }

  /** An index over a landscape in memory (tests and what-if analyses; no store involved). */
  static fromLandscape(landscape: Landscape, changeCounter = 0): GraphIndex {
    const builder = new IndexBuilder();
    for (const [label, nodes] of landscape.nodes) builder.addNodes(label, nodes);
    for (const [type, rows] of landscape.relationships) builder.addRelationships(type, rows);
    return builder.finish(changeCounter);
  }

  /** @internal Used by IndexBuilder only. */
  static assemble(
    changeCounter: number,
    ids: string[],
    labels: Uint8Array,
    records: NodeRecord[],
    edges: EdgeBuffer,
  ): GraphIndex {
    return new GraphIndex(changeCounter, ids, labels, records, edges);
  }

  get nodeCount(): number {
    return this.#ids.length;
  }

  get relationshipCount(): number {
    return this.#edgeCount;
  }

  /** The dense index of an id, or undefined when the id is unknown. */
  indexOf(id: string): number | undefined {
    // A number would compare with every id as NaN does and end the search at its first step.
    if (typeof id !== 'string') return undefined;
    const byRank = this.#byRank;
    const ids = this.#ids;
    let low = 0;
    let high = byRank.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const node = byRank[middle]!;
      const found = ids[node]!;
      if (found < id) low = middle + 1;
      else if (found > id) high = middle - 1;
      else return node;
    }
    return undefined;
  }

  idAt(node: number): string {
    return this.#ids[node]!;
  }

  labelAt(node: number): Label {
    return LABELS[this.#labels[node]!]!;
  }

  /** The node's place among all ids in code-unit order: ranks compare as the ids do. */
  idRank(node: number): number {
    return this.#idRanks[node]!;
  }

  recordAt(node: number): NodeRecord {
    return this.#records[node]!;
  }

  /** The record and label of an id, or undefined. */
  get(id: string): { label: Label; record: NodeRecord } | undefined {
    const node = this.indexOf(id);
    return node === undefined
      ? undefined
      : { label: this.labelAt(node), record: this.recordAt(node) };
  }

  /** Neighbours of a node over one relationship type, as dense indexes (a view, do not modify). */
  neighbours(node: number, type: RelationshipType, direction: Direction): Uint32Array {
    const { targets, start, end } = this.neighbourSpan(node, type, direction, this.#span);
    // A sixth of a national month's calls found none: no view made for those.
    return start === end ? EMPTY : targets.subarray(start, end);
  }

  neighbourSpan(
    node: number,
    type: RelationshipType,
    direction: Direction,
    span: NeighbourSpan,
  ): NeighbourSpan {
    const adjacency = direction === 'OUT' ? this.#out : this.#in;
    const slot = this.#slotOf(adjacency, node, type);
    return slot < 0
      ? span.set(EMPTY, 0, 0)
      : span.set(adjacency.targets, adjacency.offsets[slot]!, adjacency.offsets[slot + 1]!);
  }

  /** How many neighbours over one relationship type, without making a view of them. */
  degree(node: number, type: RelationshipType, direction: Direction): number {
    return this.neighbourSpan(node, type, direction, this.#span).length;
  }

  firstNeighbour(
    node: number,
    type: RelationshipType,
    direction: Direction,
    label: Label,
  ): number | undefined {
    const adjacency = direction === 'OUT' ? this.#out : this.#in;
    const slot = this.#slotOf(adjacency, node, type);
    if (slot < 0) return undefined;
    const code = LABEL_CODE.get(label);
    const { offsets, targets } = adjacency;
    for (let i = offsets[slot]!, end = offsets[slot + 1]!; i < end; i++) {
      if (this.#labels[targets[i]!] === code) return targets[i];
    }
    return undefined;
  }

  /** The node's slot of one type in the adjacency, or −1 when its label has no such edges. */
  #slotOf(adjacency: Adjacency, node: number, type: RelationshipType): number {
    const slotOfType = adjacency.slotOf[this.#labels[node]! * TYPES + TYPE_CODE.get(type)!]!;
    if (!(slotOfType >= 0)) return -1; // also for a node out of range
    return adjacency.base[node]! + slotOfType;
  }

  /** Every node of one label, as dense indexes in ascending order. */
  nodesOf(label: Label): Iterable<number> {
    return this.#byLabel[LABEL_CODE.get(label)!]!.values();
  }
}
