import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { Visibility } from '../access/visibility.ts';
import { GraphIndex } from '../analysis/graph-index.ts';
import { GraphService } from '../analysis/graph-service.ts';
import { graphFor } from '../analysis/visible-graph.ts';
import { LOCAL_VIEWER, type Viewer } from '../api/context.ts';
import { createApiSchema } from '../api/create-schema.ts';
import { createApp } from '../app.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import type { Landscape } from '../model/landscape.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { buildBlastRadiusScenario } from '../testing/blast-radius-scenario.ts';
import { buildCompareScenario } from '../testing/compare-scenario.ts';
import { createFixtureStore } from '../testing/fixture-store.ts';
import { buildMapScenario } from '../testing/map-scenario.ts';
import {
  EXPORTED_ANALYSES,
  exportAnalysis,
  handleAnalysisExport,
  type AnalysisExportContext,
} from './export-analysis.ts';

/** A landscape in a real embedded store, with the GraphQL API over it and the local viewer's index. */
interface Served {
  readonly store: GraphStore;
  readonly context: AnalysisExportContext;
  readonly ask: (
    query: string,
    variables: unknown,
  ) => Promise<{ data?: Record<string, unknown>; errors?: unknown }>;
  readonly dispose: () => Promise<void>;
}

async function serve(landscape: Landscape): Promise<Served> {
  const fixture = await createFixtureStore(landscape);
  const graph = await GraphService.create(fixture.store);
  const app = createApp({ graph });
  return {
    store: fixture.store,
    context: { index: await graph.current(), viewer: LOCAL_VIEWER },
    ask: async (query, variables) => {
      const response = await app.fetch('http://overblik/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    },
    dispose: fixture.dispose,
  };
}

const schema = createApiSchema();

// Types are read by shape: the schema may come from the other (CommonJS or ESM) copy of graphql.
function namedType(field: GraphQLField<unknown, unknown>) {
  return schema.getType(String(field.type).replace(/[[\]!]/g, ''))!;
}

function isEntity(field: GraphQLField<unknown, unknown>): boolean {
  const named = namedType(field);
  return (
    named.name === 'Entity' ||
    ('getInterfaces' in named && named.getInterfaces().some((i) => i.name === 'Entity'))
  );
}

/** A selection of every field of a result type, entities by id: what a client asking for all gets. */
function selectAll(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((field) => {
      const named = namedType(field);
      if ('serialize' in named) return field.name;
      if (isEntity(field)) return `${field.name} { id }`;
      return `${field.name} { ${selectAll(named as GraphQLObjectType)} }`;
    })
    .join(' ');
}

/** The GraphQL query of one analysis with every argument as a variable and every field selected. */
function queryOf(name: string): string {
  const field = schema.getQueryType()!.getFields()[name]!;
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = selectAll(namedType(field) as GraphQLObjectType);
  return `query (${variables}) { ${name}(${args}) { ${selection} } }`;
}

/** An export with its entity references cut down to the `{ id }` a GraphQL client selected. */
function idsOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(idsOnly);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort().join();
  if (keys === 'id,kind,name') return { id: (value as { id: string }).id };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, idsOnly(v)]));
}

const SCENARIOS = {
  blast: buildBlastRadiusScenario,
  compare: buildCompareScenario,
  map: buildMapScenario,
} as const;

const CASES = [
  [
    'blastRadius',
    'blast',
    { input: { contractIds: ['con-aarby-esdh'], asOf: '2026-03-01', maxDepth: 2 } },
  ],
  ['deadlines', 'blast', { asOf: '2026-03-01', withinMonths: 12 }],
  ['compare', 'compare', { municipalityIds: ['org-aarby', 'org-borup'], asOf: '2025-01-01' }],
  ['dataQuality', 'compare', { asOf: '2025-01-01' }],
  ['whoUses', 'map', { systemId: 'sys-esdh', asOf: '2025-06-01' }],
  ['neighbourhood', 'map', { ids: ['sys-esdh'], depth: 2 }],
] as const;

const served = new Map<keyof typeof SCENARIOS, Served>();
beforeAll(async () => {
  // One store per scenario, one after another: every open Kùzu database reserves address space.
  for (const [key, build] of Object.entries(SCENARIOS)) {
    served.set(key as keyof typeof SCENARIOS, await serve(build()));
  }
});
afterAll(async () => {
  for (const s of served.values()) await s.dispose();
});

describe('exportAnalysis', () => {
  it('covers every analysis it names', () => {
    expect(CASES.map(([name]) => name).sort()).toEqual([...EXPORTED_ANALYSES].sort());
  });

  it.each(CASES)(
    '%s: gives every field of the GraphQL answer under the same names and values',
    async (name, scenario, input) => {
      const { ask, context } = served.get(scenario)!;
      const answer = await ask(queryOf(name), input);
      expect(answer.errors).toBeUndefined();
      const exported = exportAnalysis(name, input, context);
      // Through JSON, as the file holds it.
      expect(idsOnly(JSON.parse(JSON.stringify(exported)))).toEqual(answer.data?.[name]);
    },
  );

  describe('on the blast-radius scenario', () => {
    let context: AnalysisExportContext;
    beforeAll(() => {
      context = served.get('blast')!.context;
    });

    it('writes entities as references with kind and name', () => {
      const result = exportAnalysis(
        'blastRadius',
        { input: { contractIds: ['con-aarby-esdh'], asOf: '2026-03-01' } },
        context,
      ) as { endingContracts: Record<string, unknown>[] };
      expect(result.endingContracts[0]).toMatchObject({
        contractId: 'con-aarby-esdh',
        contract: { id: 'con-aarby-esdh', kind: 'CONTRACT', name: 'ESDH-kontrakt 2019' },
        supplier: { id: 'org-nordlys', kind: 'ORGANIZATION', name: 'Nordlys Data A/S' },
        pathEntities: [{ id: 'con-aarby-esdh', kind: 'CONTRACT', name: 'ESDH-kontrakt 2019' }],
      });
    });

    it("runs for the context's viewer: a municipality's viewer gets its own contracts by default", () => {
      const borup: Viewer = {
        ...LOCAL_VIEWER,
        id: 'borup',
        municipalityId: 'org-borup',
        role: 'READER',
      };
      const all = exportAnalysis('deadlines', { asOf: '2026-03-01' }, context) as {
        items: { municipalityId: string }[];
      };
      const own = exportAnalysis(
        'deadlines',
        { asOf: '2026-03-01' },
        { index: context.index, viewer: borup },
      ) as { items: { municipalityId: string }[] };
      expect(new Set(all.items.map((i) => i.municipalityId))).toEqual(
        new Set(['org-aarby', 'org-borup']),
      );
      expect(own.items.length).toBeGreaterThan(0);
      expect(new Set(own.items.map((i) => i.municipalityId))).toEqual(new Set(['org-borup']));
    });

    it("answers from the context's view: what the viewer may not see is not exported", async () => {
      const index = await GraphIndex.build(served.get('blast')!.store);
      const visibility = new Visibility('org-borup', new Map([['org-aarby', 'NONE']]));
      const viewer: Viewer = {
        id: 'borup',
        municipalityId: 'org-borup',
        role: 'READER',
        visibility,
      };
      const input = { asOf: '2026-03-01', municipalityId: 'org-aarby' };
      const full = exportAnalysis('deadlines', input, { index, viewer: LOCAL_VIEWER }) as {
        total: number;
      };
      expect(full.total).toBeGreaterThan(0);
      const seen = exportAnalysis('deadlines', input, {
        index: graphFor(index, visibility),
        viewer,
      }) as { total: number; items: unknown[] };
      expect(seen).toMatchObject({ total: 0, items: [] });
    });

    const bad: [string, unknown, RegExp][] = [
      [
        'nowhere',
        {},
        /^Unknown analysis "nowhere"; use blastRadius, deadlines, compare, whoUses, dataQuality, neighbourhood$/,
      ],
      ['deadlines', {}, /^deadlines: argument "asOf" of type Date! is required$/],
      [
        'deadlines',
        { asOf: '1. marts 2026' },
        /^deadlines: argument "asOf" = "1\. marts 2026": .*Date must be YYYY-MM-DD/,
      ],
      [
        'blastRadius',
        { input: { asOf: '2026-03-01', window: { from: '2026-01-01', to: 7 } } },
        /^blastRadius: argument "input\.window\.to" = 7: .*Date must be YYYY-MM-DD; got 7/,
      ],
      [
        'deadlines',
        { asOf: '2026-03-01', statuses: ['SOON'] },
        /^deadlines: argument "statuses\[0\]" = "SOON": Value "SOON" does not exist in "DeadlineStatus" enum/,
      ],
      [
        'whoUses',
        { system: 'sys-esdh', asOf: '2026-03-01' },
        /^whoUses: unknown argument "system" \(value "sys-esdh"\); the arguments are systemId: ID!, asOf: Date!; argument "systemId" of type ID! is required$/,
      ],
      [
        'compare',
        ['org-aarby'],
        /^compare: the input must be a JSON object .*; got \["org-aarby"\]$/,
      ],
      [
        'blastRadius',
        { input: { asOf: '2026-03-01', maxDepth: 50, contractIds: ['con-aarby-esdh'] } },
        /^blastRadius: maxDepth must be 1–10; got 50$/,
      ],
    ];

    it.each(bad)(
      'refuses %s with %j, naming the analysis, argument and value',
      (name, input, message) => {
        let thrown: unknown;
        try {
          exportAnalysis(name, input, context);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(InvalidInputError);
        expect((thrown as Error).message).toMatch(message);
      },
    );

    it('names the analysis in its own not-found error', () => {
      expect(() =>
        exportAnalysis(
          'blastRadius',
          { input: { asOf: '2026-03-01', contractIds: ['con-x'] } },
          context,
        ),
      ).toThrow(new NotFoundError('blastRadius: Contract "con-x" not found'));
    });
  });

  it('holds every page of deadlines and dataQuality unless the input asks for a page', async () => {
    const small = await serve(generateLandscape({ scale: 'small', seed: 2 }));
    const { context } = small;
    const whole = exportAnalysis('deadlines', { asOf: '2026-03-01' }, context) as {
      total: number;
      offset: number;
      items: { contractId: string }[];
    };
    // More than the API's default page of 50.
    expect(whole.total).toBeGreaterThan(50);
    expect(whole.items).toHaveLength(whole.total);
    expect(new Set(whole.items.map((i) => i.contractId)).size).toBe(whole.total);
    const page = exportAnalysis(
      'deadlines',
      { asOf: '2026-03-01', first: 5, offset: 10 },
      context,
    ) as typeof whole;
    expect(page.items).toEqual(whole.items.slice(10, 15));
    const findings = exportAnalysis('dataQuality', { asOf: '2026-03-01' }, context) as {
      total: number;
      findings: unknown[];
    };
    expect(findings.total).toBeGreaterThan(100);
    expect(findings.findings).toHaveLength(findings.total);
    await small.dispose();
  });
});

describe('handleAnalysisExport', () => {
  let context: AnalysisExportContext;
  beforeAll(() => {
    context = served.get('map')!.context;
  });

  const url = (name: string, input?: string) =>
    new URL(
      `http://overblik/export/analysis/${name}` +
        (input === undefined ? '' : `?input=${encodeURIComponent(input)}`),
    );

  it('answers the result as a JSON attachment named after the analysis', () => {
    const input = JSON.stringify({ systemId: 'sys-esdh', asOf: '2025-06-01' });
    const response = handleAnalysisExport('whoUses', url('whoUses', input), context);
    expect(response).toMatchObject({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      filename: 'overblik-whoUses.json',
    });
    const body = JSON.parse(response.body) as {
      system: unknown;
      municipalityCount: number;
      rows: { municipalityName: string; suppliers: unknown[] }[];
    };
    expect(body.system).toEqual({ id: 'sys-esdh', kind: 'SYSTEM', name: 'Akta ESDH' });
    expect(body.municipalityCount).toBe(3);
    expect(body.rows.map((r) => r.municipalityName)).toEqual([
      'Askov Kommune',
      'Borup Kommune',
      'Aarby Kommune',
    ]);
    expect(body.rows[1]?.suppliers).toEqual([
      { id: 'org-nordlys', kind: 'ORGANIZATION', name: 'Nordlys Data A/S' },
      { id: 'org-sydkyst', kind: 'ORGANIZATION', name: 'Sydkyst IT ApS' },
    ]);
  });

  it('answers 400 for input that is not JSON, an unknown analysis or a bad argument', () => {
    const notJson = handleAnalysisExport(
      'whoUses',
      url('whoUses', '{systemId: sys-esdh}'),
      context,
    );
    expect(notJson.status).toBe(400);
    expect(notJson.filename).toBeNull();
    expect(JSON.parse(notJson.body)).toMatchObject({
      error: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^whoUses: the input parameter is not JSON \(.*\); got "\{systemId: sys-esdh\}"$/,
      ) as unknown,
    });
    const unknown = handleAnalysisExport('impact', url('impact'), context);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: 'INVALID_INPUT' });
    const missing = handleAnalysisExport('whoUses', url('whoUses'), context);
    expect(JSON.parse(missing.body)).toEqual({
      error: 'INVALID_INPUT',
      message:
        'whoUses: argument "systemId" of type ID! is required; argument "asOf" of type Date! is required',
    });
  });

  it('answers 404 for an id the analysis does not know', () => {
    const input = JSON.stringify({ systemId: 'sys-nope', asOf: '2025-06-01' });
    const response = handleAnalysisExport('whoUses', url('whoUses', input), context);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({
      error: 'NOT_FOUND',
      message: 'whoUses: System "sys-nope" not found',
    });
  });
});
