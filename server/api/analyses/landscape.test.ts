import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompareScenario } from '../../testing/compare-scenario.ts';
import { createApiHarness, type ApiHarness } from '../../testing/api-harness.ts';

describe('landscape analyses API', () => {
  let api: ApiHarness;
  const ask = (query: string, variables?: Record<string, unknown>) => api.ask(query, variables);

  beforeAll(async () => {
    api = await createApiHarness(buildCompareScenario());
  });
  afterAll(() => api.dispose());

  describe('compare', () => {
    const query = `query Compare($ids: [ID!]!, $asOf: Date!, $window: Int) {
      compare(municipalityIds: $ids, asOf: $asOf, windowMonths: $window) {
        municipalities { name }
        lifecycles
        systems {
          shared { name }
          jaccard
          perMunicipality { municipality { name } count onlyHere { id } }
        }
        mainGroups { number title task { id } pairs { jaccard } }
        suppliers { shared { name } perMunicipality { onlyHereIds } }
        integrationPatterns {
          shared { fromSystem { name } toSystem { name } relations { id } }
          perMunicipality { missingElsewhere { fromSystem { id } toSystem { id } missingFromIds } }
        }
        sharedProcurement {
          candidates {
            basis system { name } supplier { name } spanDays
            contracts { contract { name } municipalityId decideBy }
          }
          totalCandidates skippedUnknownDecideBy skippedDecideByPassed
        }
      }
    }`;

    it('compares two municipalities with entities resolved from the index', async () => {
      const answer = await ask(query, { ids: ['org-aarby', 'org-borup'], asOf: '2025-01-01' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.compare).toEqual({
        municipalities: [{ name: 'Aarby Kommune' }, { name: 'Borup Kommune' }],
        lifecycles: ['UNDECIDED', 'PHASING_IN', 'OPERATIONAL', 'PHASING_OUT'],
        systems: {
          shared: [{ name: 'Akta ESDH' }, { name: 'Kroner Økonomi' }],
          jaccard: 1 / 3,
          perMunicipality: [
            {
              municipality: { name: 'Aarby Kommune' },
              count: 4,
              onlyHere: [{ id: 'sys-hr' }, { id: 'sys-lon' }],
            },
            {
              municipality: { name: 'Borup Kommune' },
              count: 4,
              onlyHere: [{ id: 'sys-sag' }, { id: 'sys-bi' }],
            },
          ],
        },
        mainGroups: [
          {
            number: '00',
            title: 'Kommunens styrelse',
            task: { id: 'task-00' },
            pairs: [{ jaccard: 0.5 }],
          },
          {
            number: '27',
            title: 'Social service',
            task: { id: 'task-27' },
            pairs: [{ jaccard: 0 }],
          },
          {
            number: '81',
            title: 'Kommunens personale',
            task: { id: 'task-81' },
            pairs: [{ jaccard: 1 / 3 }],
          },
        ],
        suppliers: {
          shared: [{ name: 'Nordlys Data A/S' }],
          perMunicipality: [
            { onlyHereIds: ['org-sydvest', 'org-ostkyst'] },
            { onlyHereIds: ['org-vestdata'] },
          ],
        },
        integrationPatterns: {
          shared: [
            {
              fromSystem: { name: 'Kroner Økonomi' },
              toSystem: { name: 'Akta ESDH' },
              relations: [{ id: 'rel-aarby-oko-esdh' }, { id: 'rel-borup-oko-esdh' }],
            },
          ],
          perMunicipality: [
            {
              missingElsewhere: [
                {
                  fromSystem: { id: 'sys-lon' },
                  toSystem: { id: 'sys-oko' },
                  missingFromIds: ['org-borup'],
                },
              ],
            },
            {
              missingElsewhere: [
                {
                  fromSystem: { id: 'sys-sag' },
                  toSystem: { id: 'sys-esdh' },
                  missingFromIds: ['org-aarby'],
                },
              ],
            },
          ],
        },
        sharedProcurement: {
          candidates: [
            {
              basis: 'SYSTEM',
              system: { name: 'Akta ESDH' },
              supplier: null,
              spanDays: 92,
              contracts: [
                {
                  contract: { name: 'Kontrakt aarby-esdh' },
                  municipalityId: 'org-aarby',
                  decideBy: '2025-06-30',
                },
                {
                  contract: { name: 'Kontrakt borup-esdh' },
                  municipalityId: 'org-borup',
                  decideBy: '2025-09-30',
                },
              ],
            },
            {
              basis: 'SUPPLIER',
              system: null,
              supplier: { name: 'Nordlys Data A/S' },
              spanDays: 92,
              contracts: [
                {
                  contract: { name: 'Kontrakt aarby-esdh' },
                  municipalityId: 'org-aarby',
                  decideBy: '2025-06-30',
                },
                {
                  contract: { name: 'Kontrakt borup-esdh' },
                  municipalityId: 'org-borup',
                  decideBy: '2025-09-30',
                },
              ],
            },
          ],
          totalCandidates: 2,
          skippedUnknownDecideBy: 1,
          skippedDecideByPassed: 1,
        },
      });
    });

    it('takes the window and the lifecycles that count', async () => {
      const answer = await ask(`{
        compare(municipalityIds: ["org-aarby", "org-borup"], asOf: "2025-01-01", windowMonths: 36,
                lifecycles: [OPERATIONAL]) {
          systems { sharedIds }
          sharedProcurement { candidates { system { id } spanDays } }
        }
      }`);
      expect(answer.errors).toBeUndefined();
      const result = answer.data?.compare as {
        systems: { sharedIds: string[] };
        sharedProcurement: { candidates: { system: { id: string } | null; spanDays: number }[] };
      };
      expect(result.systems.sharedIds).toEqual(['sys-oko']);
      expect(result.sharedProcurement.candidates.at(-1)).toEqual({
        system: { id: 'sys-oko' },
        spanDays: 974,
      });
    });

    it('pages the long lists and counts them in full', async () => {
      const answer = await ask(`{
        compare(municipalityIds: ["org-aarby", "org-borup"], asOf: "2025-01-01") {
          systems {
            sharedCount sharedIds(first: 1, offset: 1)
            perMunicipality { onlyHereCount onlyHere(first: 1) { id } }
          }
          integrationPatterns {
            sharedCount shared(offset: 1) { fromSystemId }
            perMunicipality { missingElsewhereCount missingElsewhere(first: 0) { fromSystemId } }
          }
        }
      }`);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.compare).toEqual({
        systems: {
          sharedCount: 2,
          sharedIds: ['sys-oko'],
          perMunicipality: [
            { onlyHereCount: 2, onlyHere: [{ id: 'sys-hr' }] },
            { onlyHereCount: 2, onlyHere: [{ id: 'sys-sag' }] },
          ],
        },
        integrationPatterns: {
          sharedCount: 1,
          shared: [],
          perMunicipality: [
            { missingElsewhereCount: 1, missingElsewhere: [] },
            { missingElsewhereCount: 1, missingElsewhere: [] },
          ],
        },
      });
    });

    it('rejects a single municipality with INVALID_INPUT naming the count', async () => {
      const answer = await ask(query, { ids: ['org-aarby'], asOf: '2025-01-01' });
      expect(answer.errors?.[0]).toMatchObject({
        message: 'municipalityIds must name 2–10 municipalities; got 1',
        extensions: { code: 'INVALID_INPUT' },
      });
    });

    it('rejects a supplier id with INVALID_INPUT and an unknown id with NOT_FOUND', async () => {
      const supplier = await ask(query, { ids: ['org-aarby', 'org-nordlys'], asOf: '2025-01-01' });
      expect(supplier.errors?.[0]).toMatchObject({
        message: '"org-nordlys" is not a municipality (it is an Organization of kind SUPPLIER)',
        extensions: { code: 'INVALID_INPUT' },
      });
      const unknown = await ask(query, { ids: ['org-aarby', 'org-nope'], asOf: '2025-01-01' });
      expect(unknown.errors?.[0]).toMatchObject({
        message: 'Municipality "org-nope" not found',
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('rejects a window beyond 36 months', async () => {
      const answer = await ask(query, {
        ids: ['org-aarby', 'org-borup'],
        asOf: '2025-01-01',
        window: 48,
      });
      expect(answer.errors?.[0]).toMatchObject({
        message: 'windowMonths must be a whole number 0–36; got 48',
        extensions: { code: 'INVALID_INPUT' },
      });
    });
  });

  describe('dataQuality', () => {
    const query = `query Quality($municipalityId: ID, $codes: [FindingCode!], $first: Int, $offset: Int) {
      dataQuality(municipalityId: $municipalityId, asOf: "2025-01-01", codes: $codes,
                  first: $first, offset: $offset) {
        total
        counts { municipalityId code count }
        findings {
          code municipality { name } entityKind entityName message
          entity { __typename id }
          related { id }
        }
      }
    }`;

    it('lists one municipality’s findings of a code, paged, with exact counts', async () => {
      const answer = await ask(query, {
        municipalityId: 'org-aarby',
        codes: ['RELATION_WITHOUT_INTERFACE'],
        first: 1,
        offset: 1,
      });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.dataQuality).toEqual({
        total: 2,
        counts: [{ municipalityId: 'org-aarby', code: 'RELATION_WITHOUT_INTERFACE', count: 2 }],
        findings: [
          {
            code: 'RELATION_WITHOUT_INTERFACE',
            municipality: { name: 'Aarby Kommune' },
            entityKind: 'RELATION',
            entityName: 'Lønportalen → Kroner Økonomi',
            message: 'Relation "Lønportalen" → "Kroner Økonomi" has no interface',
            entity: { __typename: 'Relation', id: 'rel-aarby-lon-oko' },
            related: [{ id: 'use-aarby-lon' }, { id: 'use-aarby-oko' }],
          },
        ],
      });
    });

    it('counts every municipality’s findings of a code', async () => {
      const answer = await ask(query, { codes: ['RELATION_WITHOUT_INTERFACE'], first: 0 });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.dataQuality).toEqual({
        total: 4,
        counts: [
          { municipalityId: 'org-borup', code: 'RELATION_WITHOUT_INTERFACE', count: 1 },
          { municipalityId: 'org-carlby', code: 'RELATION_WITHOUT_INTERFACE', count: 1 },
          { municipalityId: 'org-aarby', code: 'RELATION_WITHOUT_INTERFACE', count: 2 },
        ],
        findings: [],
      });
    });

    it('rejects a page larger than the limit with INVALID_INPUT naming the value', async () => {
      const answer = await ask(query, { first: 5000 });
      expect(answer.errors?.[0]).toMatchObject({
        message: 'first must be between 0 and 1000; got 5000',
        extensions: { code: 'INVALID_INPUT' },
      });
    });

    it('rejects a municipality id that names a supplier', async () => {
      const answer = await ask(query, { municipalityId: 'org-vestdata' });
      expect(answer.errors?.[0]).toMatchObject({
        message: '"org-vestdata" is not a municipality (it is an Organization of kind SUPPLIER)',
        extensions: { code: 'INVALID_INPUT' },
      });
    });
  });
});
