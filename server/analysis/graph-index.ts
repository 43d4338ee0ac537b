import type { Landscape, NodeRecord, RelationshipRecord } from '../model/landscape.ts';
import {
  LABELS,
  RELATIONSHIP_TYPES,
  type Label,
  type RelationshipType,
} from '../model/model-types.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** Which end of a relationship to follow: OUT from start to end, IN from end to start. */
export type Direction = 'OUT' | 'IN';

const TYPE_CODE = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((t, i) => [t, i]));
const LABEL_CODE = new Map<Label, number>(LABELS.map((l, i) => [l, i]));
const TYPES = RELATIONSHIP_TYPES.length;

/**
 * Adjacency in compressed-sparse-row form, keyed by (node, relationship type): the neighbours of
 * node n over type t are `targets[offsets[n * TYPES + t] .. offsets[n * TYPES + t + 1])`.
 * Keying by type makes a typed hop O(degree of that type) even at hubs such as a municipality
 * with tens of thousands of BELONGS_TO edges.
 */
interface Adjacency {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
}

function buildAdjacency(
  nodeCount: number,
  from: Uint32Array,
  to: Uint32Array,
  types: Uint8Array,
  edgeCount: number,
): Adjacency {
  const offsets = new Uint32Array(nodeCount * TYPES + 1);
  for (let e = 0; e < edgeCount; e++) offsets[from[e]! * TYPES + types[e]! + 1]!++;
  for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!;
  const cursor = offsets.slice(0, -1);
  const targets = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) targets[cursor[from[e]! * TYPES + types[e]!]!++] = to[e]!;
  return { offsets, targets };
}

class EdgeBuffer {
  from = new Uint32Array(1 << 16);
  to = new Uint32Array(1 << 16);
  types = new Uint8Array(1 << 16);
  length = 0;

  push(from: number, to: number, type: number): void {
    if (this.length === this.from.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.from = grow(this.from, (n) => new Uint32Array(n));
      this.to = grow(this.to, (n) => new Uint32Array(n));
      this.types = grow(this.types, (n) => new Uint8Array(n));
    }
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.types[this.length] = type;
    this.length++;
  }
}

/** Collects nodes, then relationships (ends must be known), into a GraphIndex. */
class IndexBuilder {
  readonly #ids: string[] = [];
  readonly #records: NodeRecord[] = [];
  readonly #labels: number[] = [];
  readonly #indexOf = new Map<string, number>();
  readonly #edges = new EdgeBuffer();

  addNodes(label: Label, nodes: readonly NodeRecord[]): void {
    const code = LABEL_CODE.get(label)!;
    for (const node of nodes) {
      this.#indexOf.set(node.id, this.#ids.length);
      this.#ids.push(node.id);
      this.#records.push(node);
      this.#labels.push(code);
    }
  }

  addRelationships(type: RelationshipType, rows: readonly RelationshipRecord[]): void {
    const code = TYPE_CODE.get(type)!;
    for (const r of rows) {
      const from = this.#indexOf.get(r.from);
      const to = this.#indexOf.get(r.to);
      if (from !== undefined && to !== undefined) this.#edges.push(from, to, code);
    }
  }

  finish(changeCounter: number): GraphIndex {
    const labels = Uint8Array.from(this.#labels);
    return GraphIndex.assemble(
      changeCounter,
      this.#ids,
      this.#indexOf,
      labels,
      this.#records,
      this.#edges,
    );
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
  readonly #indexOf: Map<string, number>;
  readonly #labels: Uint8Array;
  readonly #records: NodeRecord[];
  readonly #out: Adjacency;
  readonly #in: Adjacency;
  readonly #edgeCount: number;

  private constructor(
    changeCounter: number,
    ids: string[],
    indexOf: Map<string, number>,
    labels: Uint8Array,
    records: NodeRecord[],
    edges: EdgeBuffer,
  ) {
    this.changeCounter = changeCounter;
    this.#ids = ids;
    this.#indexOf = indexOf;
    this.#labels = labels;
    this.#records = records;
    this.#edgeCount = edges.length;
    this.#out = buildAdjacency(ids.length, edges.from, edges.to, edges.types, edges.length);
    this.#in = buildAdjacency(ids.length, edges.to, edges.from, edges.types, edges.length);
  }

  /** Reads the whole graph from the store. */
  static async build(store: GraphStore): Promise<GraphIndex> {
    const changeCounter = await store.changeCounter();
    const builder = new IndexBuilder();
    for await (const batch of store.streamNodes()) builder.addNodes(batch.label, batch.nodes);
    for await (const batch of store.streamRelationships()) {
      builder.addRelationships(batch.type, batch.relationships);
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
    indexOf: Map<string, number>,
    labels: Uint8Array,
    records: NodeRecord[],
    edges: EdgeBuffer,
  ): GraphIndex {
    return new GraphIndex(changeCounter, ids, indexOf, labels, records, edges);
  }

  get nodeCount(): number {
    return this.#ids.length;
  }

  get relationshipCount(): number {
    return this.#edgeCount;
  }

  /** The dense index of an id, or undefined when the id is unknown. */
  indexOf(id: string): number | undefined {
    return this.#indexOf.get(id);
  }

  idAt(node: number): string {
    return this.#ids[node]!;
  }

  labelAt(node: number): Label {
    return LABELS[this.#labels[node]!]!;
  }

  recordAt(node: number): NodeRecord {
    return this.#records[node]!;
  }

  /** The record and label of an id, or undefined. */
  get(id: string): { label: Label; record: NodeRecord } | undefined {
    const node = this.#indexOf.get(id);
    return node === undefined
      ? undefined
      : { label: this.labelAt(node), record: this.recordAt(node) };
  }

  /** Neighbours of a node over one relationship type, as dense indexes (a view, do not modify). */
  neighbours(node: number, type: RelationshipType, direction: Direction): Uint32Array {
    const adjacency = direction === 'OUT' ? this.#out : this.#in;
    const slot = node * TYPES + TYPE_CODE.get(type)!;
    return adjacency.targets.subarray(adjacency.offsets[slot], adjacency.offsets[slot + 1]);
  }

  /** Every node of one label, as dense indexes. */
  *nodesOf(label: Label): Iterable<number> {
    const code = LABEL_CODE.get(label)!;
    for (let i = 0; i < this.#labels.length; i++) if (this.#labels[i] === code) yield i;
  }
}
