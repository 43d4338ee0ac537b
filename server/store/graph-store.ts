import type { Landscape, NodeRecord, RelationshipRecord } from '../model/landscape.ts';
import type { Label, RelationshipType } from '../model/model-types.ts';

/** Optional features of a store. Code and tests branch on these, never on which store runs. */
export interface StoreCapabilities {
  /**
   * The bulk load goes through files the database reads itself (Kùzu `COPY FROM`), which is
   * an order of magnitude faster than parameter batches but needs the target tables empty.
   * @default false
   */
  readonly bulkLoadFromFiles: boolean;
}

/** A node read back from a store. */
export interface StoredNode {
  readonly label: Label;
  readonly properties: NodeRecord;
}

/** Counts per node label and relationship type (every label and type present, zeros included). */
export interface GraphCounts {
  readonly nodes: Record<Label, number>;
  readonly relationships: Record<RelationshipType, number>;
}

/** One label's nodes as {@link GraphStore.readGraph} yields them. */
export interface GraphNodeBatch {
  readonly kind: 'nodes';
  readonly label: Label;
  readonly nodes: readonly NodeRecord[];
}

/**
 * Relationships of one type between one label pair as {@link GraphStore.readGraph} yields them:
 * two aligned arrays of the positions of their ends. `from[i]` is the position of the i-th
 * relationship's start among the `fromLabel` nodes of the same readGraph call (0 for the first
 * node yielded with that label, counting on across its batches); `to[i]` likewise for its end.
 */
export interface GraphRelationshipBatch {
  readonly kind: 'relationships';
  readonly type: RelationshipType;
  readonly fromLabel: Label;
  readonly toLabel: Label;
  readonly from: Uint32Array;
  readonly to: Uint32Array;
}

export interface SearchOptions {
  /** Restrict to these labels. @default every label with a name */
  readonly labels?: readonly Label[];
  /** Only shared nodes and nodes local to this municipality. */
  readonly municipalityId?: string;
  /** @default 20 */
  readonly limit?: number;
}

/** The writes a transaction may make; each one bumps the change counter once per transaction. */
export interface GraphWriter {
  /** Creates or updates nodes by id (every property of the record is set). Idempotent. */
  upsertNodes(label: Label, rows: readonly NodeRecord[]): Promise<number>;
  /** Creates relationships that do not exist yet; existing ones are left as they are. Idempotent. */
  upsertRelationships(type: RelationshipType, rows: readonly RelationshipRecord[]): Promise<number>;
  /** Deletes nodes by id with their relationships; returns how many existed. */
  deleteNodes(label: Label, ids: readonly string[]): Promise<number>;
  /** Deletes the given relationships; returns how many existed. */
  deleteRelationships(type: RelationshipType, rows: readonly RelationshipRecord[]): Promise<number>;
}

/**
 * The port to the graph database. Implemented once (CypherGraphStore) over a session and a
 * dialect; the embedded Kùzu store and Neo4j differ only there.
 */
export interface GraphStore extends GraphWriter {
  readonly capabilities: StoreCapabilities;
  /** Creates tables, constraints and indexes; safe to run on every start. */
  applySchema(): Promise<void>;
  /**
   * Loads a whole landscape into an empty store by the fastest path the store has
   * (see PERFORMANCE.md pitfalls 2 and 5). Throws a ConflictError when the store is not empty.
   */
  bulkLoad(landscape: Landscape, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Runs several writes as one transaction: all of them land, or none. */
  transaction<T>(work: (writer: GraphWriter) => Promise<T>): Promise<T>;
  /**
   * Reads nodes by id; unknown ids are left out. Naming the labels saves a lookup per label.
   * @default every label
   */
  readNodes(ids: readonly string[], labels?: readonly Label[]): Promise<StoredNode[]>;
  /** Case-insensitive substring search on the name (or title) of named nodes. */
  searchByName(text: string, options?: SearchOptions): Promise<StoredNode[]>;
  /** Every node, label by label, in batches (for the in-memory index). */
  streamNodes(): AsyncIterable<{ label: Label; nodes: readonly NodeRecord[] }>;
  /** Every relationship, type by type, in batches (for the in-memory index). */
  streamRelationships(): AsyncIterable<{
    type: RelationshipType;
    relationships: readonly RelationshipRecord[];
  }>;
  /**
   * The whole graph for the in-memory index, by the fastest path the store has: every node,
   * label by label, then every relationship with its ends as positions (no ids to look up). A
   * relationship whose end was written after its label's nodes were read is left out; the change
   * counter has moved by then, so the index is rebuilt.
   */
  readGraph(): AsyncIterable<GraphNodeBatch | GraphRelationshipBatch>;
  counts(): Promise<GraphCounts>;
  /**
   * Runs an ad-hoc read statement written for this store and returns its rows, decoded. For
   * tools such as the benchmark's Cypher baseline; product code uses the named queries.
   */
  query(statement: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** A number that grows with every committed write; other servers compare it to refresh. */
  changeCounter(): Promise<number>;
  /** Deletes every node and relationship (schema stays). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
