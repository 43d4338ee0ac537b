import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import type { CypherSession, CypherTransaction, Row } from '../dialect.ts';

/** Configuration of the embedded store. */
export interface EmbeddedSessionConfig {
  /** The database file (created when missing). */
  readonly path: string;
  /** Open without writing (several processes may read one file). @default false */
  readonly readOnly?: boolean;
}

/**
 * Kùzu's default buffer pool is 80% of physical memory; the national landscape needs a fraction
 * of this, and the server's memory goal (PERFORMANCE.md) covers the whole process.
 */
const BUFFER_POOL_BYTES = 512 * 1024 * 1024;

type KuzuResult = QueryResult | QueryResult[];

/**
 * Reads a result's rows and closes it. getAllSync, because the async getAll awaits one native
 * call per row (PERFORMANCE.md pitfall 1); close, because an open result keeps its pages pinned
 * and after about a thousand queries Kùzu's buffer pool is full.
 */
function rowsOf(result: KuzuResult): Row[] {
  const results = Array.isArray(result) ? result : [result];
  const rows = results[results.length - 1]?.getAllSync() ?? [];
  for (const r of results) r.close();
  return rows;
}

/**
 * kuzu 0.11.3 crashes the process at exit (SIGSEGV) when a database on which a prepared statement
 * ran inside a transaction is closed, or when any database on the same file is closed after that.
 * The connection can be closed safely, so such databases are closed no further and kept referenced
 * (so no garbage-collection finalizer runs) until the process ends, which releases them.
 */
const PATHS_WRITTEN_IN_TRANSACTIONS = new Set<string>();
const DATABASES_LEFT_OPEN: Database[] = [];

/**
 * A session over one Kùzu connection. Kùzu allows one write transaction at a time and a
 * connection runs one statement at a time, so all work is queued through one lock; the
 * analyses read from the in-memory index, so the queue stays short.
 */
export class EmbeddedSession implements CypherSession {
  readonly #path: string;
  readonly #database: Database;
  readonly #connection: Connection;
  #inTransaction = false;
  readonly #prepared = new Map<string, PreparedStatement>();
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(config: EmbeddedSessionConfig) {
    this.#path = config.path;
    this.#database = new kuzu.Database(
      config.path,
      BUFFER_POOL_BYTES,
      true,
      config.readOnly ?? false,
    );
    this.#connection = new kuzu.Connection(this.#database);
  }

  #locked<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #execute(query: string, params?: Record<string, unknown>): Promise<Row[]> {
    if (this.#closed) throw new Error('The embedded store is closed');
    if (!params || Object.keys(params).length === 0) {
      return rowsOf(await this.#connection.query(query));
    }
    let statement = this.#prepared.get(query);
    if (!statement) {
      statement = await this.#connection.prepare(query);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      this.#prepared.set(query, statement);
    }
    if (this.#inTransaction) PATHS_WRITTEN_IN_TRANSACTIONS.add(this.#path);
    return rowsOf(await this.#connection.execute(statement, params as Record<string, KuzuValue>));
  }

  run(_name: string, query: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.#locked(() => this.#execute(query, params));
  }

  transaction<T>(work: (tx: CypherTransaction) => Promise<T>): Promise<T> {
    return this.#locked(async () => {
      await this.#execute('BEGIN TRANSACTION');
      this.#inTransaction = true;
      try {
        const result = await work({ run: (_name, query, params) => this.#execute(query, params) });
        await this.#execute('COMMIT');
        return result;
      } catch (error) {
        await this.#execute('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        this.#inTransaction = false;
      }
    });
  }

  close(): Promise<void> {
    return this.#locked(async () => {
      if (this.#closed) return;
      this.#closed = true;
      await this.#connection.close();
      if (PATHS_WRITTEN_IN_TRANSACTIONS.has(this.#path)) DATABASES_LEFT_OPEN.push(this.#database);
      else await this.#database.close();
    });
  }
}
