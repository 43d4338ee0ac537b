import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../domain/errors.ts';
import type { Landscape } from '../../model/landscape.ts';
import { buildFixtureLandscape } from '../../testing/fixture-landscape.ts';
import { CypherGraphStore } from '../cypher-graph-store.ts';
import { createStore } from '../create-store.ts';
import { describeGraphStoreContract } from '../graph-store.contract.ts';
import type { GraphStore } from '../graph-store.ts';
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

describe('embedded bulk load', () => {
  let dir: string;
  let store: GraphStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overblik-bulk-'));
    store = await createStore({ kind: 'embedded', path: join(dir, 'graph.kuzu') });
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the store empty and the change counter alone when a late table fails', async () => {
    const fixture = buildFixtureLandscape();
    const types = [...fixture.relationships.keys()];
    const last = types[types.length - 1]!;
    const broken = fixture.relationships.get(last)![0]!;
    // Every node table and all but the last relationship type load before this row fails.
    const landscape: Landscape = {
      nodes: fixture.nodes,
      relationships: new Map([
        ...fixture.relationships,
        [last, [...fixture.relationships.get(last)!, { ...broken, to: 'no-such-node' }]],
      ]),
    };
    const counter = await store.changeCounter();
    const before = new Set(await readdir(tmpdir()));

    await expect(store.bulkLoad(landscape)).rejects.toBeInstanceOf(StoreError);

    const counts = await store.counts();
    expect(Object.values(counts.nodes).reduce((a, b) => a + b, 0)).toBe(0);
    expect(Object.values(counts.relationships).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await store.changeCounter()).toBe(counter);
    const leftover = (await readdir(tmpdir())).filter(
      (name) => name.startsWith('overblik-load-') && !before.has(name),
    );
    expect(leftover).toEqual([]);

    // The same store then takes the whole, sound landscape.
    await store.bulkLoad(fixture);
    expect((await store.counts()).nodes.Usage).toBe(fixture.nodes.get('Usage')!.length);
  });
});
