import { describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../api/operations.ts';
import { comparisonToElements } from './comparison-to-elements.ts';

const system = (id: string) => ({ id, name: id.replace('sys-', '') });

function aarbyVersusBorup(): ComparisonResult {
  return {
    municipalityIds: ['org-aarby', 'org-borup'],
    municipalities: [
      { id: 'org-aarby', name: 'Aarby Kommune' },
      { id: 'org-borup', name: 'Borup Kommune' },
    ],
    asOf: '2026-03-01',
    windowMonths: 12,
    systems: {
      sharedCount: 2,
      unionCount: 5,
      jaccard: 0.4,
      shared: [system('sys-akta'), system('sys-kroner')],
      perMunicipality: [
        {
          municipalityId: 'org-aarby',
          count: 4,
          onlyHereCount: 2,
          onlyHere: [system('sys-portal'), system('sys-bi')],
        },
        { municipalityId: 'org-borup', count: 3, onlyHereCount: 3, onlyHere: [system('sys-gis')] },
      ],
      pairs: [],
    },
    mainGroups: [],
    suppliers: { sharedCount: 0, unionCount: 0, jaccard: null, shared: [], perMunicipality: [] },
    integrationPatterns: { sharedCount: 0, shared: [], perMunicipality: [] },
    sharedProcurement: {
      totalCandidates: 0,
      contractsConsidered: 0,
      skippedUnknownDecideBy: 0,
      skippedDecideByPassed: 0,
      candidates: [],
    },
  };
}

describe('comparisonToElements', () => {
  const elements = comparisonToElements(aarbyVersusBorup());

  it('draws the municipalities, shared systems linked to each, and each one’s own systems', () => {
    expect(elements.nodes.map((n) => [n.data.id, n.classes.at(-1)])).toEqual([
      ['shared:sys-akta', 'shared'],
      ['shared:sys-kroner', 'shared'],
      ['org-aarby', 'municipality'],
      ['only:org-aarby:sys-portal', 'unique'],
      ['only:org-aarby:sys-bi', 'unique'],
      ['org-borup', 'municipality'],
      ['only:org-borup:sys-gis', 'unique'],
    ]);
    expect(
      elements.edges.filter((e) => e.data.target === 'shared:sys-akta').map((e) => e.data.source),
    ).toEqual(['org-aarby', 'org-borup']);
    expect(elements.nodes[0]!.data.entityId).toBe('sys-akta');
  });

  it('places the shared systems between the municipalities, each cluster on its own side', () => {
    const x = (id: string) => elements.nodes.find((n) => n.data.id === id)!.position!.x;
    expect(x('org-aarby')).toBeLessThan(x('shared:sys-akta'));
    expect(x('org-borup')).toBeGreaterThan(x('shared:sys-akta'));
    expect(x('only:org-aarby:sys-portal')).toBeLessThan(x('shared:sys-kroner'));
  });

  it('counts the systems it leaves to the tables', () => {
    expect(elements.cut).toBe(2);
    expect(comparisonToElements(aarbyVersusBorup(), 1).cut).toBe(4);
  });
});
