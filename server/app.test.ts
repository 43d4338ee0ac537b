import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskError } from './api/mask-error.ts';
import { buildFixtureLandscape } from './testing/fixture-landscape.ts';
import { createApiHarness, type ApiHarness } from './testing/api-harness.ts';

describe('GraphQL API', () => {
  let api: ApiHarness;
  const ask = (query: string, variables?: Record<string, unknown>) => api.ask(query, variables);

  beforeAll(async () => {
    api = await createApiHarness(buildFixtureLandscape(), { maxDepth: 6 });
  });
  afterAll(() => api.dispose());

  it('reads an entity by id with its relationships from the model', async () => {
    const answer = await ask(`{
      entity(id: "use-aarby-esdh") {
        __typename
        ... on Usage {
          lifecycle validFrom personalData
          system { name interfaces { name dataTypes { name } } }
          contracts { name noticeMonths noticeByEndOf }
          mainContract { id }
          incomingRelations { from { id } interface { name } }
        }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.entity).toEqual({
      __typename: 'Usage',
      lifecycle: 'OPERATIONAL',
      validFrom: '2019-03-01',
      personalData: 'SENSITIVE_DATA',
      system: {
        name: 'Akta ESDH',
        interfaces: [{ name: 'Akta Sag REST', dataTypes: [{ name: 'Sag' }] }],
      },
      contracts: [{ name: 'ESDH-kontrakt 2019', noticeMonths: 6, noticeByEndOf: 'QUARTER' }],
      mainContract: { id: 'con-aarby-esdh' },
      incomingRelations: [{ from: { id: 'use-aarby-oko' }, interface: { name: 'Akta Sag REST' } }],
    });
  });

  it('answers null for an unknown id and pages list relationships', async () => {
    const answer = await ask(`{
      missing: entity(id: "nope") { id }
      esdh: entity(id: "sys-esdh") { ... on System { usages(first: 1) { id } all: usages { id } } }
    }`);
    expect(answer.data?.missing).toBeNull();
    const esdh = answer.data?.esdh as { usages: unknown[]; all: unknown[] };
    expect(esdh.usages).toHaveLength(1);
    expect(esdh.all).toHaveLength(2);
  });

  it('searches by name, filtered by kind and municipality', async () => {
    const answer = await ask(`{
      all: searchByName(text: "aarby") { __typename id }
      units: searchByName(text: "aarby", kinds: [ORG_UNIT], municipalityId: "org-aarby") { id }
    }`);
    expect(answer.errors).toBeUndefined();
    const all = answer.data?.all as { __typename: string }[];
    expect(all.map((e) => e.__typename).sort()).toEqual(['OrgUnit', 'Organization']);
    expect(answer.data?.units).toEqual([{ id: 'unit-aarby' }]);
  });

  it('lists the municipalities in Danish name order, and no other organisation', async () => {
    const answer = await ask(`{ municipalities { id name kind } }`);
    // Danish collation reads "Aa" as "Å", the last letter.
    expect(answer.data?.municipalities).toEqual([
      { id: 'org-borup', name: 'Borup Kommune', kind: 'MUNICIPALITY' },
      { id: 'org-aarby', name: 'Aarby Kommune', kind: 'MUNICIPALITY' },
    ]);
  });

  it('counts the landscape and names the viewer', async () => {
    const answer = await ask(
      `{ viewer { id role municipalityId } stats { nodes { kind count } } }`,
    );
    expect(answer.data?.viewer).toEqual({ id: 'local', role: 'ADMIN', municipalityId: null });
    const nodes = (answer.data?.stats as { nodes: { kind: string; count: number }[] }).nodes;
    expect(nodes).toContainEqual({ kind: 'USAGE', count: 3 });
    expect(nodes).toContainEqual({ kind: 'ORG_UNIT', count: 2 });
  });

  it('rejects a page larger than the limit with INVALID_INPUT naming the value', async () => {
    const answer = await ask(
      `{ entity(id: "sys-esdh") { ... on System { usages(first: 5000) { id } } } }`,
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 1000; got 5000',
      extensions: { code: 'INVALID_INPUT' },
    });
  });

  it('rejects queries nested deeper than the limit before running them', async () => {
    const answer = await ask(`{ entity(id: "sys-esdh") { ... on System {
      usages { system { usages { system { usages { system { id } } } } } } } } }`);
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    expect(answer.errors?.[0]?.message).toMatch(/^Query depth \d+ exceeds the limit of 6$/);
  });

  it('refuses a query whose pages multiply past the cost limit before running it', async () => {
    const answer = await ask(`{ entity(id: "sys-esdh") { ... on System {
      usages(first: 1000) { contracts(first: 1000) { covers(first: 1000) { id } } } } } }`);
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    expect(answer.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 200000$/);
    expect(answer.data ?? null).toBeNull();
  });

  it('estimates the cost again when a page size comes from a variable', async () => {
    const query = `query Pages($n: Int!) { entity(id: "sys-esdh") { ... on System {
      usages(first: 100) { contracts(first: $n) { covers(first: 100) { id } } } } } }`;
    expect((await ask(query, { n: 1 })).errors).toBeUndefined();
    const large = await ask(query, { n: 100 });
    expect(large.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 200000$/);
    expect((await ask(query, { n: 1 })).errors).toBeUndefined();
  });

  it('masks unexpected errors without internals', () => {
    const masked = maskError(new TypeError('secret internals at /srv/x.ts:1'), 'Unexpected error.');
    expect(masked.message).toBe('Unexpected error.');
    expect(JSON.stringify(masked)).not.toContain('secret');
  });
});
