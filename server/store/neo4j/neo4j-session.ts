import neo4j, { type Driver } from 'neo4j-driver';
import type { CypherSession, CypherTransaction, Row } from '../dialect.ts';
import { connectionError } from './neo4j-dialect.ts';

/** Connection settings for Neo4j; passed in, never read from the environment here. */
export interface Neo4jSessionConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** @default 'neo4j' */
  readonly database?: string;
}

/** A session over a neo4j-driver pool; every call names the database (PERFORMANCE.md pitfall 9). */
export class Neo4jSession implements CypherSession {
  readonly #driver: Driver;
  readonly #database: string;
  readonly #uri: string;
  readonly #user: string;

  constructor(config: Neo4jSessionConfig) {
    this.#driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
    });
    this.#database = config.database ?? 'neo4j';
    this.#uri = config.uri;
    this.#user = config.user;
  }

  /**
   * Fails fast, naming the server and what to check, when it cannot be reached or refuses the
   * user; the driver's own error is the cause. The driver is closed then, so nothing is left
   * retrying in the background.
   */
  async verify(): Promise<void> {
    try {
      await this.#driver.verifyConnectivity({ database: this.#database });
    } catch (error) {
      await this.#driver.close();
      throw connectionError(error, { uri: this.#uri, database: this.#database, user: this.#user });
    }
  }

  async run(_name: string, query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const session = this.#driver.session({ database: this.#database });
    try {
      const result = await session.run(query, params);
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }

  /** The driver's pool already runs statements side by side. */
  read(name: string, query: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.run(name, query, params);
  }

  async transaction<T>(work: (tx: CypherTransaction) => Promise<T>): Promise<T> {
    const session = this.#driver.session({ database: this.#database });
    const tx = session.beginTransaction();
    try {
      const result = await work({
        run: async (_name, query, params = {}) =>
          (await tx.run(query, params)).records.map((r) => r.toObject()),
      });
      await tx.commit();
      return result;
    } catch (error) {
      if (tx.isOpen()) await tx.rollback();
      throw error;
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.#driver.close();
  }
}
