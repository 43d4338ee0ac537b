import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/url-state.ts';
import { esdhImpact } from '../testing/impact-fixtures.ts';
import { blastRadiusInput, explainPath, impactRows } from './impact-model.ts';

describe('impact model', () => {
  it('lists LOST, then DEGRADED, then dependents by depth, each explained', () => {
    expect(impactRows(esdhImpact()).map((r) => [r.status, r.name, r.depth, r.explanation])).toEqual(
      [
        ['LOST', 'Akta ESDH', 0, 'Akta ESDH (ophører: ESDH-kontrakt 2019)'],
        ['DEGRADED', 'Økonomi', 0, 'Økonomi (ophører: ESDH-kontrakt 2019)'],
        ['DEPENDENT', 'Borgerportal', 1, 'Borgerportal → Akta ESDH (ophører: ESDH-kontrakt 2019)'],
        [
          'DEPENDENT',
          'Ledelsesinformation',
          2,
          'Ledelsesinformation → Borgerportal → Akta ESDH (ophører: ESDH-kontrakt 2019)',
        ],
      ],
    );
  });

  it('explains a path without an ending entity by its usages alone', () => {
    expect(explainPath([{ id: 'u', kind: 'USAGE', name: 'Akta ESDH', municipalityId: null }])).toBe(
      'Akta ESDH',
    );
  });

  it('asks for exactly one selector, or nothing until one is chosen', () => {
    expect(blastRadiusInput(DEFAULT_STATE, '2026-03-01')).toBeNull();
    const state = {
      ...DEFAULT_STATE,
      contracts: ['con-esdh'],
      impactDepth: 2,
      municipality: 'org-aarby',
    };
    expect(blastRadiusInput(state, '2026-03-01')).toEqual({
      asOf: '2026-03-01',
      municipalityId: 'org-aarby',
      maxDepth: 2,
      limit: 500,
      contractIds: ['con-esdh'],
    });
    expect(blastRadiusInput({ ...state, supplier: 'org-nordlys' }, '2026-03-01')).toMatchObject({
      supplierId: 'org-nordlys',
    });
  });
});
