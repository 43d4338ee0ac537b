import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLandscape } from '../seed/generate-landscape.ts';
import { AccessPolicy } from './access/access-policy.ts';
import { createApiToken, hashApiToken } from './access/api-token.ts';
import { GraphService } from './analysis/graph-service.ts';
import { createApp } from './app.ts';
import { collectGarbage } from './collect-garbage.ts';
import { createHttpServer } from './http-server.ts';
import type { Landscape, NodeRecord } from './model/landscape.ts';
import type { GraphStore } from './store/graph-store.ts';
import { createFixtureStore } from './testing/fixture-store.ts';
import { closeServer, listenLocally } from './testing/listen-locally.ts';

/**
 * A load test on loopback: the real HTTP server in server mode over a real embedded store with
 * the medium demo landscape (ten municipalities, ~33,000 records). 64 clients, each with a
 * reader's token of one of four municipalities, send a mix of reads as fast as answers come
 * (search, neighbourhood, blast radius, deadlines, compare, who-uses, entity, analysis exports;
 * two of them download CSV and JSON exports) for LOAD_SECONDS (60 by default, as CI runs it),
 * while two editors import their own municipality's usages again and again with changing values.
 * Every answer must be a
 * 200 without errors, every import accepted, its last values readable afterwards, and the heap
 * after a forced collection must not grow between the end of the warm-up and the end of the run.
 * Throughput and latency percentiles are printed; no time is asserted.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = 64;
const AS_OF = '2026-11-22';
/** Usages each editor rewrites per import. */
const IMPORTED_USAGES = 25;
/** Pause between one editor's imports: each write rebuilds the analysis index (~1 s of CPU). */
const IMPORT_PAUSE_MS = 2_000;
const LIFECYCLES = ['OPERATIONAL', 'PHASING_IN', 'PHASING_OUT', 'NOT_IN_USE', 'UNDECIDED'];

/** Heap in use after two full collections, in MB. */
async function settledHeapMb(): Promise<number> {
  for (let i = 0; i < 2; i++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The ids the clients ask about, per municipality, from the generated landscape. */
interface Municipality {
  readonly id: string;
  readonly usages: readonly NodeRecord[];
  readonly contracts: readonly string[];
}

function municipalitiesOf(landscape: Landscape): Municipality[] {
  const organizations = landscape.nodes.get('Organization') ?? [];
  const byMunicipality = (label: 'Usage' | 'Contract', id: string) =>
    (landscape.nodes.get(label) ?? []).filter((r) => r.municipalityId === id);
  return organizations
    .filter((o) => o.kind === 'MUNICIPALITY')
    .map((o) => ({
      id: o.id,
      usages: byMunicipality('Usage', o.id),
      contracts: byMunicipality('Contract', o.id).map((c) => c.id),
    }))
    .filter((m) => m.usages.length > IMPORTED_USAGES && m.contracts.length > 0)
    .slice(0, 4);
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

let base: string;
let server: Server;
let store: GraphStore;
let dispose: () => Promise<void>;
let municipalities: Municipality[];
let systems: string[];
let systemNames: string[];
let suppliers: string[];
const readers: string[] = [];
const editors: string[] = [];
let admin: string;

beforeAll(async () => {
  const landscape = generateLandscape({ scale: 'medium', seed: 1, referenceDate: '2026-11-01' });
  const fixture = await createFixtureStore(landscape);
  store = fixture.store;
  municipalities = municipalitiesOf(landscape);
  const used = new Set((landscape.relationships.get('INSTANCE_OF') ?? []).map((r) => r.to));
  const catalogue = (landscape.nodes.get('System') ?? []).filter((s) => used.has(s.id));
  systems = catalogue.map((s) => s.id);
  systemNames = catalogue.map((s) => String(s.name));
  suppliers = [...new Set((landscape.relationships.get('SUPPLIED_BY') ?? []).map((r) => r.to))];
  const entry = (name: string, role: string, municipalityId: string, into: string[]) => {
    const token = createApiToken();
    into.push(token);
    return { name, sha256: hashApiToken(token), role, municipalityId };
  };
  const admins: string[] = [];
  const access = AccessPolicy.parse(
    {
      tokens: [
        ...municipalities.map((m, i) => entry(`reader-${i}`, 'reader', m.id, readers)),
        ...municipalities.slice(0, 2).map((m, i) => entry(`editor-${i}`, 'editor', m.id, editors)),
        entry('admin', 'admin', municipalities[0]!.id, admins),
      ],
      sharing: Object.fromEntries(
        municipalities.map((m, i) => [
          m.id,
          (['landscape', 'full', 'none', 'landscape'] as const)[i],
        ]),
      ),
    },
    'load test access',
  );
  admin = admins[0]!;
  const graph = await GraphService.create(store);
  server = createHttpServer(createApp({ graph }), graph, {
    access,
    rateLimitPerMinute: 1_000_000_000,
  });
  base = await listenLocally(server);
  dispose = async () => {
    await closeServer(server);
    await fixture.dispose();
  };
});

afterAll(() => dispose());

// ---- the requests ----

interface Read {
  readonly kind: string;
  readonly path: string;
  readonly init?: RequestInit;
  /** GraphQL: the answer must have data and no errors. */
  readonly graphql: boolean;
}

function graphql(kind: string, token: string, query: string, variables: object): Read {
  return {
    kind,
    path: '/graphql',
    graphql: true,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    },
  };
}

function download(kind: string, token: string, path: string): Read {
  return { kind, path, graphql: false, init: { headers: { authorization: `Bearer ${token}` } } };
}

/** How often each read comes (by its case below): mostly the explorer's questions. */
const MIX = [
  ...Array<number>(6).fill(0), // search
  ...Array<number>(6).fill(1), // neighbourhood
  ...Array<number>(5).fill(2), // blastRadius
  ...Array<number>(5).fill(3), // deadlines
  ...Array<number>(3).fill(4), // compare
  ...Array<number>(5).fill(5), // whoUses
  ...Array<number>(8).fill(6), // entity
  ...Array<number>(2).fill(9), // export analysis
];

/**
 * Clients that download CSV and JSON exports one after another instead. A download reads the
 * whole store (~0.7 s of the store's time for the medium landscape), so two such users already
 * keep it busy; more would only queue.
 */
const DOWNLOADERS = 2;

/** One read a client of `own` might make, chosen at random (a download for downloaders). */
function someRead(token: string, own: Municipality, downloader: boolean): Read {
  const usage = pick(own.usages).id;
  const other = pick(municipalities.filter((m) => m !== own)).id;
  switch (downloader ? pick([7, 8]) : pick(MIX)) {
    case 0:
      return graphql(
        'search',
        token,
        'query($t: String!) { search(text: $t, first: 20) { total hits { id name kind } } }',
        { t: pick(systemNames).slice(0, 3 + Math.floor(Math.random() * 4)) },
      );
    case 1:
      return graphql(
        'neighbourhood',
        token,
        'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2, maxNodes: 300) { nodes { id name kind } edges { source target type } truncated } }',
        { ids: [Math.random() < 0.5 ? usage : pick(systems)] },
      );
    case 2: {
      const inputs = [
        { systemIds: [pick(systems)], asOf: AS_OF, municipalityId: own.id },
        { contractIds: [pick(own.contracts)], asOf: AS_OF },
        { supplierId: pick(suppliers), asOf: AS_OF, municipalityId: own.id },
      ];
      return graphql(
        'blastRadius',
        token,
        'query($input: BlastRadiusInput!) { blastRadius(input: $input) { totals { endingContracts hitUsages lostUsages } hitUsages { usageId status } } }',
        { input: pick(inputs) },
      );
    }
    case 3:
      return graphql(
        'deadlines',
        token,
        'query($m: ID) { deadlines(asOf: "2026-11-22", municipalityId: $m, withinMonths: 24, first: 25) { total items { contractId name status } } }',
        { m: own.id },
      );
    case 4:
      return graphql(
        'compare',
        token,
        'query($ids: [ID!]!) { compare(municipalityIds: $ids, asOf: "2026-11-22") { systems { sharedIds } suppliers { sharedIds } } }',
        { ids: [own.id, other] },
      );
    case 5:
      return graphql(
        'whoUses',
        token,
        'query($s: ID!) { whoUses(systemId: $s, asOf: "2026-11-22") { municipalityCount rows { municipalityId usageId lifecycle } } }',
        { s: pick(systems) },
      );
    case 6:
      return graphql(
        'entity',
        token,
        'query($id: ID!) { entity(id: $id) { id ... on Usage { localName lifecycle system { name } usedBy(first: 5) { id } } } }',
        { id: usage },
      );
    case 7:
      return download('export csv', token, `/export/csv/usages.csv?municipality=${own.id}`);
    case 8:
      return download('export json', token, `/export/json?focus=${usage}&depth=1`);
    default: {
      const input = encodeURIComponent(
        JSON.stringify({ asOf: AS_OF, municipalityId: own.id, withinMonths: 12 }),
      );
      return download('export analysis', token, `/export/analysis/deadlines?input=${input}`);
    }
  }
}

// ---- the run ----

interface Outcome {
  readonly latencies: Map<string, number[]>;
  readonly failures: string[];
  requests: number;
}

async function client(index: number, stop: () => boolean, outcome: Outcome): Promise<void> {
  const own = municipalities[index % municipalities.length]!;
  const token = readers[index % readers.length]!;
  while (!stop()) {
    const read = someRead(token, own, index < DOWNLOADERS);
    const started = performance.now();
    try {
      const response = await fetch(`${base}${read.path}`, read.init);
      const text = await response.text();
      const ms = performance.now() - started;
      outcome.requests++;
      const list = outcome.latencies.get(read.kind) ?? [];
      list.push(ms);
      outcome.latencies.set(read.kind, list);
      let problem = response.status === 200 ? null : `status ${response.status}`;
      if (!problem && read.graphql) {
        const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
        if (body.errors !== undefined || !body.data) problem = 'errors';
      }
      if (problem)
        outcome.failures.push(`${read.kind} ${read.path}: ${problem}: ${text.slice(0, 300)}`);
    } catch (error) {
      outcome.failures.push(`${read.kind} ${read.path}: ${String(error)}`);
    }
  }
}

interface Imports {
  /** The values each usage was last imported with. */
  readonly last: Map<string, { localName: string; lifecycle: string }>;
  readonly failures: string[];
  readonly ms: number[];
  readonly rounds: number[];
}

/** One editor importing its municipality's usages with new values until told to stop. */
async function editor(index: number, stop: () => boolean, imports: Imports): Promise<void> {
  const own = municipalities[index]!;
  const usages = own.usages.slice(0, IMPORTED_USAGES);
  while (!stop()) {
    // Rounds count on across runs, so that every import changes every row.
    const round = (imports.rounds[index] = (imports.rounds[index] ?? 0) + 1);
    const rows = usages.map((u, i) => {
      const values = {
        localName: `Belastning ${index}-${round}-${i}`,
        lifecycle: LIFECYCLES[(round + i) % LIFECYCLES.length]!,
      };
      return { id: u.id, ...values };
    });
    const csv =
      'id,municipalityId,localName,lifecycle\n' +
      rows.map((r) => `${r.id},${own.id},${r.localName},${r.lifecycle}`).join('\n') +
      '\n';
    const started = performance.now();
    const response = await fetch(`${base}/import?name=usages.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editors[index]}` },
      body: csv,
    });
    const report = (await response.json()) as { status?: string; issues?: unknown[] };
    imports.ms.push(performance.now() - started);
    if (response.status !== 200 || report.status !== 'imported') {
      imports.failures.push(
        `import ${index}/${round}: ${response.status} ${JSON.stringify(report).slice(0, 300)}`,
      );
    } else {
      for (const row of rows) imports.last.set(row.id, row);
    }
    await new Promise((resolve) => setTimeout(resolve, IMPORT_PAUSE_MS));
  }
}

/** Runs the clients and editors for `seconds`, then waits for every one of them to finish. */
async function run(seconds: number, outcome: Outcome, imports: Imports): Promise<void> {
  const until = performance.now() + seconds * 1000;
  const stop = () => performance.now() >= until;
  await Promise.all([
    ...Array.from({ length: CLIENTS }, (_, i) => client(i, stop, outcome)),
    editor(0, stop, imports),
    editor(1, stop, imports),
  ]);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function describeLatencies(latencies: Map<string, number[]>): string[] {
  const lines = ['  kind              count     p50     p95     p99     max (ms)'];
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  for (const [kind, list] of [...latencies, ['all', all] as const]) {
    const sorted = [...list].sort((a, b) => a - b);
    const cells = [50, 95, 99, 100].map((p) => percentile(sorted, p).toFixed(0).padStart(7));
    lines.push(`  ${kind.padEnd(16)} ${String(sorted.length).padStart(6)} ${cells.join(' ')}`);
  }
  return lines;
}

describe('the server under load', () => {
  it(
    `answers ${CLIENTS} clients for ${SECONDS} s without an error, losing no import, without heap growth`,
    async () => {
      expect(municipalities).toHaveLength(4);
      const outcome: Outcome = { latencies: new Map(), failures: [], requests: 0 };
      const imports: Imports = { last: new Map(), failures: [], ms: [], rounds: [] };
      // Warm-up: code compiled, caches of each viewer's view built, connections open.
      const warmUp = Math.max(3, Math.round(SECONDS * 0.15));
      let started = performance.now();
      await run(warmUp, outcome, imports);
      let seconds = (performance.now() - started) / 1000;
      const heapAfterWarmUp = await settledHeapMb();
      started = performance.now();
      await run(SECONDS - warmUp, outcome, imports);
      seconds += (performance.now() - started) / 1000;
      const heapAtEnd = await settledHeapMb();

      const importMs = [...imports.ms].sort((a, b) => a - b);
      console.info(
        [
          `load: ${CLIENTS} clients, ${SECONDS} s (${warmUp} s warm-up), ${outcome.requests} requests ` +
            `(${(outcome.requests / seconds).toFixed(0)} per second), ${imports.ms.length} imports ` +
            `(median ${percentile(importMs, 50).toFixed(0)} ms, max ${percentile(importMs, 100).toFixed(0)} ms)`,
          ...describeLatencies(outcome.latencies),
          `  heap after a full collection: ${heapAfterWarmUp.toFixed(1)} MB after warm-up, ` +
            `${heapAtEnd.toFixed(1)} MB at the end; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
        ].join('\n'),
      );

      expect(outcome.failures.slice(0, 10)).toEqual([]);
      expect(imports.failures).toEqual([]);
      expect(imports.ms.length).toBeGreaterThan(1);
      // Nothing lost: the store and the server's view both hold each usage's last import.
      const ids = [...imports.last.keys()];
      const stored = await store.readNodes(ids, ['Usage']);
      expect(
        Object.fromEntries(
          stored.map((n) => [
            n.properties.id,
            { localName: n.properties.localName, lifecycle: n.properties.lifecycle },
          ]),
        ),
      ).toEqual(
        Object.fromEntries(
          [...imports.last].map(([id, v]) => [
            id,
            { localName: v.localName, lifecycle: v.lifecycle },
          ]),
        ),
      );
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query:
            'query($ids: [ID!]!) { entities(ids: $ids) { id ... on Usage { localName lifecycle } } }',
          variables: { ids },
        }),
      });
      const served = (await response.json()) as {
        data: { entities: { id: string; localName: string; lifecycle: string }[] };
      };
      expect(
        Object.fromEntries(
          served.data.entities.map((e) => [
            e.id,
            { localName: e.localName, lifecycle: e.lifecycle },
          ]),
        ),
      ).toEqual(
        Object.fromEntries(
          [...imports.last].map(([id, v]) => [
            id,
            { localName: v.localName, lifecycle: v.lifecycle },
          ]),
        ),
      );
      // A leak of a few KB per request or of an index per import grows the heap by far more than
      // this over the run; the allowance covers what a collection may leave behind by chance.
      expect(heapAtEnd - heapAfterWarmUp).toBeLessThan(Math.max(32, heapAfterWarmUp * 0.15));
    },
    (SECONDS + 240) * 1000,
  );
});
