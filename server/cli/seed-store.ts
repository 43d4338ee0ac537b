import type { StoreConfig } from '../config.ts';
import type { GraphCounts } from '../store/graph-store.ts';
import { createStore, replaceStore } from '../store/create-store.ts';
import { countLandscape } from '../model/landscape.ts';
import { generateLandscape, type Scale } from '../../seed/generate-landscape.ts';

export interface SeedResult {
  readonly scale: Scale;
  readonly seed: number;
  readonly counts: GraphCounts;
  readonly generateMs: number;
  readonly loadMs: number;
}

/** Generates a demo landscape and replaces the configured store's content with it. */
export async function seedStore(
  config: StoreConfig,
  scale: Scale,
  seed: number,
  progress: (message: string) => void = () => {},
): Promise<SeedResult> {
  const started = performance.now();
  progress(`generating the ${scale} landscape (seed ${seed})`);
  const landscape = generateLandscape({ scale, seed });
  const generated = performance.now();
  const totals = countLandscape(landscape);
  const nodes = Object.values(totals.nodes).reduce((a, b) => a + b, 0);
  const relationships = Object.values(totals.relationships).reduce((a, b) => a + b, 0);
  progress(`loading ${nodes} nodes and ${relationships} relationships`);
  await replaceStore(config, (store) =>
    store.bulkLoad(landscape, (done, total) => progress(`loading: ${done}/${total} tables`)),
  );
  const loaded = performance.now();
  const store = await createStore(config);
  try {
    return {
      scale,
      seed,
      counts: await store.counts(),
      generateMs: Math.round(generated - started),
      loadMs: Math.round(loaded - generated),
    };
  } finally {
    await store.close();
  }
}
