import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CypherGraphStore } from '../cypher-graph-store.ts';
import { describeGraphStoreContract } from '../graph-store.contract.ts';
import { embeddedDialect } from './embedded-dialect.ts';
import { EmbeddedSession } from './embedded-session.ts';

describeGraphStoreContract('embedded', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'overblik-contract-'));
  const store = new CypherGraphStore(
    new EmbeddedSession({ path: join(dir, 'graph.kuzu') }),
    embeddedDialect,
  );
  await store.applySchema();
  return {
    store,
    reset: () => store.clear(),
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
