import { describe, inject } from 'vitest';
import { CypherGraphStore } from '../cypher-graph-store.ts';
import { describeGraphStoreContract } from '../graph-store.contract.ts';
import { neo4jDialect } from './neo4j-dialect.ts';
import { Neo4jSession } from './neo4j-session.ts';

const target = inject('neo4j');

describe.skipIf(!target)('neo4j', () => {
  describeGraphStoreContract('neo4j', async () => {
    const session = new Neo4jSession(target!);
    await session.verify();
    const store = new CypherGraphStore(session, neo4jDialect);
    await store.applySchema();
    return { store, reset: () => store.clear(), close: () => store.close() };
  });
});
