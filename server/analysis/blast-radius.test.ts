import { describe, expect, it } from 'vitest';
import { LandscapeBuilder } from '../model/landscape.ts';
import { buildBlastRadiusScenario, SCENARIO_AS_OF } from '../testing/blast-radius-scenario.ts';
import { blastRadius, type BlastRadius, type BlastRadiusInput } from './blast-radius.ts';
import { GraphIndex } from './graph-index.ts';

const index = GraphIndex.fromLandscape(buildBlastRadiusScenario());

function run(input: Omit<BlastRadiusInput, 'asOf'> & { asOf?: string }): BlastRadius {
  return blastRadius(index, { asOf: SCENARIO_AS_OF, ...input });
}

const esdhEnds = run({ contractIds: ['con-aarby-esdh'] });

function hit(result: BlastRadius, usageId: string) {
  return result.hitUsages.find((h) => h.usageId === usageId);
}

function dependentPaths(result: BlastRadius): Record<string, string[]> {
  return Object.fromEntries(result.dependentUsages.map((d) => [d.usageId, d.path]));
}

const PORTAL_PATH = [
  'use-aarby-portal',
  'rel-aarby-portal-esdh',
  'use-aarby-esdh',
  'con-aarby-esdh',
];
const BI_PATH = ['use-aarby-bi', 'rel-aarby-bi-portal', ...PORTAL_PATH];
const HR_PATH = ['use-aarby-hr', 'rel-aarby-hr-bi', ...BI_PATH];

describe('blastRadius', () => {
  it('makes only the lists asked for, and still counts everything in the totals', () => {
    const some = run({ contractIds: ['con-aarby-esdh'], lists: new Set(['hitUsages', 'tasks']) });
    expect(some.hitUsages).toEqual(esdhEnds.hitUsages);
    expect(some.tasks).toEqual(esdhEnds.tasks);
    expect(some.totals).toEqual(esdhEnds.totals);
    for (const list of [
      'orgUnits',
      'hitRelations',
      'dependentUsages',
      'dataProcessings',
    ] as const) {
      expect(esdhEnds[list]).not.toEqual([]);
      expect(some[list]).toEqual([]);
    }
    expect(esdhEnds.personalData.highest).not.toBeNull();
    expect(some.personalData.highest).toBeNull();
  });

  describe('hit usages', () => {
    it('marks a usage LOST and flags its main contract when that is the only contract ending', () => {
      expect(hit(esdhEnds, 'use-aarby-esdh')).toEqual({
        usageId: 'use-aarby-esdh',
        systemId: 'sys-esdh',
        status: 'LOST',
        endingContractIds: ['con-aarby-esdh'],
        endingSystemId: null,
        mainContractId: 'con-aarby-esdh',
        mainContractEnding: true,
        remainingContractIds: [],
        path: ['use-aarby-esdh', 'con-aarby-esdh'],
        dependencyPath: null,
      });
    });

    it('marks a usage covered by a second active contract DEGRADED and names that contract', () => {
      expect(hit(esdhEnds, 'use-aarby-oko')).toMatchObject({
        status: 'DEGRADED',
        mainContractId: 'con-aarby-oko',
        mainContractEnding: false,
        remainingContractIds: ['con-aarby-oko'],
      });
    });

    it('counts a terminated contract inside its notice period as still covering, and an expired one not', () => {
      expect(hit(esdhEnds, 'use-aarby-dok')).toMatchObject({
        status: 'DEGRADED',
        remainingContractIds: ['con-aarby-term'],
      });
    });

    it('counts a covering contract that is itself ending as no cover', () => {
      const both = run({ contractIds: ['con-aarby-esdh', 'con-aarby-oko'] });
      expect(hit(both, 'use-aarby-oko')).toMatchObject({
        status: 'LOST',
        endingContractIds: ['con-aarby-esdh', 'con-aarby-oko'],
        mainContractEnding: true,
        path: ['use-aarby-oko', 'con-aarby-oko'],
      });
    });

    it('lists LOST before DEGRADED and counts them exactly', () => {
      expect(esdhEnds.hitUsages.map((h) => [h.usageId, h.status])).toEqual([
        ['use-aarby-esdh', 'LOST'],
        ['use-aarby-dok', 'DEGRADED'],
        ['use-aarby-oko', 'DEGRADED'],
      ]);
      expect(esdhEnds.totals).toMatchObject({
        hitUsages: 3,
        lostUsages: 1,
        degradedUsages: 2,
        mainContractEnding: 1,
      });
    });
  });

  describe('hit relations', () => {
    it('hits relations governed by the ending contract and those whose provider is LOST', () => {
      expect(
        esdhEnds.hitRelations.map((r) => ({ id: r.relationId, reasons: r.reasons, path: r.path })),
      ).toEqual([
        {
          id: 'rel-aarby-arkiv-esdh',
          reasons: ['PROVIDER_LOST'],
          path: ['rel-aarby-arkiv-esdh', 'use-aarby-esdh', 'con-aarby-esdh'],
        },
        {
          id: 'rel-aarby-oko-dok',
          reasons: ['GOVERNED_BY_ENDING_CONTRACT'],
          path: ['rel-aarby-oko-dok', 'con-aarby-esdh'],
        },
        {
          id: 'rel-aarby-oko-esdh',
          reasons: ['GOVERNED_BY_ENDING_CONTRACT', 'PROVIDER_LOST'],
          path: ['rel-aarby-oko-esdh', 'con-aarby-esdh'],
        },
        {
          id: 'rel-aarby-portal-esdh',
          reasons: ['PROVIDER_LOST'],
          path: PORTAL_PATH.slice(1),
        },
      ]);
      expect(esdhEnds.hitRelations[2]).toMatchObject({
        fromUsageId: 'use-aarby-oko',
        toUsageId: 'use-aarby-esdh',
        interfaceId: 'if-esdh-sag',
        governingContractId: 'con-aarby-esdh',
      });
      expect(esdhEnds.totals).toMatchObject({
        hitRelations: 4,
        governedRelations: 2,
        providerLostRelations: 3,
      });
    });
  });

  describe('dependent usages', () => {
    it('finds dependents breadth-first up to depth 3 with their shortest paths', () => {
      expect(dependentPaths(esdhEnds)).toEqual({
        'use-aarby-arkiv': [
          'use-aarby-arkiv',
          'rel-aarby-arkiv-esdh',
          'use-aarby-esdh',
          'con-aarby-esdh',
        ],
        'use-aarby-portal': PORTAL_PATH,
        'use-aarby-bi': BI_PATH,
        'use-aarby-hr': HR_PATH,
      });
      expect(esdhEnds.dependentUsages.map((d) => [d.usageId, d.depth, d.lostUsageId])).toEqual([
        ['use-aarby-arkiv', 1, 'use-aarby-esdh'],
        ['use-aarby-portal', 1, 'use-aarby-esdh'],
        ['use-aarby-bi', 2, 'use-aarby-esdh'],
        ['use-aarby-hr', 3, 'use-aarby-esdh'],
      ]);
      expect(esdhEnds.totals.dependentsByDepth).toEqual([2, 1, 1]);
    });

    it('stops at maxDepth 1 and 2 and reaches depth 4 when allowed', () => {
      expect(
        Object.keys(dependentPaths(run({ contractIds: ['con-aarby-esdh'], maxDepth: 1 }))),
      ).toEqual(['use-aarby-arkiv', 'use-aarby-portal']);
      const two = run({ contractIds: ['con-aarby-esdh'], maxDepth: 2 });
      expect(two.dependentUsages.map((d) => d.usageId)).toEqual([
        'use-aarby-arkiv',
        'use-aarby-portal',
        'use-aarby-bi',
      ]);
      const four = run({ contractIds: ['con-aarby-esdh'], maxDepth: 4 });
      expect(dependentPaths(four)['use-aarby-loen']).toEqual([
        'use-aarby-loen',
        'rel-aarby-loen-hr',
        ...HR_PATH,
      ]);
      expect(four.totals.dependentsByDepth).toEqual([2, 1, 1, 1]);
    });

    it('ends on a cycle of relations and lists each usage once', () => {
      // portal uses bi and bi uses portal; with portal LOST, bi is reached once and portal not again.
      const result = run({ contractIds: ['con-aarby-drift'], maxDepth: 10 });
      const ids = result.dependentUsages.map((d) => d.usageId);
      expect(ids).toEqual(['use-aarby-arkiv', 'use-aarby-bi', 'use-aarby-hr', 'use-aarby-loen']);
      expect(new Set(ids).size).toBe(ids.length);
      expect(dependentPaths(result)['use-aarby-bi']).toEqual([
        'use-aarby-bi',
        'rel-aarby-bi-portal',
        'use-aarby-portal',
        'con-aarby-drift',
      ]);
    });

    it('keeps a DEGRADED usage that depends on a LOST one as DEGRADED, with its dependency path', () => {
      expect(esdhEnds.dependentUsages.map((d) => d.usageId)).not.toContain('use-aarby-oko');
      expect(hit(esdhEnds, 'use-aarby-oko')?.dependencyPath).toEqual([
        'use-aarby-oko',
        'rel-aarby-oko-esdh',
        'use-aarby-esdh',
        'con-aarby-esdh',
      ]);
      expect(esdhEnds.totals.degradedDependingOnLost).toBe(1);
    });

    it('does not make usages dependent through a shared municipality, supplier, KLE task, data type or component', () => {
      // use-aarby-mail shares all of these with the LOST use-aarby-esdh but uses nothing.
      const touched = JSON.stringify({ ...esdhEnds, totals: null });
      expect(touched).not.toContain('mail');
    });

    it('does not traverse through hub nodes even when relations are missing', () => {
      const b = new LandscapeBuilder();
      b.node('Organization', { id: 'org-x', name: 'X Kommune', kind: 'MUNICIPALITY' });
      b.node('Organization', { id: 'org-lev', name: 'Leverandør', kind: 'SUPPLIER' });
      b.node('Task', { id: 'task-1', number: '01', title: 'Opgave', level: 'MAIN_GROUP' });
      b.node('DataType', { id: 'dt-person', name: 'Person' });
      b.node('ArchitectureComponent', { id: 'ac-1', name: 'Komponent', kind: 'INFRASTRUCTURE' });
      for (const name of ['a', 'b']) {
        b.node('System', { id: `sys-${name}`, name, scope: 'PUBLIC' });
        b.node('Interface', { id: `if-${name}`, name });
        b.relate('EXPOSES', `sys-${name}`, `if-${name}`);
        b.relate('CARRIES', `if-${name}`, 'dt-person');
        b.relate('SUPPORTS', `sys-${name}`, 'task-1');
        b.relate('USES_COMPONENT', `sys-${name}`, 'ac-1');
        b.node('Usage', { id: `use-${name}`, municipalityId: 'org-x' });
        b.relate('INSTANCE_OF', `use-${name}`, `sys-${name}`);
        b.relate('BELONGS_TO', `use-${name}`, 'org-x');
        b.node('Contract', {
          id: `con-${name}`,
          municipalityId: 'org-x',
          name,
          validTo: '2030-01-01',
        });
        b.relate('SUPPLIED_BY', `con-${name}`, 'org-lev');
        b.relate('COVERS', `con-${name}`, `use-${name}`);
      }
      const result = blastRadius(GraphIndex.fromLandscape(b.build()), {
        contractIds: ['con-a'],
        asOf: SCENARIO_AS_OF,
        maxDepth: 10,
      });
      expect(result.hitUsages.map((h) => h.usageId)).toEqual(['use-a']);
      expect(result.totals.dependentUsages).toBe(0);
      expect(result.interfacesAtRisk).toEqual([]);
    });
  });

  describe('interfaces, org units, tasks and data processing', () => {
    it('lists interfaces used to reach LOST usages with their dependent usages', () => {
      expect(esdhEnds.interfacesAtRisk).toEqual([
        {
          interfaceId: 'if-esdh-sag',
          exposedBySystemIds: ['sys-esdh'],
          lostUsageIds: ['use-aarby-esdh'],
          relationIds: ['rel-aarby-oko-esdh', 'rel-aarby-portal-esdh'],
          dependentUsageIds: ['use-aarby-oko', 'use-aarby-portal'],
          path: ['if-esdh-sag', ...PORTAL_PATH.slice(1)],
        },
      ]);
    });

    it('lists org units by role and effective KLE tasks of hit and dependent usages', () => {
      expect(esdhEnds.orgUnits).toEqual([
        {
          orgUnitId: 'unit-aarby-borger',
          usedByUsageIds: ['use-aarby-portal'],
          responsibleForUsageIds: [],
          usageCount: 1,
        },
        {
          orgUnitId: 'unit-aarby-hr',
          usedByUsageIds: ['use-aarby-hr'],
          responsibleForUsageIds: [],
          usageCount: 1,
        },
        {
          orgUnitId: 'unit-aarby-it',
          usedByUsageIds: [],
          responsibleForUsageIds: ['use-aarby-esdh'],
          usageCount: 1,
        },
        {
          orgUnitId: 'unit-aarby-sag',
          usedByUsageIds: ['use-aarby-esdh'],
          responsibleForUsageIds: [],
          usageCount: 1,
        },
      ]);
      // oko opts out of task-00-05, which its system supports; portal adds task-27-24.
      expect(esdhEnds.tasks).toEqual([
        { taskId: 'task-00-05', usageIds: ['use-aarby-esdh'], usageCount: 1 },
        { taskId: 'task-27-24', usageIds: ['use-aarby-portal'], usageCount: 1 },
      ]);
    });

    it('counts a task once per affected usage that has it, across usages of one system', () => {
      const b = new LandscapeBuilder();
      b.node('Organization', { id: 'org-x', name: 'X Kommune', kind: 'MUNICIPALITY' });
      for (const n of [1, 2, 3]) {
        b.node('Task', {
          id: `task-${n}`,
          number: `0${n}`,
          title: `Opgave ${n}`,
          level: 'MAIN_GROUP',
        });
      }
      b.node('System', { id: 'sys-shared', name: 'Fælles', scope: 'PUBLIC' });
      b.relate('SUPPORTS', 'sys-shared', 'task-1');
      b.relate('SUPPORTS', 'sys-shared', 'task-2');
      b.node('Contract', {
        id: 'con-x',
        municipalityId: 'org-x',
        name: 'X',
        validTo: '2030-01-01',
      });
      for (const n of [1, 2, 3]) {
        b.node('Usage', { id: `use-${n}`, municipalityId: 'org-x' });
        b.relate('INSTANCE_OF', `use-${n}`, 'sys-shared');
        b.relate('BELONGS_TO', `use-${n}`, 'org-x');
        b.relate('COVERS', 'con-x', `use-${n}`);
      }
      // use-3 opts out of a task of its system and adds one of its own.
      b.relate('OPTS_OUT_TASK', 'use-3', 'task-2');
      b.relate('ADDS_TASK', 'use-3', 'task-3');
      const result = blastRadius(GraphIndex.fromLandscape(b.build()), {
        contractIds: ['con-x'],
        asOf: SCENARIO_AS_OF,
      });
      expect(result.tasks).toEqual([
        { taskId: 'task-1', usageIds: ['use-1', 'use-2', 'use-3'], usageCount: 3 },
        { taskId: 'task-2', usageIds: ['use-1', 'use-2'], usageCount: 2 },
        { taskId: 'task-3', usageIds: ['use-3'], usageCount: 1 },
      ]);
      expect(result.totals.tasks).toBe(3);
    });

    it('lists registrations covering hit usages or with an ending main contract', () => {
      expect(esdhEnds.dataProcessings).toEqual([
        {
          dataProcessingId: 'dpr-aarby-esdh',
          coveredUsageIds: ['use-aarby-esdh'],
          endingMainContractId: 'con-aarby-esdh',
          path: ['dpr-aarby-esdh', 'con-aarby-esdh'],
        },
        {
          dataProcessingId: 'dpr-aarby-journal',
          coveredUsageIds: [],
          endingMainContractId: 'con-aarby-esdh',
          path: ['dpr-aarby-journal', 'con-aarby-esdh'],
        },
        {
          dataProcessingId: 'dpr-aarby-oko',
          coveredUsageIds: ['use-aarby-oko'],
          endingMainContractId: null,
          path: ['dpr-aarby-oko', 'use-aarby-oko', 'con-aarby-esdh'],
        },
      ]);
    });

    it('takes the highest personal-data level over hit and dependent usages', () => {
      expect(esdhEnds.personalData).toEqual({
        highest: 'LEGAL_DATA',
        usageIds: ['use-aarby-hr'],
        byLevel: [
          { level: 'NONE', count: 1 },
          { level: 'PERSONAL_DATA', count: 1 },
          { level: 'SENSITIVE_DATA', count: 1 },
          { level: 'LEGAL_DATA', count: 1 },
        ],
        notRecorded: 3,
      });
      expect(run({ contractIds: ['con-aarby-esdh'], maxDepth: 2 }).personalData.highest).toBe(
        'SENSITIVE_DATA',
      );
    });
  });

  describe('ending contracts and their deadlines', () => {
    it('gives a fixed-term contract with a remaining extension its exact dates', () => {
      const [esdh, ...others] = esdhEnds.endingContracts;
      expect(others).toEqual([]);
      expect(esdh).toMatchObject({
        contractId: 'con-aarby-esdh',
        name: 'ESDH-kontrakt 2019',
        municipalityId: 'org-aarby',
        supplierId: 'org-nordlys',
        path: ['con-aarby-esdh'],
        coveredUsageCount: 3,
        lostUsageCount: 1,
      });
      const quarterNote =
        'Notice runs to the end of a quarter; the last such end on or before 2027-02-28 is 2026-12-31';
      expect(esdh!.dates).toEqual({
        activeAtAsOf: true,
        plannedEnd: { known: true, value: '2027-02-28' },
        noticeDeadline: { known: true, value: '2026-06-30', note: quarterNote },
        decideBy: { known: true, value: '2025-06-30', note: quarterNote },
        latestPossibleEnd: { known: true, value: '2028-02-28' },
        decideByPassed: true,
        tenderLeadTimeMonths: 12,
        tenderLeadTimeNote: null,
      });
      expect(esdhEnds.totals.decideByPassed).toBe(1);
    });

    it('gives an ongoing contract with end-of-quarter notice its exact notice deadline and decide-by', () => {
      const dates = run({ contractIds: ['con-aarby-drift'] }).endingContracts[0]!.dates;
      expect(dates).toMatchObject({
        plannedEnd: { known: true, value: '2026-06-30' },
        noticeDeadline: { known: true, value: '2026-03-31' },
        decideBy: { known: true, value: '2025-11-30' },
        latestPossibleEnd: { known: true, value: null },
        tenderLeadTimeMonths: 4,
      });
      const later = blastRadius(index, { contractIds: ['con-aarby-drift'], asOf: '2026-04-01' });
      expect(later.endingContracts[0]!.dates).toMatchObject({
        plannedEnd: { value: '2026-09-30' },
        noticeDeadline: { value: '2026-06-30' },
        decideBy: { value: '2026-02-28' },
      });
    });

    it('derives a terminated contract’s dates from its termination', () => {
      const result = run({ contractIds: ['con-aarby-term'] });
      expect(result.endingContracts[0]!.dates).toMatchObject({
        activeAtAsOf: true,
        plannedEnd: { known: true, value: '2026-04-30' },
        noticeDeadline: { known: true, value: '2026-01-15' },
        decideBy: { known: true, value: '2025-07-15' },
        latestPossibleEnd: { known: true, value: '2026-04-30' },
        decideByPassed: true,
      });
      // dok is still covered by the ESDH contract.
      expect(hit(result, 'use-aarby-dok')).toMatchObject({
        status: 'DEGRADED',
        remainingContractIds: ['con-aarby-esdh'],
      });
    });
  });

  describe('selectors and scope', () => {
    it('selects exactly a supplier’s contracts, with the supplier in each path', () => {
      const result = run({ supplierId: 'org-nordlys' });
      expect(result.selectedBy).toBe('SUPPLIER');
      expect(result.endingContracts.map((c) => c.contractId).sort()).toEqual([
        'con-aarby-drift',
        'con-aarby-esdh',
        'con-aarby-mail',
        'con-borup-esdh',
      ]);
      expect(result.endingContracts.map((c) => c.path[1])).toEqual(Array(4).fill('org-nordlys'));
      expect(result.totals.endingContracts).toBe(4);
    });

    it('scopes a supplier to one municipality', () => {
      const result = run({ supplierId: 'org-nordlys', municipalityId: 'org-borup' });
      expect(result.endingContracts.map((c) => c.contractId)).toEqual(['con-borup-esdh']);
      expect(result.hitUsages.map((h) => h.usageId)).toEqual(['use-borup-esdh']);
      expect(result.dependentUsages.map((d) => d.path)).toEqual([
        ['use-borup-portal', 'rel-borup-portal-esdh', 'use-borup-esdh', 'con-borup-esdh'],
      ]);
    });

    it('makes a system’s usages LOST with the path usage → system, within the scope', () => {
      const all = run({ systemIds: ['sys-esdh'] });
      expect(all.endingSystemIds).toEqual(['sys-esdh']);
      expect(all.endingContracts).toEqual([]);
      expect(all.hitUsages.map((h) => [h.usageId, h.status, h.path])).toEqual([
        ['use-aarby-esdh', 'LOST', ['use-aarby-esdh', 'sys-esdh']],
        ['use-borup-esdh', 'LOST', ['use-borup-esdh', 'sys-esdh']],
      ]);
      expect(dependentPaths(all)['use-borup-portal']).toEqual([
        'use-borup-portal',
        'rel-borup-portal-esdh',
        'use-borup-esdh',
        'sys-esdh',
      ]);
      const borup = run({ systemIds: ['sys-esdh'], municipalityId: 'org-borup' });
      expect(borup.hitUsages.map((h) => h.usageId)).toEqual(['use-borup-esdh']);
      expect(borup.dependentUsages.map((d) => d.usageId)).toEqual(['use-borup-portal']);
    });

    it('selects contracts by planned end or by decide-by date in a window', () => {
      const byEnd = run({ window: { from: '2027-01-01', to: '2027-03-31' } });
      expect(byEnd.selectedBy).toBe('WINDOW');
      expect(byEnd.endingContracts.map((c) => c.contractId)).toEqual(['con-aarby-esdh']);
      const byDecideBy = run({ window: { from: '2025-07-01', to: '2025-12-31', by: 'DECIDE_BY' } });
      expect(byDecideBy.endingContracts.map((c) => c.contractId)).toEqual([
        'con-aarby-term',
        'con-aarby-drift',
      ]);
      const borup = run({
        window: { from: '2026-01-01', to: '2027-12-31', by: 'DECIDE_BY' },
        municipalityId: 'org-borup',
      });
      expect(borup.endingContracts.map((c) => c.contractId)).toEqual([
        'con-borup-esdh',
        'con-borup-3',
        'con-borup-2',
        'con-borup-1',
      ]);
    });

    it('bounds the lists by the limit and keeps the totals exact', () => {
      const result = run({ contractIds: ['con-aarby-esdh'], limit: 1 });
      expect(result.dependentUsages).toHaveLength(1);
      expect(result.hitUsages).toHaveLength(1);
      expect(result.orgUnits).toHaveLength(1);
      expect(result.totals).toEqual(esdhEnds.totals);
    });
  });

  describe('bad input', () => {
    it.each([
      [{}, 'Give exactly one of contractIds, supplierId, systemIds or window; got none'],
      [
        { contractIds: ['con-aarby-esdh'], supplierId: 'org-nordlys' },
        'Give exactly one of contractIds, supplierId, systemIds or window; got contractIds, supplierId',
      ],
      [{ contractIds: [] }, 'contractIds must not be empty'],
      [{ contractIds: ['use-aarby-esdh'] }, '"use-aarby-esdh" is a Usage, not a Contract'],
      [{ systemIds: ['con-aarby-esdh'] }, '"con-aarby-esdh" is a Contract, not a System'],
      [{ contractIds: ['con-aarby-esdh'], maxDepth: 40 }, 'maxDepth must be 1–10; got 40'],
      [{ contractIds: ['con-aarby-esdh'], maxDepth: 0 }, 'maxDepth must be 1–10; got 0'],
      [
        { contractIds: ['con-aarby-esdh'], asOf: '2026-02-30' },
        'asOf must be a calendar date YYYY-MM-DD; got "2026-02-30"',
      ],
      [
        { window: { from: '2027-01-01', to: '2026-01-01' } },
        'window.from must not be after window.to; got 2027-01-01 to 2026-01-01',
      ],
      [
        { contractIds: ['con-aarby-esdh'], municipalityId: 'org-borup' },
        'Contract "con-aarby-esdh" belongs to "org-aarby", outside the municipality scope "org-borup"',
      ],
      [
        { contractIds: ['con-aarby-esdh'], municipalityId: 'org-nordlys' },
        'Organization "org-nordlys" is a SUPPLIER, not a MUNICIPALITY',
      ],
      [
        { contractIds: ['con-aarby-esdh'], defaultLeadTimeMonths: -1 },
        'Invalid tender lead time defaultLeadTimeMonths: -1 (expected a whole number of months, 0 or more)',
      ],
    ] as const)('rejects %j with INVALID_INPUT', (input, message) => {
      expect(() => run(input as BlastRadiusInput)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', message }),
      );
    });

    it('names an unknown id with NOT_FOUND', () => {
      expect(() => run({ contractIds: ['con-aarby-esdh', 'con-nope'] })).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND', message: 'Contract "con-nope" not found' }),
      );
      expect(() => run({ supplierId: '' })).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND', message: 'Supplier "" not found' }),
      );
      expect(() => run({ supplierId: 'org-nope' })).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND', message: 'Supplier "org-nope" not found' }),
      );
    });
  });
});
