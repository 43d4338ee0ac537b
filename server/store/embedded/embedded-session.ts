import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import type { CypherSession, CypherTransaction, Row } from '../dialect.ts';
import { ReadWriteLock } from './read-write-lock.ts';

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
 * How many read-only statements run at a time (`read`). Each Kùzu statement of the index build
 * runs on one thread, so two keep the database busy while this thread unpacks a result; a third
 * gained nothing on 2 cores.
 */
const READERS = 2;

/** Whether a statement is prepared before it runs: only one with parameters is. */
function isPrepared(params?: Record<string, unknown>): params is Record<string, unknown> {
  return params !== undefined && Object.keys(params).length > 0;
}

/** One Kùzu connection and the statements prepared on it. */
class PreparedConnection {
  readonly connection: Connection;
  readonly #prepared = new Map<string, PreparedStatement>();

  constructor(database: Database) {
    this.connection = new kuzu.Connection(database);
  }

  async execute(query: string, params?: Record<string, unknown>): Promise<Row[]> {
    if (!isPrepared(params)) return rowsOf(await this.connection.query(query));
    let statement = this.#prepared.get(query);
    if (!statement) {
      statement = await this.connection.prepare(query);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      this.#prepared.set(query, statement);
    }
    return rowsOf(await this.connection.execute(statement, params as Record<string, KuzuValue>));
  }
}

/**
 * A session over Kùzu connections. Kùzu allows one write transaction at a time and a connection
 * runs one statement at a time, so `run`, transactions and `close` take turns on one connection;
 * read-only statements (`read`) run beside each other on connections of their own, never beside
 * the others. The analyses read from the in-memory index, so the queue stays short.
 */
export class EmbeddedSession implements CypherSession {
  readonly #path: string;
  readonly #database: Database;
  readonly #writer: PreparedConnection;
  /**
   * The readers' connections not in use: `#lock` lets no more readers in than there are, and
   * while it is held alone (a write, `close`) they are all here.
   */
  readonly #idleReaders: PreparedConnection[] = [];
  readonly #lock = new ReadWriteLock(READERS);
  #inTransaction = false;
  #closed = false;

  constructor(config: EmbeddedSessionConfig) {
    this.#path = config.path;
    this.#database = new kuzu.Database(
      config.path,
      BUFFER_POOL_BYTES,
      true,
      config.readOnly ?? false,
    );
    this.#writer = new PreparedConnection(this.#database);
    for (let i = 0; i < READERS; i++) {
      this.#idleReaders.push(new PreparedConnection(this.#database));
    }
  }

  async #execute(
    connection: PreparedConnection,
    query: string,
    params?: Record<string, unknown>,
  ): Promise<Row[]> {
    if (this.#closed) throw new Error('The embedded store is closed');
    if (this.#inTransaction && isPrepared(params)) PATHS_WRITTEN_IN_TRANSACTIONS.add(this.#path);
    return connection.execute(query, params);
  }

  /** Runs a statement on the writer connection; the caller holds the lock alone. */
  #write(query: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.#execute(this.#writer, query, params);
  }

  run(_name: string, query: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.#lock.exclusive(() => this.#write(query, params));
  }

  read(_name: string, query: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.#lock.shared(async () => {
      const reader = this.#idleReaders.pop()!;
      try {
        return await this.#execute(reader, query, params);
      } finally {
        this.#idleReaders.push(reader);
      }
    });
  }

  transaction<T>(work: (tx: CypherTransaction) => Promise<T>): Promise<T> {
    return this.#lock.exclusive(async () => {
      await this.#write('BEGIN TRANSACTION');
      this.#inTransaction = true;
      try {
        const result = await work({
          run: (_name, query, params) => this.#write(query, params),
        });
        await this.#write('COMMIT');
        return result;
      } catch (error) {
        await this.#write('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        this.#inTransaction = false;
      }
    });
  }

  close(): Promise<void> {
    return this.#lock.exclusive(async () => {
      if (this.#closed) return;
      this.#closed = true;
      for (const reader of this.#idleReaders) await reader.connection.close();
      await this.#writer.connection.close();
      if (PATHS_WRITTEN_IN_TRANSACTIONS.has(this.#path)) DATABASES_LEFT_OPEN.push(this.#database);
      else await this.#database.close();
    });
  }
}
