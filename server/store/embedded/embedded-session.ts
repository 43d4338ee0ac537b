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

function single(result: KuzuResult): QueryResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

/**
 * A session over one Kùzu connection. Kùzu allows one write transaction at a time and a
 * connection runs one statement at a time, so all work is queued through one lock; the
 * analyses read from the in-memory index, so the queue stays short.
 */
export class EmbeddedSession implements CypherSession {
  readonly #database: Database;
  readonly #connection: Connection;
  readonly #prepared = new Map<string, PreparedStatement>();
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(config: EmbeddedSessionConfig) {
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
      // getAllSync: the async getAll awaits one native call per row (PERFORMANCE.md pitfall 1).
      return single(await this.#connection.query(query)).getAllSync();
    }
    let statement = this.#prepared.get(query);
    if (!statement) {
      statement = await this.#connection.prepare(query);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      this.#prepared.set(query, statement);
    }
    const result = await this.#connection.execute(statement, params as Record<string, KuzuValue>);
    return single(result).getAllSync();
  }

  run(_name: string, query: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.#locked(() => this.#execute(query, params));
  }

  transaction<T>(work: (tx: CypherTransaction) => Promise<T>): Promise<T> {
    return this.#locked(async () => {
      await this.#execute('BEGIN TRANSACTION');
      try {
        const result = await work({ run: (_name, query, params) => this.#execute(query, params) });
        await this.#execute('COMMIT');
        return result;
      } catch (error) {
        await this.#execute('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.#locked(async () => {
      if (this.#closed) return;
      this.#closed = true;
      await this.#connection.close();
      await this.#database.close();
    });
  }
}
