import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService } from './analysis/graph-service.ts';
import { createApp } from './app.ts';
import { createHttpServer } from './http-server.ts';
import { buildFixtureLandscape } from './testing/fixture-landscape.ts';
import { createFixtureStore } from './testing/fixture-store.ts';

describe('HTTP server', () => {
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const fixture = await createFixtureStore(buildFixtureLandscape());
    const explorer = await mkdtemp(join(tmpdir(), 'overblik-explorer-'));
    await writeFile(join(explorer, 'index.html'), '<title>Overblik</title>');
    const graph = await GraphService.create(fixture.store);
    const server = createHttpServer(createApp({ graph }), graph, { explorerDir: explorer + '/' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise((resolve) => server.close(resolve));
      await fixture.dispose();
      await rm(explorer, { recursive: true, force: true });
    };
  });
  afterAll(() => close());

  it('answers the health check with the size of the loaded landscape', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', nodes: 19 });
  });

  it('serves GraphQL over HTTP', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "sys-esdh") { ... on System { name } } }' }),
    });
    expect(await response.json()).toEqual({ data: { entity: { name: 'Akta ESDH' } } });
  });

  it('serves the explorer for any page path and refuses paths outside it', async () => {
    expect(await (await fetch(`${base}/map/focus`)).text()).toBe('<title>Overblik</title>');
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
