import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Landscape } from '../model/landscape.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { createStore } from '../store/create-store.ts';

/** A real embedded store in a temporary folder, loaded with a landscape; `dispose` removes it. */
export async function createFixtureStore(
  landscape: Landscape,
): Promise<{ store: GraphStore; path: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'overblik-test-'));
  const path = join(dir, 'graph.kuzu');
  const store = await createStore({ kind: 'embedded', path });
  await store.bulkLoad(landscape);
  return {
    store,
    path,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
