import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../testing/api-harness.ts';
import { buildMapScenario } from '../../testing/map-scenario.ts';

describe('map analyses API', () => {
  let api: ApiHarness;
  const ask = (query: string, variables?: Record<string, unknown>) => api.ask(query, variables);

  beforeAll(async () => {
    api = await createApiHarness(buildMapScenario());
  });
  afterAll(() => api.dispose());

  describe('neighbourhood', () => {
    const query = `query Slice($ids: [ID!]!, $depth: Int, $types: [String!], $filters: NeighbourhoodFilters) {
      neighbourhood(ids: $ids, depth: $depth, relationshipTypes: $types, filters: $filters) {
        nodes { id kind name depth isStart hub lifecycle hiddenNeighbours entity { __typename id } }
        edges { id source target type directed via viaKinds }
        truncated
        viaSearchLimited
        hidden { byMaxNodes byFilters byKinds viaEdges perKind { kind byFilters } }
      }
    }`;

    it('returns the slice with entities, kinds and edges', async () => {
      const answer = await ask(query, {
        ids: ['sys-esdh'],
        filters: { municipalityId: 'org-aarby' },
      });
      expect(answer.errors).toBeUndefined();
      const slice = answer.data?.neighbourhood as {
        nodes: { id: string; kind: string; hub: boolean; entity: { __typename: string } }[];
        edges: { id: string; type: string; via: unknown; viaKinds: unknown }[];
        hidden: { byFilters: number; perKind: unknown[] };
      };
      expect(slice.nodes.map((n) => n.id).sort()).toEqual([
        'ac-sdi',
        'if-esdh-sag',
        'org-nordlys',
        'sys-esdh',
        'task-27-24-00',
        'use-aarby-esdh',
      ]);
      expect(slice.nodes.find((n) => n.id === 'use-aarby-esdh')).toMatchObject({
        kind: 'USAGE',
        name: 'Akta ESDH',
        depth: 1,
        lifecycle: 'OPERATIONAL',
        hiddenNeighbours: 7,
        entity: { __typename: 'Usage', id: 'use-aarby-esdh' },
      });
      expect(slice.nodes.find((n) => n.id === 'task-27-24-00')).toMatchObject({
        kind: 'TASK',
        hub: true,
      });
      expect(slice.edges).toHaveLength(5);
      expect(slice.edges).toContainEqual(
        expect.objectContaining({
          id: 'INSTANCE_OF:use-aarby-esdh:sys-esdh',
          type: 'INSTANCE_OF',
          via: null,
          viaKinds: null,
        }),
      );
      expect(slice.hidden).toMatchObject({
        byFilters: 2,
        perKind: [{ kind: 'USAGE', byFilters: 2 }],
      });
    });

    it('returns via edges with the kinds of the hidden intermediates', async () => {
      const answer = await ask(query, { ids: ['use-aarby-esdh'], filters: { kinds: ['USAGE'] } });
      expect(answer.errors).toBeUndefined();
      const slice = answer.data?.neighbourhood as { edges: unknown[] };
      expect(slice.edges).toContainEqual({
        id: 'VIA_HIDDEN:use-aarby-oko:use-aarby-esdh',
        source: 'use-aarby-oko',
        target: 'use-aarby-esdh',
        type: 'VIA_HIDDEN',
        directed: true,
        via: ['rel-aarby-oko-esdh'],
        viaKinds: ['RELATION'],
      });
    });

    it('rejects an unknown relationship type with INVALID_INPUT listing the allowed ones', async () => {
      const answer = await ask(query, { ids: ['sys-esdh'], types: ['INSTANCE_OF', 'USES'] });
      expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
      expect(answer.errors?.[0]?.message).toMatch(
        /^Unknown relationship type "USES"; allowed: UNIT_OF, PART_OF, EXPOSES, /,
      );
    });

    it('answers NOT_FOUND for an unknown start id', async () => {
      const answer = await ask(query, { ids: ['sys-nope'] });
      expect(answer.errors?.[0]).toMatchObject({
        message: 'Entity "sys-nope" not found',
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('search', () => {
    const query = `query Search($text: String!, $kinds: [EntityKind!], $municipalityId: ID, $first: Int) {
      search(text: $text, kinds: $kinds, municipalityId: $municipalityId, first: $first) {
        total
        hits { id kind name municipalityId matchedOn entity { __typename id } }
      }
    }`;

    it('finds entities with Danish letters folded, filtered by kind and municipality', async () => {
      const answer = await ask(query, { text: 'okonomi', municipalityId: 'org-aarby' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.search).toEqual({
        total: 2,
        hits: [
          {
            id: 'use-aarby-oko',
            kind: 'USAGE',
            name: 'Økonomi',
            municipalityId: 'org-aarby',
            matchedOn: 'localName',
            entity: { __typename: 'Usage', id: 'use-aarby-oko' },
          },
          {
            id: 'sys-oko',
            kind: 'SYSTEM',
            name: 'Kroner Økonomi',
            municipalityId: null,
            matchedOn: 'name',
            entity: { __typename: 'System', id: 'sys-oko' },
          },
        ],
      });
      const tasks = await ask(query, { text: '27.24', kinds: ['TASK'], first: 1 });
      expect(tasks.data?.search).toMatchObject({ total: 3, hits: [{ id: 'task-27-24' }] });
    });

    it('rejects empty text with INVALID_INPUT', async () => {
      const answer = await ask(query, { text: '   ' });
      expect(answer.errors?.[0]).toMatchObject({
        message: 'Search text must not be empty',
        extensions: { code: 'INVALID_INPUT' },
      });
    });
  });

  describe('whoUses', () => {
    const query = `query WhoUses($systemId: ID!, $asOf: Date!) {
      whoUses(systemId: $systemId, asOf: $asOf) {
        system { name }
        asOf
        rows {
          municipalityName
          municipality { id }
          usage { id }
          lifecycle
          suppliers { name }
          contract {
            contractId role contract { name }
            plannedEnd { known value reason }
            decideBy { known value }
            decideByPassed
          }
        }
        municipalityCount
        byLifecycle { lifecycle count }
      }
    }`;

    it('lists the municipalities using a system with suppliers and contract dates', async () => {
      const answer = await ask(query, { systemId: 'sys-esdh', asOf: '2025-06-01' });
      expect(answer.errors).toBeUndefined();
      const result = answer.data?.whoUses as {
        system: { name: string };
        rows: Record<string, unknown>[];
        municipalityCount: number;
        byLifecycle: { lifecycle: string; count: number }[];
      };
      expect(result.system.name).toBe('Akta ESDH');
      expect(result.rows.map((r) => r.municipalityName)).toEqual([
        'Askov Kommune',
        'Borup Kommune',
        'Aarby Kommune',
      ]);
      expect(result.rows[1]).toEqual({
        municipalityName: 'Borup Kommune',
        municipality: { id: 'org-borup' },
        usage: { id: 'use-borup-esdh' },
        lifecycle: 'PHASING_IN',
        suppliers: [{ name: 'Nordlys Data A/S' }, { name: 'Sydkyst IT ApS' }],
        contract: {
          contractId: 'con-borup-esdh',
          role: 'COVERING',
          contract: { name: 'ESDH Borup' },
          plannedEnd: { known: true, value: '2026-09-30', reason: null },
          decideBy: { known: true, value: '2026-05-30' },
          decideByPassed: false,
        },
      });
      expect(result.rows[0]?.contract).toBeNull();
      expect(result.municipalityCount).toBe(3);
      expect(result.byLifecycle).toContainEqual({ lifecycle: 'OPERATIONAL', count: 1 });
    });

    it('rejects an id that is not a system with INVALID_INPUT', async () => {
      const answer = await ask(query, { systemId: 'use-aarby-esdh', asOf: '2025-06-01' });
      expect(answer.errors?.[0]).toMatchObject({
        message: '"use-aarby-esdh" is a Usage, not a System',
        extensions: { code: 'INVALID_INPUT' },
      });
    });

    it('answers NOT_FOUND for an unknown system', async () => {
      const answer = await ask(query, { systemId: 'sys-nope', asOf: '2025-06-01' });
      expect(answer.errors?.[0]).toMatchObject({
        message: 'System "sys-nope" not found',
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });
});
