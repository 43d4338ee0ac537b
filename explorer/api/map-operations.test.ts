import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService } from '../../server/analysis/graph-service.ts';
import { createApp, type App } from '../../server/app.ts';
import { buildMapScenario } from '../../server/testing/map-scenario.ts';
import { createFixtureStore } from '../../server/testing/fixture-store.ts';
import { buildMapGraph } from '../graph/map-pipeline.ts';
import { neighbourhoodRequests } from '../state/map-requests.ts';
import { DEFAULT_STATE } from '../state/url-state.ts';
import {
  NEIGHBOURHOOD_QUERY,
  SEARCH_QUERY,
  WHO_USES_QUERY,
  kleMainGroupsQuery,
  type KleMainGroupsData,
  type NeighbourhoodData,
  type SearchData,
  type WhoUsesData,
} from './map-operations.ts';

interface Answer<T> {
  data?: T;
  errors?: { message: string }[];
}

// The map's operations against the real API on the map scenario, through the same request
// builder and pipeline the map view uses.
describe('explorer map operations', () => {
  let app: App;
  let dispose: () => Promise<void>;

  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await app.fetch('http://overblik/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as Answer<T>;
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  beforeAll(async () => {
    const fixture = await createFixtureStore(buildMapScenario());
    dispose = fixture.dispose;
    app = createApp({ graph: await GraphService.create(fixture.store) });
  });
  afterAll(() => dispose());

  it('searches with kinds and a municipality', async () => {
    const data = await ask<SearchData>(SEARCH_QUERY, {
      text: 'esdh',
      kinds: ['SYSTEM'],
      municipalityId: null,
      first: 5,
    });
    expect(data.search.hits[0]).toMatchObject({ kind: 'SYSTEM', name: 'ESDH' });
  });

  it('draws a filtered neighbourhood with via edges through hidden kinds', async () => {
    const [request] = neighbourhoodRequests({
      ...DEFAULT_STATE,
      focus: ['use-aarby-esdh'],
      depth: 2,
      kinds: ['USAGE', 'CONTRACT', 'SYSTEM'],
    });
    const data = await ask<NeighbourhoodData>(NEIGHBOURHOOD_QUERY, { ...request });
    const graph = buildMapGraph([data.neighbourhood], []);
    expect(graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['use-aarby-esdh', 'use-aarby-oko', 'sys-esdh']),
    );
    const via = graph.edges.find(
      (e) => e.type === 'VIA_HIDDEN' && [e.source, e.target].includes('use-aarby-oko'),
    );
    expect(via?.viaKinds).toContain('RELATION');
    expect(
      graph.edges.filter((e) => e.type !== 'VIA_HIDDEN').every((e) => e.via.length === 0),
    ).toBe(true);
    expect(graph.hidden.byKinds).toBeGreaterThan(0);
    const usage = graph.nodes.find((n) => n.id === 'use-aarby-esdh')!;
    expect(usage.facets.supplier?.name).toBe('Nordlys Data A/S');
  });

  it('answers who uses a system and the KLE main-group titles', async () => {
    const who = await ask<WhoUsesData>(WHO_USES_QUERY, {
      systemId: 'sys-esdh',
      asOf: '2026-03-01',
    });
    expect(who.whoUses.municipalityCount).toBe(3);
    const kle = await ask<KleMainGroupsData>(kleMainGroupsQuery(['27', 'x']));
    expect(Object.keys(kle)).toEqual(['g27']);
    expect(kle.g27!.hits[0]!.name).toBe('27 Arbejdsmarked');
  });
});
