import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiSchema } from '../../server/api/create-schema.ts';
import { estimateCost } from '../../server/api/use-cost-limit.ts';
import { GraphService } from '../../server/analysis/graph-service.ts';
import { createApp, type App } from '../../server/app.ts';
import { buildBlastRadiusScenario } from '../../server/testing/blast-radius-scenario.ts';
import { createFixtureStore } from '../../server/testing/fixture-store.ts';
import { ENTITY_DETAILS_QUERY, toEntityDetails, type EntityDetailsData } from './entity-details.ts';
import { toEntityRef } from './entity-ref.ts';
import {
  NEIGHBOURHOOD_QUERY,
  SEARCH_QUERY,
  WHO_USES_QUERY,
  kleMainGroupsQuery,
} from './map-operations.ts';
import {
  BLAST_RADIUS_QUERY,
  COMPARE_QUERY,
  CONTRACT_DATES_QUERY,
  DATA_QUALITY_QUERY,
  DEADLINES_QUERY,
  ENTITY_REFS_QUERY,
  MUNICIPALITIES_QUERY,
  SEARCH_BY_NAME_QUERY,
  type BlastRadiusData,
  type ContractDatesData,
  type EntityRefsData,
} from './operations.ts';

interface Answer {
  data?: unknown;
  errors?: { message: string }[];
}

// The operations run against the real API on a small named landscape: a field renamed on the
// server fails here, not in a user's browser.
describe('explorer operations', () => {
  let app: App;
  let dispose: () => Promise<void>;

  const ask = async (query: string, variables: Record<string, unknown>): Promise<Answer> => {
    const response = await app.fetch('http://overblik/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };

  beforeAll(async () => {
    const fixture = await createFixtureStore(buildBlastRadiusScenario());
    dispose = fixture.dispose;
    app = createApp({ graph: await GraphService.create(fixture.store) });
  });
  afterAll(() => dispose());

  it.each([
    ['municipalities', MUNICIPALITIES_QUERY, {}],
    ['searchByName', SEARCH_BY_NAME_QUERY, { text: 'akta', first: 5 }],
    ['deadlines', DEADLINES_QUERY, { asOf: '2026-03-01', first: 5, statuses: ['OVERDUE'] }],
    ['contract dates', CONTRACT_DATES_QUERY, { id: 'con-aarby-esdh', asOf: '2026-03-01' }],
    ['compare', COMPARE_QUERY, { municipalityIds: ['org-aarby', 'org-borup'], asOf: '2026-03-01' }],
    ['dataQuality', DATA_QUALITY_QUERY, { asOf: '2026-03-01', first: 5 }],
    ['entities', ENTITY_REFS_QUERY, { ids: ['use-aarby-esdh', 'rel-aarby-bi-portal'] }],
  ])('answers %s without errors', async (_, query, variables) => {
    const answer = await ask(query, variables);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toBeTruthy();
  });

  it('derives a contract’s dates for the details panel', async () => {
    const answer = await ask(CONTRACT_DATES_QUERY, { id: 'con-aarby-esdh', asOf: '2026-03-01' });
    const dates = (answer.data as ContractDatesData).blastRadius.endingContracts[0]?.dates;
    expect(dates?.decideBy).toMatchObject({ known: true, value: '2025-06-30' });
    expect(dates?.noticeDeadline).toMatchObject({ known: true, value: '2026-06-30' });
  });

  it('answers a blast radius with LOST usages and explaining paths', async () => {
    const answer = await ask(BLAST_RADIUS_QUERY, {
      input: { contractIds: ['con-aarby-esdh'], asOf: '2026-03-01', maxDepth: 3 },
    });
    expect(answer.errors).toBeUndefined();
    const result = (answer.data as BlastRadiusData).blastRadius;
    expect(result.hitUsages.map((h) => [h.usageId, h.status])).toContainEqual([
      'use-aarby-esdh',
      'LOST',
    ]);
    const bi = result.dependentUsages.find((d) => d.usageId === 'use-aarby-bi');
    expect(bi?.pathEntities.map((e) => toEntityRef(e).name)).toEqual([
      'Ledelsesinformation',
      'Ledelsesinformation → Borgerportal',
      'Borgerportal',
      'Borgerportal → Akta ESDH',
      'Akta ESDH',
      'ESDH-kontrakt 2019',
    ]);
  });

  it.each([
    'use-aarby-esdh',
    'con-aarby-esdh',
    'org-aarby',
    'org-nordlys',
    'rel-aarby-bi-portal',
    'if-esdh-sag',
  ])('answers the details of %s', async (id) => {
    const answer = await ask(ENTITY_DETAILS_QUERY, { id });
    expect(answer.errors).toBeUndefined();
    const entity = (answer.data as EntityDetailsData).entity;
    expect(entity?.id).toBe(id);
    expect(toEntityDetails(entity!).relations.length).toBeGreaterThan(0);
  });

  it('names entities by id in the order asked', async () => {
    const answer = await ask(ENTITY_REFS_QUERY, { ids: ['use-aarby-bi', 'org-aarby'] });
    const refs = (answer.data as EntityRefsData).entities.map(toEntityRef);
    expect(refs.map((r) => [r.kind, r.name])).toEqual([
      ['USAGE', 'Ledelsesinformation'],
      ['ORGANIZATION', 'Aarby Kommune'],
    ]);
  });
});

describe('explorer operations cost', () => {
  // The server refuses operations over an estimated cost (200,000 by default); staying under
  // half of it leaves room for the estimate to grow.
  const schema = createApiSchema();
  it.each([
    ['entity details', ENTITY_DETAILS_QUERY, {}],
    ['municipalities', MUNICIPALITIES_QUERY, {}],
    ['deadlines', DEADLINES_QUERY, { first: 50 }],
    ['blastRadius', BLAST_RADIUS_QUERY, {}],
    ['contract dates', CONTRACT_DATES_QUERY, {}],
    ['compare', COMPARE_QUERY, {}],
    ['dataQuality', DATA_QUALITY_QUERY, { first: 100 }],
    ['entities', ENTITY_REFS_QUERY, {}],
    ['search', SEARCH_QUERY, { first: 20 }],
    ['neighbourhood', NEIGHBOURHOOD_QUERY, { maxNodes: 5000 }],
    ['whoUses', WHO_USES_QUERY, {}],
    ['KLE main groups', kleMainGroupsQuery(['00', '01', '02', '03', '27', '85']), {}],
  ])('keeps %s well within the cost limit', (_, query, variables) => {
    expect(estimateCost(schema, parse(query), variables)).toBeLessThan(100_000);
  });
});
