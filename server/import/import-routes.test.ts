import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService } from '../analysis/graph-service.ts';
import { createApp } from '../app.ts';
import { createHttpServer } from '../http-server.ts';
import { buildFixtureLandscape } from '../testing/fixture-landscape.ts';
import { createFixtureStore } from '../testing/fixture-store.ts';
import type { ImportReport } from './import-report.ts';
import { closeServer, listenLocally } from '../testing/listen-locally.ts';

describe('import and export over HTTP', () => {
  let base: string;
  let small: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const fixture = await createFixtureStore(buildFixtureLandscape());
    const graph = await GraphService.create(fixture.store);
    const server = createHttpServer(createApp({ graph }), graph);
    base = await listenLocally(server);
    // The same routes with a 1 KB upload limit, to test the limit without sending 50 MB.
    const limited = createHttpServer(createApp({ graph }), graph, { maxUploadBytes: 1024 });
    small = await listenLocally(limited);
    close = async () => {
      await closeServer(server);
      await closeServer(limited);
      await fixture.dispose();
    };
  });
  afterAll(() => close());

  it('imports one uploaded file, answers the report and refreshes the analysis index', async () => {
    const before = (await (await fetch(`${base}/healthz`)).json()) as { nodes: number };
    const response = await fetch(`${base}/import?name=data-types.csv`, {
      method: 'POST',
      body: 'id,name\ndt-dok,Dokument\ndt-sag,Sag\n',
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as ImportReport;
    expect(report).toMatchObject({ status: 'imported', written: true, issues: [] });
    expect(report.imported.DataType).toEqual({ created: 1, updated: 0, unchanged: 1, rejected: 0 });
    const after = (await (await fetch(`${base}/healthz`)).json()) as { nodes: number };
    expect(after.nodes).toBe(before.nodes + 1);
  });

  it('imports several files sent as JSON and answers 422 with the issues when rejected', async () => {
    const response = await fetch(`${base}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        files: [
          {
            name: 'usages.csv',
            content: 'id,municipalityId,systemId,lifecycle\nuse-new,org-aarby,sys-oko,Drift\n',
          },
          {
            name: 'data-types.csv',
            base64: Buffer.from('id,name\ndt-gis,GIS\n').toString('base64'),
          },
        ],
      }),
    });
    expect(response.status).toBe(422);
    const report = (await response.json()) as ImportReport;
    expect(report.status).toBe('rejected');
    expect(report.issues).toEqual([
      expect.objectContaining({
        file: 'usages.csv',
        line: 2,
        column: 'lifecycle',
        code: 'UNKNOWN_VALUE',
      }),
    ]);
    const check = await fetch(`${base}/import?name=data-types.csv&dryRun=1`, {
      method: 'POST',
      body: 'id,name\ndt-gis,GIS\n',
    });
    expect(((await check.json()) as ImportReport).imported.DataType).toMatchObject({ created: 1 });
  });

  it('refuses an upload over the limit with 413, whether or not it declares its length', async () => {
    const body = 'id,name\n' + 'dt-x,Navn\n'.repeat(200);
    const declared = await fetch(`${small}/import?name=data-types.csv`, { method: 'POST', body });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: 'The body is 0.0 MB; the limit is 0.0 MB',
    });
    const streamed = await fetch(`${small}/import?name=data-types.csv`, {
      method: 'POST',
      body: Readable.toWeb(Readable.from([Buffer.from(body)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { message: string }).message).toMatch(/over the limit/);
  });

  it('answers bad requests with a reason', async () => {
    expect((await fetch(`${base}/import`)).status).toBe(405);
    const noName = await fetch(`${base}/import`, { method: 'POST', body: 'id,name\n' });
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as { message: string }).message).toMatch(/\?name=FILE/);
    const badFormat = await fetch(`${base}/import?name=x.csv&format=xlsx`, {
      method: 'POST',
      body: 'x',
    });
    expect(badFormat.status).toBe(400);
  });

  it('serves canonical CSV per entity kind, GraphML and JSON, of a municipality', async () => {
    const list = await fetch(`${base}/export/csv`);
    expect(((await list.json()) as { files: string[] }).files).toContain('usages.csv');
    const csv = await fetch(`${base}/export/csv/usages.csv?municipality=org-aarby`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="usages.csv"');
    const rows = (await csv.text()).trim().split('\n');
    expect(rows[0]!.startsWith('id,municipalityId,localName')).toBe(true);
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[0])
        .sort(),
    ).toEqual(['use-aarby-esdh', 'use-aarby-oko']);
    const graphml = await (await fetch(`${base}/export/graphml?municipality=org-aarby`)).text();
    expect(graphml).toContain('<node id="use-aarby-esdh">');
    expect(graphml).not.toContain('use-borup-esdh');
    const json = (await (await fetch(`${base}/export/json?focus=sys-oko&depth=1`)).json()) as {
      nodes: { properties: { id: string } }[];
    };
    expect(json.nodes.map((n) => n.properties.id).sort()).toEqual(['sys-oko', 'use-aarby-oko']);
    const unknown = await fetch(`${base}/export/graphml?municipality=nowhere`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: 'NOT_FOUND',
      message: 'Municipality "nowhere" not found',
    });
    expect((await fetch(`${base}/export/csv/people.csv`)).status).toBe(404);
  });
});
