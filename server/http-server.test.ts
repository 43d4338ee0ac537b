import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService } from './analysis/graph-service.ts';
import { createApp } from './app.ts';
import { AccessPolicy } from './access/access-policy.ts';
import { createApiToken, hashApiToken } from './access/api-token.ts';
import { createHttpServer } from './http-server.ts';
import { buildFixtureLandscape } from './testing/fixture-landscape.ts';
import { createFixtureStore } from './testing/fixture-store.ts';
import { closeServer, listenLocally } from './testing/listen-locally.ts';

describe('HTTP server', () => {
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const fixture = await createFixtureStore(buildFixtureLandscape());
    const explorer = await mkdtemp(join(tmpdir(), 'overblik-explorer-'));
    await writeFile(join(explorer, 'index.html'), '<title>Overblik</title>');
    const graph = await GraphService.create(fixture.store);
    const server = createHttpServer(createApp({ graph }), graph, { explorerDir: explorer + '/' });
    base = await listenLocally(server);
    close = async () => {
      await closeServer(server);
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

describe('HTTP hardening', () => {
  let base: string;
  let close: () => Promise<void>;
  let requestTimeout = 0;
  const token = createApiToken();
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const query = JSON.stringify({ query: '{ viewer { id } }' });

  beforeAll(async () => {
    const fixture = await createFixtureStore(buildFixtureLandscape());
    const graph = await GraphService.create(fixture.store);
    const access = AccessPolicy.parse(
      {
        tokens: [
          { name: 'ib', sha256: hashApiToken(token), role: 'reader', municipalityId: 'org-aarby' },
        ],
      },
      'test',
    );
    const server = createHttpServer(createApp({ graph }), graph, {
      access,
      rateLimitPerMinute: 8,
      corsOrigins: ['https://portal.example.dk'],
      maxGraphqlBytes: 2048,
    });
    requestTimeout = server.requestTimeout;
    base = await listenLocally(server);
    close = async () => {
      await closeServer(server);
      await fixture.dispose();
    };
  });
  afterAll(() => close());

  it('sends security headers, and no-store with a locked-down policy on API answers', async () => {
    const api = await fetch(`${base}/graphql`, { method: 'POST', headers: auth, body: query });
    expect(api.status).toBe(200);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('referrer-policy')).toBe('no-referrer');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
    expect(requestTimeout).toBeGreaterThan(0);
  });

  it('refuses cross-origin requests from unknown origins and answers allowed ones', async () => {
    const other = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { ...auth, origin: 'https://evil.example' },
      body: query,
    });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({
      errors: [
        {
          message: 'Requests from https://evil.example are not allowed',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.dk', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://portal.example.dk');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const allowed = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { ...auth, origin: 'https://portal.example.dk' },
      body: query,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.dk');
  });

  it('refuses a GraphQL body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(4096)}` });
    const declared = await fetch(`${base}/graphql`, { method: 'POST', headers: auth, body: big });
    expect(declared.status).toBe(413);
    const streamed = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: auth,
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('limits requests per token with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: auth,
        body: query,
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(8);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
