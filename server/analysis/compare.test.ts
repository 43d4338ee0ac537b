import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { LandscapeBuilder } from '../model/landscape.ts';
import { buildCompareScenario } from '../testing/compare-scenario.ts';
import { compare, prepareComparison, type CompareOptions, type Comparison } from './compare.ts';
import { GraphIndex } from './graph-index.ts';

/** A comparison with each municipality's patterns missing elsewhere made, to compare as data. */
function everyPattern<T extends Pick<Comparison, 'integrationPatterns'>>(comparison: T) {
  const { perMunicipality } = comparison.integrationPatterns;
  return {
    ...comparison,
    integrationPatterns: {
      ...comparison.integrationPatterns,
      perMunicipality: perMunicipality.map((p) => ({
        ...p,
        missingElsewhere: p.missingElsewhere(),
      })),
    },
  };
}

const index = GraphIndex.fromLandscape(buildCompareScenario());
const asOf = '2025-01-01';
const aarbyBorup = ['org-aarby', 'org-borup'];
const all = ['org-aarby', 'org-borup', 'org-carlby'];

function thrown(options: CompareOptions): DomainError {
  try {
    compare(index, options);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('compare did not throw');
}

describe('compare', () => {
  describe('catalogue systems', () => {
    it('finds shared and only-here systems with the Jaccard similarity of the pair', () => {
      const { systems } = compare(index, { municipalityIds: aarbyBorup, asOf });
      expect(systems.sharedIds).toEqual(['sys-esdh', 'sys-oko']);
      expect(systems.unionCount).toBe(6);
      expect(systems.jaccard).toBe(1 / 3);
      expect(systems.perMunicipality).toEqual([
        { municipalityId: 'org-aarby', count: 4, onlyHereIds: ['sys-hr', 'sys-lon'] },
        { municipalityId: 'org-borup', count: 4, onlyHereIds: ['sys-sag', 'sys-bi'] },
      ]);
      expect(systems.pairs).toEqual([
        { municipalityIds: ['org-aarby', 'org-borup'], overlap: 2, union: 6, jaccard: 1 / 3 },
      ]);
    });

    it('compares three municipalities pairwise and overall', () => {
      const { systems } = compare(index, { municipalityIds: all, asOf });
      expect(systems.sharedIds).toEqual(['sys-esdh']);
      expect(systems.jaccard).toBe(1 / 6);
      expect(systems.perMunicipality.map((m) => m.onlyHereIds)).toEqual([
        ['sys-hr', 'sys-lon'],
        ['sys-bi'],
        [],
      ]);
      expect(systems.pairs.map((p) => [p.municipalityIds, p.overlap, p.union, p.jaccard])).toEqual([
        [['org-aarby', 'org-borup'], 2, 6, 1 / 3],
        [['org-aarby', 'org-carlby'], 1, 5, 1 / 5],
        [['org-borup', 'org-carlby'], 2, 4, 1 / 2],
      ]);
    });

    it('counts usages of the lifecycles asked for only', () => {
      const withUnused = compare(index, {
        municipalityIds: aarbyBorup,
        asOf,
        lifecycles: ['OPERATIONAL', 'NOT_IN_USE', 'PHASING_IN', 'PHASING_OUT', 'UNDECIDED'],
      });
      expect(withUnused.systems.sharedIds).toEqual(['sys-esdh', 'sys-bi', 'sys-oko']);
      expect(withUnused.systems.jaccard).toBe(1 / 2);
      const operational = compare(index, {
        municipalityIds: aarbyBorup,
        asOf,
        lifecycles: ['OPERATIONAL'],
      });
      expect(operational.lifecycles).toEqual(['OPERATIONAL']);
      expect(operational.systems.sharedIds).toEqual(['sys-oko']);
      expect(operational.systems.perMunicipality.map((m) => m.count)).toEqual([3, 2]);
    });
  });

  it('compares systems per KLE main group of the usages effective tasks', () => {
    const { mainGroups } = compare(index, { municipalityIds: aarbyBorup, asOf });
    expect(
      mainGroups.map((g) => ({
        number: g.number,
        title: g.title,
        sets: g.perMunicipality.map((m) => m.count),
        shared: g.sharedIds,
        jaccard: g.pairs[0]?.jaccard,
      })),
    ).toEqual([
      {
        number: '00',
        title: 'Kommunens styrelse',
        sets: [1, 2],
        shared: ['sys-esdh'],
        jaccard: 1 / 2,
      },
      { number: '27', title: 'Social service', sets: [0, 1], shared: [], jaccard: 0 },
      {
        number: '81',
        title: 'Kommunens personale',
        sets: [3, 1],
        shared: ['sys-oko'],
        jaccard: 1 / 3,
      },
    ]);
    expect(mainGroups[2]?.perMunicipality[0]?.onlyHereIds).toEqual(['sys-hr', 'sys-lon']);
    expect(mainGroups[0]?.taskId).toBe('task-00');
  });

  it('compares each pair within a main group, also where one side has no system in it', () => {
    const { mainGroups } = compare(index, { municipalityIds: all, asOf });
    const personnel = mainGroups.find((g) => g.number === '81');
    expect(personnel?.pairs.map((p) => [p.overlap, p.union, p.jaccard])).toEqual([
      [1, 3, 1 / 3],
      [0, 3, 0],
      [0, 1, 0],
    ]);
    expect(personnel?.jaccard).toBe(0);
    expect(mainGroups.map((g) => g.number)).toEqual(['00', '27', '81']);
  });

  it('finds suppliers in common and the ones only one municipality has', () => {
    const { suppliers } = compare(index, { municipalityIds: aarbyBorup, asOf });
    expect(suppliers.sharedIds).toEqual(['org-nordlys']);
    expect(suppliers.perMunicipality).toEqual([
      { municipalityId: 'org-aarby', count: 3, onlyHereIds: ['org-sydvest', 'org-ostkyst'] },
      { municipalityId: 'org-borup', count: 2, onlyHereIds: ['org-vestdata'] },
    ]);
    expect(suppliers.jaccard).toBe(1 / 4);
  });

  it('finds integration patterns one municipality has and another lacks, with evidence', () => {
    const { integrationPatterns } = compare(index, { municipalityIds: aarbyBorup, asOf });
    expect(integrationPatterns.shared).toEqual([
      {
        fromSystemId: 'sys-oko',
        toSystemId: 'sys-esdh',
        relationIds: ['rel-aarby-oko-esdh', 'rel-borup-oko-esdh'],
        relationCount: 2,
        missingFromIds: [],
      },
    ]);
    expect(everyPattern({ integrationPatterns }).integrationPatterns.perMunicipality).toEqual([
      {
        municipalityId: 'org-aarby',
        patternCount: 2,
        missingElsewhereCount: 1,
        missingElsewhere: [
          {
            fromSystemId: 'sys-lon',
            toSystemId: 'sys-oko',
            relationIds: ['rel-aarby-lon-oko'],
            relationCount: 1,
            missingFromIds: ['org-borup'],
          },
        ],
      },
      {
        municipalityId: 'org-borup',
        patternCount: 2,
        missingElsewhereCount: 1,
        missingElsewhere: [
          {
            fromSystemId: 'sys-sag',
            toSystemId: 'sys-esdh',
            relationIds: ['rel-borup-sag-esdh'],
            relationCount: 1,
            missingFromIds: ['org-aarby'],
          },
        ],
      },
    ]);
  });

  it('names every municipality lacking a pattern when comparing three', () => {
    const { integrationPatterns } = compare(index, { municipalityIds: all, asOf });
    expect(integrationPatterns.shared).toEqual([]);
    const carlby = integrationPatterns.perMunicipality[2];
    expect(carlby?.missingElsewhere().map((p) => [p.fromSystemId, p.missingFromIds])).toEqual([
      ['sys-sag', ['org-aarby']],
    ]);
  });

  it('makes a page of the patterns missing elsewhere as the same part of all of them', () => {
    const { integrationPatterns } = compare(index, { municipalityIds: all, asOf });
    const [aarby] = integrationPatterns.perMunicipality;
    const every = aarby!.missingElsewhere();
    expect(every.length).toBe(aarby!.missingElsewhereCount);
    expect(every.length).toBeGreaterThanOrEqual(2);
    expect(aarby!.missingElsewhere(0, 1)).toEqual(every.slice(0, 1));
    expect(aarby!.missingElsewhere(1)).toEqual(every.slice(1));
    expect(aarby!.missingElsewhere(every.length, every.length + 5)).toEqual([]);
  });

  describe('shared procurement', () => {
    it('pairs contracts on one system or supplier whose decide-by dates are within the window', () => {
      const { sharedProcurement } = compare(index, { municipalityIds: aarbyBorup, asOf });
      const esdhContracts = [
        { contractId: 'con-aarby-esdh', municipalityId: 'org-aarby', decideBy: '2025-06-30' },
        { contractId: 'con-borup-esdh', municipalityId: 'org-borup', decideBy: '2025-09-30' },
      ];
      expect(sharedProcurement.candidates).toEqual([
        {
          basis: 'SYSTEM',
          sharedId: 'sys-esdh',
          contracts: esdhContracts,
          earliestDecideBy: '2025-06-30',
          latestDecideBy: '2025-09-30',
          spanDays: 92,
        },
        {
          basis: 'SUPPLIER',
          sharedId: 'org-nordlys',
          contracts: esdhContracts,
          earliestDecideBy: '2025-06-30',
          latestDecideBy: '2025-09-30',
          spanDays: 92,
        },
      ]);
      expect(sharedProcurement.totalCandidates).toBe(2);
    });

    it('leaves out contracts whose decide-by is unknown or passed, and counts them', () => {
      const { sharedProcurement } = compare(index, { municipalityIds: aarbyBorup, asOf });
      const listed = sharedProcurement.candidates.flatMap((c) =>
        c.contracts.map((k) => k.contractId),
      );
      expect(listed).not.toContain('con-borup-sag');
      expect(listed).not.toContain('con-aarby-hr');
      expect(sharedProcurement.skippedUnknownDecideBy).toBe(1);
      expect(sharedProcurement.skippedDecideByPassed).toBe(1);
      expect(sharedProcurement.contractsConsidered).toBe(5);
    });

    it('includes a pair outside the default window when the window is wide enough', () => {
      const narrow = compare(index, { municipalityIds: aarbyBorup, asOf });
      expect(narrow.sharedProcurement.candidates.map((c) => c.sharedId)).not.toContain('sys-oko');
      const wide = compare(index, { municipalityIds: aarbyBorup, asOf, windowMonths: 36 });
      const oko = wide.sharedProcurement.candidates.find((c) => c.sharedId === 'sys-oko');
      expect(oko?.contracts.map((c) => [c.contractId, c.decideBy])).toEqual([
        ['con-borup-oko', '2025-03-31'],
        ['con-aarby-oko', '2027-11-30'],
      ]);
      expect(oko?.spanDays).toBe(974);
      expect(wide.sharedProcurement.candidates.at(-1)).toBe(oko);
    });

    it('splits contracts into runs that fit the window and span two municipalities', () => {
      const { sharedProcurement } = compare(index, {
        municipalityIds: all,
        asOf,
        windowMonths: 2,
      });
      const esdh = sharedProcurement.candidates.find((c) => c.sharedId === 'sys-esdh');
      expect(esdh?.contracts.map((c) => c.contractId)).toEqual([
        'con-carlby-esdh',
        'con-borup-esdh',
      ]);
      expect(esdh?.spanDays).toBe(30);
      expect(sharedProcurement.candidates.filter((c) => c.basis === 'SYSTEM')).toHaveLength(1);
    });

    it('finds nothing when the window is zero and no decide-by dates coincide', () => {
      const { sharedProcurement } = compare(index, { municipalityIds: all, asOf, windowMonths: 0 });
      expect(sharedProcurement.candidates).toEqual([]);
    });

    it('ignores candidates inside one municipality', () => {
      const b = new LandscapeBuilder();
      b.node('Organization', { id: 'org-a', name: 'A', kind: 'MUNICIPALITY' });
      b.node('Organization', { id: 'org-b', name: 'B', kind: 'MUNICIPALITY' });
      b.node('Organization', { id: 'org-s', name: 'S', kind: 'SUPPLIER' });
      for (const id of ['con-a-1', 'con-a-2']) {
        b.node('Contract', { id, municipalityId: 'org-a', name: id, validTo: '2027-01-31' });
        b.relate('BELONGS_TO', id, 'org-a');
        b.relate('SUPPLIED_BY', id, 'org-s');
      }
      const result = compare(GraphIndex.fromLandscape(b.build()), {
        municipalityIds: ['org-a', 'org-b'],
        asOf,
      });
      expect(result.sharedProcurement.candidates).toEqual([]);
      expect(result.sharedProcurement.contractsConsidered).toBe(2);
      expect(result.systems.jaccard).toBeNull();
    });
  });

  describe('bad input', () => {
    it.each([
      [
        { municipalityIds: ['org-aarby'] },
        'INVALID_INPUT',
        'municipalityIds must name 2–10 municipalities; got 1',
      ],
      [
        { municipalityIds: Array.from({ length: 11 }, (_, i) => `org-${i}`) },
        'INVALID_INPUT',
        'municipalityIds must name 2–10 municipalities; got 11',
      ],
      [
        { municipalityIds: ['org-aarby', 'org-borup', 'org-aarby'] },
        'INVALID_INPUT',
        'municipalityIds names "org-aarby" more than once',
      ],
      [
        { municipalityIds: ['org-aarby', 'org-nope'] },
        'NOT_FOUND',
        'Municipality "org-nope" not found',
      ],
      [
        { municipalityIds: ['org-aarby', 'org-nordlys'] },
        'INVALID_INPUT',
        '"org-nordlys" is not a municipality (it is an Organization of kind SUPPLIER)',
      ],
      [
        { municipalityIds: ['org-aarby', 'sys-esdh'] },
        'INVALID_INPUT',
        '"sys-esdh" is not a municipality (it is a System)',
      ],
      [{ windowMonths: 37 }, 'INVALID_INPUT', 'windowMonths must be a whole number 0–36; got 37'],
      [{ windowMonths: 1.5 }, 'INVALID_INPUT', 'windowMonths must be a whole number 0–36; got 1.5'],
      [
        { asOf: '2025-02-30' },
        'INVALID_INPUT',
        'asOf must be a real date YYYY-MM-DD; got "2025-02-30"',
      ],
      [{ lifecycles: [] }, 'INVALID_INPUT', 'lifecycles must name at least one lifecycle'],
    ] as const)('rejects %o with %s', (override, code, message) => {
      const error = thrown({ municipalityIds: aarbyBorup, asOf, ...override });
      expect(error.code).toBe(code);
      expect(error.message).toBe(message);
    });
  });

  it('answers the same from its cache as on a fresh index', () => {
    const first = compare(index, { municipalityIds: all, asOf, windowMonths: 12 });
    const again = compare(index, { municipalityIds: all, asOf, windowMonths: 12 });
    const fresh = compare(GraphIndex.fromLandscape(buildCompareScenario()), {
      municipalityIds: all,
      asOf,
      windowMonths: 12,
    });
    expect(everyPattern(again)).toEqual(everyPattern(first));
    expect(everyPattern(fresh)).toEqual(everyPattern(first));
  });

  it('answers the same after the build prepared it, also for ongoing contracts at new dates', () => {
    const landscape = () => {
      const b = new LandscapeBuilder();
      b.node('Organization', { id: 'org-s', name: 'S', kind: 'SUPPLIER' });
      for (const m of ['a', 'b']) {
        b.node('Organization', { id: `org-${m}`, name: m, kind: 'MUNICIPALITY' });
        const contracts = {
          [`con-${m}-ongoing`]: { ongoing: true, noticeMonths: 12, noticeByEndOf: 'YEAR' as const },
          [`con-${m}-fixed`]: { validTo: m === 'a' ? '2027-03-31' : '2027-05-31', noticeMonths: 1 },
        };
        for (const [id, terms] of Object.entries(contracts)) {
          b.node('Contract', { id, municipalityId: `org-${m}`, name: id, ...terms });
          b.relate('BELONGS_TO', id, `org-${m}`);
          b.relate('SUPPLIED_BY', id, 'org-s');
        }
      }
      return GraphIndex.fromLandscape(b.build());
    };
    const prepared = landscape();
    prepareComparison(prepared);
    const dates = ['2025-01-01', '2026-03-01', '2025-01-01'];
    const answers = dates.map((date) => {
      const options = { municipalityIds: ['org-a', 'org-b'], asOf: date, windowMonths: 36 };
      const answer = compare(prepared, options);
      expect(everyPattern(answer)).toEqual(everyPattern(compare(landscape(), options)));
      return answer;
    });
    const decideByOf = (answer: (typeof answers)[number], id: string) =>
      answer.sharedProcurement.candidates
        .flatMap((c) => c.contracts)
        .find((c) => c.contractId === id)?.decideBy;
    expect(decideByOf(answers[0]!, 'con-a-ongoing')).toBe('2025-06-30');
    expect(decideByOf(answers[1]!, 'con-a-ongoing')).toBe('2026-06-30');
    expect(decideByOf(answers[0]!, 'con-a-fixed')).toBe(decideByOf(answers[1]!, 'con-a-fixed'));
  });
});
