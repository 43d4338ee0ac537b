import { existsSync, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreConfig } from '../config.ts';
import { CypherGraphStore } from './cypher-graph-store.ts';
import type { GraphStore } from './graph-store.ts';

/**
 * Opens the configured store with its schema applied. This module is the only one that knows
 * both adapters; it decides how a store is opened and replaced, nothing about queries. Each
 * adapter, with its driver, is loaded when its store is first opened: the Neo4j driver alone
 * added 17 MB to the resident memory of a server on the embedded store.
 */
export async function createStore(config: StoreConfig): Promise<GraphStore> {
  let store: GraphStore;
  if (config.kind === 'neo4j') {
    const [{ Neo4jSession }, { neo4jDialect }] = await Promise.all([
      import('./neo4j/neo4j-session.ts'),
      import('./neo4j/neo4j-dialect.ts'),
    ]);
    const session = new Neo4jSession(config);
    await session.verify();
    store = new CypherGraphStore(session, neo4jDialect);
  } else {
    const [{ EmbeddedSession }, { embeddedDialect }] = await Promise.all([
      import('./embedded/embedded-session.ts'),
      import('./embedded/embedded-dialect.ts'),
    ]);
    mkdirSync(dirname(config.path), { recursive: true });
    store = new CypherGraphStore(new EmbeddedSession({ path: config.path }), embeddedDialect);
  }
  await store.applySchema();
  return store;
}

/**
 * Whether `replaceStore` swaps the whole content at once (a new file renamed into place) rather
 * than clearing and loading in steps; writers that need all-or-nothing choose by this.
 */
export function replacesAtomically(config: StoreConfig): boolean {
  return config.kind === 'embedded';
}

async function removeEmbeddedFiles(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await rm(`${path}.wal`, { force: true });
}

/**
 * Replaces the whole content of a store with what `load` writes into an empty one. An embedded
 * store is loaded into a new file beside the old one and renamed over it only when the load
 * succeeded, so a failed or killed load leaves the old store as it was; a Neo4j database is
 * cleared first.
 */
export async function replaceStore(
  config: StoreConfig,
  load: (store: GraphStore) => Promise<void>,
): Promise<void> {
  if (config.kind === 'neo4j') {
    const store = await createStore(config);
    try {
      await store.clear();
      await load(store);
    } finally {
      await store.close();
    }
    return;
  }
  const staging = `${config.path}.loading`;
  await removeEmbeddedFiles(staging);
  const store = await createStore({ kind: 'embedded', path: staging });
  try {
    await load(store);
  } catch (error) {
    await store.close();
    await removeEmbeddedFiles(staging);
    throw error;
  }
  await store.close();
  await removeEmbeddedFiles(config.path);
  await rename(staging, config.path);
  if (existsSync(`${staging}.wal`)) await rename(`${staging}.wal`, `${config.path}.wal`);
}
