import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../domain/errors.ts';
import { Neo4jSession } from './neo4j-session.ts';

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Neo4jSession.verify', () => {
  it('names the server and what to check when nothing answers there', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const session = new Neo4jSession({ uri, user: 'neo4j', password: 'secret', database: 'kitos' });
    const failure = await session.verify().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).message).toBe(
      `Cannot reach Neo4j at ${uri} (database "kitos"); check that it runs and that NEO4J_URI points at it`,
    );
    expect((failure as StoreError).code).toBe('STORE_UNAVAILABLE');
    expect(String((failure as StoreError).message)).not.toContain('secret');
  });
});
