import { AccessPolicy } from '../access/access-policy.ts';
import { GraphService } from '../analysis/graph-service.ts';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { createHttpServer } from '../http-server.ts';
import { createStore } from '../store/create-store.ts';
import type { Output } from './output.ts';
import { seedStore } from './seed-store.ts';

/** The demo `npm start` seeds into an empty store. */
const DEMO = { scale: 'medium', seed: 1 } as const;

/** Opens the store (seeding the demo first when asked and empty), builds the index and listens. */
export async function serve(
  config: Config,
  out: Output,
  { seedIfEmpty }: { seedIfEmpty: boolean },
): Promise<void> {
  if (seedIfEmpty) {
    const probe = await createStore(config.store);
    const counts = await probe.counts();
    await probe.close();
    if (Object.values(counts.nodes).every((n) => n === 0)) {
      out.progress(`The store is empty: seeding the ${DEMO.scale} demo landscape.`);
      const result = await seedStore(config.store, DEMO.scale, DEMO.seed, (m) => out.progress(m));
      out.progress(`Seeded in ${result.generateMs + result.loadMs} ms.`);
      if (!out.json) process.stderr.write('\n');
    }
  }
  // Read before the store opens, so a bad access file stops the server before anything else.
  const access =
    config.access.mode === 'server' ? await AccessPolicy.load(config.access.source) : undefined;
  const store = await createStore(config.store);
  const started = performance.now();
  const graph = await GraphService.create(store);
  const index = await graph.current();
  const buildMs = Math.round(performance.now() - started);
  const server = createHttpServer(createApp({ graph }), graph, {
    ...(access ? { access } : {}),
    rateLimitPerMinute: config.hardening.rateLimitPerMinute,
    corsOrigins: config.hardening.corsOrigins,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  out.result(
    `Overblik is serving ${index.nodeCount} nodes and ${index.relationshipCount} relationships ` +
      `(index built in ${buildMs} ms).\n  Explorer: ${url}/\n  GraphQL:  ${url}/graphql\n` +
      (access
        ? '  Server mode: sign in with an API token from the access file.'
        : '  Local mode: one all-seeing user, reachable from this machine only.'),
    {
      url,
      graphql: `${url}/graphql`,
      mode: config.access.mode,
      nodes: index.nodeCount,
      indexBuildMs: buildMs,
    },
  );
  const stop = () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
