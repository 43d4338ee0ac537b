import type { StoreCapabilities } from './graph-store.ts';

/** One row of a query result, keyed by column name (driver values until the dialect decodes them). */
export type Row = Record<string, unknown>;

/**
 * Driver I/O: runs Cypher text with parameters and returns the driver's rows. A session owns one
 * connection (or a pool) and knows nothing about the graph's shape.
 */
export interface CypherSession {
  /**
   * Runs one statement. `name` names the query for error messages (never the parameters).
   * Throws the driver's own error; the store maps it with `dialect.toDomainError`.
   */
  run(name: string, query: string, params?: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs one read-only statement, as `run` does. Reads may run beside each other, so a caller
   * may send the next before the last has answered and the database works on both.
   */
  read(name: string, query: string, params?: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs `work` inside one transaction: everything it runs commits together or not at all.
   * Other work on the session waits until the transaction ends.
   */
  transaction<T>(work: (tx: CypherTransaction) => Promise<T>): Promise<T>;
  /** Releases the connection and the database handle. */
  close(): Promise<void>;
}

/** What runs inside one transaction. */
export interface CypherTransaction {
  run(name: string, query: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** Everything that differs between stores apart from the session and the cypher/<dialect>/ files. */
export interface CypherDialect {
  /** Selects the `cypher/<name>/` override folder. Nothing may branch on it. */
  readonly name: 'neo4j' | 'embedded';
  /** Optional features; code branches on these, never on `name`. */
  readonly capabilities: StoreCapabilities;
  /** A driver value → plain JS: integers → number, dates → `YYYY-MM-DD`, lists and maps deeply. */
  decode(value: unknown): unknown;
  /** A driver error → a domain error; unknown errors become StoreError with the error as cause. */
  toDomainError(error: unknown, queryName: string): Error;
}
