import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService } from '../analysis/graph-service.ts';
import { createApp } from '../app.ts';
import { createHttpServer } from '../http-server.ts';
import { ACCESS_SHARING, buildAccessLandscape, secretCost } from '../testing/access-scenario.ts';
import { createFixtureStore } from '../testing/fixture-store.ts';
import { AccessPolicy } from './access-policy.ts';
import { createApiToken, hashApiToken } from './api-token.ts';
import { closeServer, listenLocally } from '../testing/listen-locally.ts';

/**
 * A reader of Aarby against a real server in server mode: Borup shares NONE, Cedby LANDSCAPE,
 * Dalby FULL. Every query, slice, analysis, search and export is asked, and no answer may hold
 * what Borup keeps private, nor Cedby's prices, units and data processing.
 */

/** What Borup (NONE) keeps to itself: all but which catalogue systems it uses. */
const BORUP_PRIVATE = [
  'con-b',
  'SECRET-B',
  'b-kontrakt',
  'b-indkøbsform',
  'unit-b',
  'b-enhed',
  'rel-b',
  'b-integration',
  'dp-b',
  'b-databehandling',
  'b-lokal',
  String(secretCost('b')),
  String(secretCost('b') + 1),
];
/** What Cedby (LANDSCAPE) shows nobody: prices, contract numbers, units, data processing. */
const CEDBY_PRIVATE = [
  'SECRET-C',
  'c-indkøbsform',
  'unit-c',
  'c-enhed',
  'dp-c',
  'c-databehandling',
  String(secretCost('c')),
  String(secretCost('c') + 1),
];

const ENTITY = `fragment All on Entity {
  id
  __typename
  ... on Contract { name contractNumber acquisitionCost yearlyOperationCost purchaseForm validTo }
  ... on Usage { localName lifecycle personalData criticality }
  ... on OrgUnit { name }
  ... on Relation { description frequency }
  ... on DataProcessing { name }
}`;

const AS_OF = '2026-11-22';
const ALL_IDS = [...buildAccessLandscape().nodes.values()].flat().map((r) => r.id);

let base: string;
let server: Server;
let dispose: () => Promise<void>;
const tokens: Record<string, string> = {};

function tokenEntry(name: string, role: string, municipalityId: string) {
  const token = createApiToken();
  tokens[name] = token;
  return { name, sha256: hashApiToken(token), role, municipalityId };
}

beforeAll(async () => {
  const fixture = await createFixtureStore(buildAccessLandscape());
  const graph = await GraphService.create(fixture.store);
  const access = AccessPolicy.parse(
    {
      tokens: [
        tokenEntry('aarby-reader', 'reader', 'org-a'),
        tokenEntry('aarby-editor', 'editor', 'org-a'),
        tokenEntry('admin', 'admin', 'org-a'),
      ],
      sharing: ACCESS_SHARING,
    },
    'test access',
  );
  server = createHttpServer(createApp({ graph }), graph, { access });
  base = await listenLocally(server);
  dispose = async () => {
    await closeServer(server);
    await fixture.dispose();
  };
});

afterAll(() => dispose());

async function ask(
  who: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; text: string; json: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { data?: unknown } };
}

async function download(who: string, path: string): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${tokens[who]}` },
  });
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Every question a reader can put, as answered to the reader of Aarby. */
async function everyAnswer(who: string): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  const put = async (name: string, query: string, variables: Record<string, unknown> = {}) => {
    const answer = await ask(who, query, variables);
    expect(answer.json.errors, `${name}: ${answer.text}`).toBeUndefined();
    answers.set(name, answer.text);
  };
  for (const id of ALL_IDS) {
    await put(`entity ${id}`, `query($id: ID!) { entity(id: $id) { ...All } } ${ENTITY}`, { id });
  }
  await put('entities', `query($ids: [ID!]!) { entities(ids: $ids) { ...All } } ${ENTITY}`, {
    ids: ALL_IDS,
  });
  // Relationship fields from every visible node kind, one nesting level at a time (cost limits).
  const related: [string, string][] = [
    ['sys-esdh', '... on System { usages(first: 10) { ...All } }'],
    [
      'org-s',
      '... on Organization { suppliedContracts(first: 10) { ...All } processorOf(first: 10) { ...All } }',
    ],
    ['if-sag', '... on Interface { relations(first: 10) { ...All } }'],
    ['task-27', '... on Task { addedBy(first: 10) { ...All } }'],
  ];
  for (const x of ['a', 'b', 'c', 'd']) {
    related.push(
      [
        `org-${x}`,
        '... on Organization { usages(first: 10) { ...All } contracts(first: 10) { ...All } ' +
          'units(first: 10) { ...All } dataProcessings(first: 10) { ...All } }',
      ],
      [
        `use-${x}-esdh`,
        '... on Usage { contracts(first: 10) { ...All } usedBy(first: 10) { ...All } ' +
          'responsibleUnit { ...All } dataProcessings(first: 10) { ...All } mainContract { ...All } ' +
          'incomingRelations(first: 10) { ...All } }',
      ],
      [
        `use-${x}-oko`,
        '... on Usage { outgoingRelations(first: 10) { ...All } addedTasks(first: 10) { ...All } }',
      ],
    );
  }
  for (const [id, fields] of related) {
    await put(
      `relationships of ${id}`,
      `query($id: ID!) { entity(id: $id) { ${fields} } } ${ENTITY}`,
      { id },
    );
  }
  for (const text of [
    'kontrakt',
    'SECRET',
    'lokal',
    'enhed',
    'databehandling',
    'integration',
    'con-b',
    'dp-c',
    'b-',
  ]) {
    await put(
      `search ${text}`,
      `query($t: String!) { search(text: $t, first: 100) { total hits { id name matchedOn entity { ...All } } } } ${ENTITY}`,
      { t: text },
    );
    await put(
      `searchByName ${text}`,
      `query($t: String!) { searchByName(text: $t, first: 100) { ...All } } ${ENTITY}`,
      { t: text },
    );
  }
  await put(
    'neighbourhood',
    `{ neighbourhood(ids: ["sys-esdh", "sys-oko", "org-s", "if-sag", "task-27", "org-b", "org-c"],
         depth: 4, maxNodes: 5000) {
        nodes { id name municipalityId hiddenNeighbours entity { ...All } }
        edges { id source target type via } } } ${ENTITY}`,
  );
  const blastFields = `asOf municipalityId
    endingContracts { contractId name municipalityId path pathEntities { ...All } contract { ...All }
      coveredUsageCount lostUsageCount dates { decideBy { value } plannedEnd { value } } }
    endingSystemIds
    hitUsages { usageId usage { ...All } status endingContractIds remainingContractIds path }
    hitRelations { relationId relation { ...All } governingContractId path }
    dependentUsages { usageId usage { ...All } path }
    interfacesAtRisk { interfaceId relationIds lostUsageIds dependentUsageIds }
    orgUnits { orgUnitId orgUnit { ...All } usedByUsageIds }
    tasks { taskId usageIds }
    dataProcessings { dataProcessingId dataProcessing { ...All } coveredUsageIds }
    personalData { highest usageIds }
    totals { endingContracts hitUsages lostUsages orgUnits dataProcessings hitRelations }`;
  for (const m of [null, 'org-a', 'org-b', 'org-c', 'org-d']) {
    await put(
      `blast supplier ${m}`,
      `query($m: ID) { blastRadius(input: { supplierId: "org-s", asOf: "${AS_OF}",
         municipalityId: $m }) { ${blastFields} } } ${ENTITY}`,
      { m },
    );
    await put(
      `blast window ${m}`,
      `query($m: ID) { blastRadius(input: { window: { from: "2029-01-01", to: "2029-12-31" },
         asOf: "${AS_OF}", municipalityId: $m }) { ${blastFields} } } ${ENTITY}`,
      { m },
    );
    await put(
      `blast systems ${m}`,
      `query($m: ID) { blastRadius(input: { systemIds: ["sys-esdh", "sys-oko"], asOf: "${AS_OF}",
         municipalityId: $m }) { ${blastFields} } } ${ENTITY}`,
      { m },
    );
    await put(
      `deadlines ${m}`,
      `query($m: ID) { deadlines(asOf: "${AS_OF}", municipalityId: $m, withinMonths: 60, first: 100) {
         total items { contractId name municipalityId usageIds contract { ...All } usages { ...All } }
         statusCounts { status count } } } ${ENTITY}`,
      { m },
    );
    await put(
      `dataQuality ${m}`,
      `query($m: ID) { dataQuality(asOf: "${AS_OF}", municipalityId: $m) { total
         counts { municipalityId code count }
         findings { entityId entityName message relatedIds entity { ...All } } } } ${ENTITY}`,
      { m },
    );
  }
  await put(
    'deadlines by supplier',
    `{ deadlines(asOf: "${AS_OF}", supplierId: "org-s", withinMonths: 60, first: 100) {
       total items { contractId name } } }`,
  );
  await put(
    'compare',
    `{ compare(municipalityIds: ["org-a", "org-b", "org-c", "org-d"], asOf: "${AS_OF}",
         windowMonths: 36) {
      systems { sharedIds perMunicipality { municipalityId count onlyHereIds } }
      suppliers { sharedIds perMunicipality { municipalityId count onlyHereIds } }
      integrationPatterns { shared { relationIds relations { ...All } missingFromIds }
        perMunicipality { municipalityId patternCount missingElsewhere { relationIds } } }
      sharedProcurement { candidates { sharedId contracts { contractId municipalityId decideBy
        contract { ...All } } } contractsConsidered } } } ${ENTITY}`,
  );
  for (const system of ['sys-esdh', 'sys-oko']) {
    await put(
      `whoUses ${system}`,
      `{ whoUses(systemId: "${system}", asOf: "${AS_OF}") { municipalityCount
         rows { municipalityId usageId usage { ...All } lifecycle suppliers { id }
           contract { contractId contract { ...All } decideBy { value } } } } } ${ENTITY}`,
    );
  }
  await put('stats', '{ stats { nodes { kind count } relationships { type count } } }');
  await put(
    'viewer',
    '{ viewer { id municipalityId role mode seesAll sharing { municipalityId level } } }',
  );
  answers.set('export json', await download(who, '/export/json'));
  answers.set('export graphml', await download(who, '/export/graphml'));
  const files = JSON.parse(await download(who, '/export/csv')) as { files: string[] };
  for (const file of files.files) {
    answers.set(`export ${file}`, await download(who, `/export/csv/${file}`));
  }
  for (const m of ['org-b', 'org-c']) {
    answers.set(`export json ${m}`, await download(who, `/export/json?municipality=${m}`));
  }
  const analyses: [string, unknown][] = [
    ['deadlines', { asOf: AS_OF, withinMonths: 60, first: 100 }],
    ['blastRadius', { input: { supplierId: 'org-s', asOf: AS_OF } }],
    ['whoUses', { systemId: 'sys-esdh', asOf: AS_OF }],
    ['compare', { municipalityIds: ['org-a', 'org-b', 'org-c'], asOf: AS_OF, windowMonths: 36 }],
    ['dataQuality', { asOf: AS_OF }],
    ['neighbourhood', { ids: ['sys-esdh', 'org-s'], depth: 4, maxNodes: 5000 }],
  ];
  for (const [name, input] of analyses) {
    const query = encodeURIComponent(JSON.stringify(input));
    answers.set(`export ${name}`, await download(who, `/export/analysis/${name}?input=${query}`));
  }
  return answers;
}

function leaks(answers: Map<string, string>, markers: readonly string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of answers) {
    for (const marker of markers) if (text.includes(marker)) found.push(`${name}: ${marker}`);
  }
  return found;
}

describe('what a reader of one municipality sees of others', () => {
  let reader: Map<string, string>;

  beforeAll(async () => {
    reader = await everyAnswer('aarby-reader');
  }, 120_000);

  it('finds nothing Borup keeps private, through any query, slice, analysis, search or export', () => {
    expect(reader.size).toBeGreaterThan(80);
    expect(leaks(reader, BORUP_PRIVATE)).toEqual([]);
  });

  it("never shows Cedby's prices, contract numbers, units or data processing", () => {
    expect(leaks(reader, CEDBY_PRIVATE)).toEqual([]);
  });

  it("shows its own data, Dalby's in full and Cedby's landscape", () => {
    const all = [...reader.values()].join('\n');
    for (const marker of [
      'SECRET-A',
      String(secretCost('a')),
      'a-databehandling',
      'SECRET-D',
      String(secretCost('d')),
      'd-enhed',
      'c-kontrakt ESDH',
      'c-integration',
      'c-lokal ESDH',
      'use-b-esdh',
    ]) {
      expect(all, marker).toContain(marker);
    }
  });

  it('has the same questions answered in full for an admin (the markers are reachable)', async () => {
    const admin = await everyAnswer('admin');
    for (const marker of [...BORUP_PRIVATE, ...CEDBY_PRIVATE]) {
      expect(leaks(admin, [marker]), marker).not.toEqual([]);
    }
  }, 120_000);

  it('answers a hidden id as unknown and a partly shared record without its hidden fields', async () => {
    const answer = await ask(
      'aarby-reader',
      `{ b: entity(id: "con-b") { id }
         c: entity(id: "con-c") { ... on Contract { name validTo contractNumber acquisitionCost } }
         d: entity(id: "con-d") { ... on Contract { contractNumber acquisitionCost } }
         usage: entity(id: "use-b-esdh") { ... on Usage { lifecycle localName criticality } } }`,
    );
    expect(answer.json.data).toEqual({
      b: null,
      c: {
        name: 'c-kontrakt ESDH',
        validTo: '2029-06-30',
        contractNumber: null,
        acquisitionCost: null,
      },
      d: { contractNumber: 'SECRET-D', acquisitionCost: secretCost('d') },
      usage: { lifecycle: 'OPERATIONAL', localName: null, criticality: null },
    });
  });

  it('compares with what each municipality shares: Borup by its systems only', async () => {
    const answer = await ask(
      'aarby-reader',
      `{ compare(municipalityIds: ["org-a", "org-b", "org-c"], asOf: "${AS_OF}", windowMonths: 36) {
          systems { perMunicipality { municipalityId count } }
          suppliers { perMunicipality { municipalityId count } }
          integrationPatterns { perMunicipality { municipalityId patternCount } }
          sharedProcurement { candidates { contracts { municipalityId } } } } }`,
    );
    const data = answer.json.data as {
      compare: {
        systems: { perMunicipality: { municipalityId: string; count: number }[] };
        suppliers: { perMunicipality: { municipalityId: string; count: number }[] };
        integrationPatterns: {
          perMunicipality: { municipalityId: string; patternCount: number }[];
        };
        sharedProcurement: { candidates: { contracts: { municipalityId: string }[] }[] };
      };
    };
    const { systems, suppliers, integrationPatterns, sharedProcurement } = data.compare;
    expect(systems.perMunicipality.map((p) => p.count)).toEqual([2, 2, 2]);
    expect(suppliers.perMunicipality.map((p) => p.count)).toEqual([1, 0, 1]);
    expect(integrationPatterns.perMunicipality.map((p) => p.patternCount)).toEqual([1, 0, 1]);
    const candidateMunicipalities = new Set(
      sharedProcurement.candidates.flatMap((c) => c.contracts.map((x) => x.municipalityId)),
    );
    expect([...candidateMunicipalities].sort()).toEqual(['org-a', 'org-c']);
  });

  it('gives data-quality findings only for municipalities seen in full', async () => {
    const answer = await ask(
      'aarby-reader',
      `{ dataQuality(asOf: "${AS_OF}") { counts { municipalityId } } }`,
    );
    const counts = (answer.json.data as { dataQuality: { counts: { municipalityId: string }[] } })
      .dataQuality.counts;
    const seen = new Set(counts.map((c) => c.municipalityId));
    expect(seen.has('org-b') || seen.has('org-c')).toBe(false);
  });

  it('tells the viewer what it may see', async () => {
    const answer = await ask(
      'aarby-reader',
      '{ viewer { id municipalityId role mode seesAll sharing { municipalityId level } } }',
    );
    // Sorted by id here: the API sorts by name in Danish collation, where Aarby comes last.
    const viewer = (answer.json.data as { viewer: { sharing: { municipalityId: string }[] } })
      .viewer;
    viewer.sharing.sort((x, y) => (x.municipalityId < y.municipalityId ? -1 : 1));
    expect({ viewer }).toEqual({
      viewer: {
        id: 'aarby-reader',
        municipalityId: 'org-a',
        role: 'READER',
        mode: 'SERVER',
        seesAll: false,
        sharing: [
          { municipalityId: 'org-a', level: 'FULL' },
          { municipalityId: 'org-b', level: 'NONE' },
          { municipalityId: 'org-c', level: 'LANDSCAPE' },
          { municipalityId: 'org-d', level: 'FULL' },
        ],
      },
    });
  });
});

describe('sign-in', () => {
  const cases: [string, Record<string, string>][] = [
    ['no token', {}],
    ['an unknown token', { authorization: `Bearer ${createApiToken()}` }],
    ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['the hash instead of the token', { authorization: `Bearer ${'0'.repeat(64)}` }],
  ];
  for (const [what, headers] of cases) {
    it(`answers ${what} with 401 on every API route`, async () => {
      for (const [path, init] of [
        ['/graphql', { method: 'POST', body: '{"query":"{ viewer { id } }"}' }],
        ['/graphql?query=%7Bstats%7Bnodes%7Bcount%7D%7D%7D', { method: 'GET' }],
        ['/export/json', { method: 'GET' }],
        ['/export/csv/contracts.csv', { method: 'GET' }],
        ['/import?name=usages.csv', { method: 'POST', body: 'id\n' }],
      ] as const) {
        const response = await fetch(`${base}${path}`, {
          ...init,
          headers: { 'content-type': 'application/json', ...headers },
        });
        expect(response.status, path).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="overblik"');
        const text = await response.text();
        expect(text).not.toMatch(/SECRET|kontrakt|at .*\.ts/);
      }
    });
  }

  it('keeps the health check open but says only that the server is up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('imports by role', () => {
  async function upload(who: string, name: string, body: string) {
    const response = await fetch(`${base}/import?name=${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}` },
      body,
    });
    return { status: response.status, report: (await response.json()) as Record<string, unknown> };
  }

  async function lifecycleOf(id: string): Promise<unknown> {
    const answer = await ask('admin', `{ entity(id: "${id}") { ... on Usage { lifecycle } } }`);
    return (answer.json.data as { entity: { lifecycle: string } | null }).entity?.lifecycle;
  }

  it('refuses a reader with 403 and writes nothing', async () => {
    const { status, report } = await upload(
      'aarby-reader',
      'usages.csv',
      'id,municipalityId,systemId,lifecycle\nuse-a-esdh,org-a,sys-esdh,PHASING_OUT\n',
    );
    expect(status).toBe(403);
    expect(report.error).toBe('FORBIDDEN');
    expect(await lifecycleOf('use-a-esdh')).toBe('OPERATIONAL');
  });

  it("rejects an editor's import that touches another municipality, also when partial", async () => {
    const body =
      'id,municipalityId,systemId,lifecycle\n' +
      'use-a-oko,org-a,sys-oko,PHASING_OUT\n' +
      'use-b-oko,org-b,sys-oko,PHASING_OUT\n';
    for (const name of ['usages.csv', 'usages.csv&partial=1']) {
      const { status, report } = await upload('aarby-editor', name, body);
      expect(status).toBe(422);
      const issues = report.issues as { code: string; line: number; message: string }[];
      const denied = issues.filter((i) => i.code === 'NOT_PERMITTED');
      expect(denied.map((i) => i.line)).toEqual([3]);
      expect(denied[0]!.message).toContain('use-b-oko');
    }
    expect(await lifecycleOf('use-a-oko')).toBe('OPERATIONAL');
    expect(await lifecycleOf('use-b-oko')).toBe('OPERATIONAL');
  });

  it("rejects an editor's change to the shared catalogue", async () => {
    const { status, report } = await upload(
      'aarby-editor',
      'systems.csv',
      'id,name,scope\nsys-esdh,Omdøbt ESDH,PUBLIC\n',
    );
    expect(status).toBe(422);
    expect((report.issues as { code: string }[]).map((i) => i.code)).toContain('NOT_PERMITTED');
  });

  it("writes an editor's import of its own municipality", async () => {
    const { status, report } = await upload(
      'aarby-editor',
      'usages.csv',
      'id,municipalityId,systemId,lifecycle\nuse-a-oko,org-a,sys-oko,PHASING_OUT\n',
    );
    expect(status, JSON.stringify(report.issues)).toBe(200);
    expect(await lifecycleOf('use-a-oko')).toBe('PHASING_OUT');
  });
});
