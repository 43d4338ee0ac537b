import { describe, expect, it } from 'vitest';
import { buildBlastRadiusScenario, SCENARIO_AS_OF } from '../testing/blast-radius-scenario.ts';
import {
  contractDatesAt,
  contractsWithDateIn,
  deadlines,
  type DeadlinePage,
  type DeadlinesQuery,
} from './deadlines.ts';
import { GraphIndex } from './graph-index.ts';

const index = GraphIndex.fromLandscape(buildBlastRadiusScenario());

function list(query: Omit<DeadlinesQuery, 'asOf'> & { asOf?: string }): DeadlinePage {
  return deadlines(index, { asOf: SCENARIO_AS_OF, ...query });
}

function rows(page: DeadlinePage): [string, string, string | null][] {
  return page.items.map((item) => [
    item.contractId,
    item.status,
    item.dates.decideBy.known ? item.dates.decideBy.value : null,
  ]);
}

describe('deadlines', () => {
  it('orders by decide-by, unknown last, ties by planned end then name, with statuses', () => {
    const page = list({});
    expect(rows(page)).toEqual([
      ['con-aarby-esdh', 'OVERDUE', '2025-06-30'],
      ['con-aarby-term', 'OVERDUE', '2025-07-15'],
      ['con-aarby-drift', 'OVERDUE', '2025-11-30'],
      ['con-borup-esdh', 'DUE', '2026-06-30'],
      ['con-aarby-mail', 'DUE', '2026-08-31'],
      // Same decide-by: Cirkus ends first (2028-01-31); Alfa and Beta end together and go by name.
      ['con-borup-3', 'LATER', '2027-09-30'],
      ['con-borup-2', 'LATER', '2027-09-30'],
      ['con-borup-1', 'LATER', '2027-09-30'],
      ['con-aarby-oko', 'LATER', '2029-06-30'],
      ['con-aarby-ny', 'LATER', '2030-04-30'],
      ['con-aarby-ukendt', 'UNKNOWN', null],
    ]);
    expect(page).toMatchObject({
      asOf: '2026-03-01',
      withinMonths: 6,
      dueUntil: '2026-09-01',
      total: 11,
    });
    expect(page.statusCounts).toEqual([
      { status: 'OVERDUE', count: 3 },
      { status: 'DUE', count: 2 },
      { status: 'LATER', count: 5 },
      { status: 'UNKNOWN', count: 1 },
    ]);
  });

  it('leaves out expired contracts and keeps terminated ones inside their notice period', () => {
    const ids = list({}).items.map((i) => i.contractId);
    expect(ids).not.toContain('con-aarby-old');
    expect(ids).toContain('con-aarby-term');
    // Kitos counts it inactive after 2026-04-15 (terminatedAt + 3 months), but its notice runs to
    // the end of the month, 2026-04-30; after that it is gone.
    expect(list({ asOf: '2026-04-20' }).items.map((i) => i.contractId)).toContain('con-aarby-term');
    expect(list({ asOf: '2026-05-01' }).items.map((i) => i.contractId)).not.toContain(
      'con-aarby-term',
    );
  });

  it('gives the reason when decide-by is unknown', () => {
    const unknown = list({ statuses: ['UNKNOWN'] }).items[0]!;
    expect(unknown.unknownReason).toBe(
      'Contract "Rammeaftale uden opsigelse" is ongoing (løbende) but has no notice period (noticeMonths)',
    );
  });

  it('describes each contract with its municipality, supplier, usages, systems and dates', () => {
    const drift = list({ statuses: ['OVERDUE'] }).items.find(
      (i) => i.contractId === 'con-aarby-drift',
    );
    expect(drift).toEqual({
      contractId: 'con-aarby-drift',
      name: 'Driftsaftale portal',
      municipalityId: 'org-aarby',
      supplierId: 'org-nordlys',
      usageIds: ['use-aarby-portal'],
      usageCount: 1,
      systemIds: ['sys-portal'],
      status: 'OVERDUE',
      unknownReason: null,
      dates: {
        activeAtAsOf: true,
        plannedEnd: { known: true, value: '2026-06-30' },
        noticeDeadline: { known: true, value: '2026-03-31' },
        decideBy: { known: true, value: '2025-11-30' },
        latestPossibleEnd: {
          known: true,
          value: null,
          note: 'Contract "Driftsaftale portal" is ongoing (løbende): it has no latest end',
        },
        decideByPassed: true,
        tenderLeadTimeMonths: 4,
        tenderLeadTimeNote: null,
      },
    });
  });

  it('moves the DUE horizon with withinMonths', () => {
    expect(list({ withinMonths: 3 }).statusCounts).toContainEqual({ status: 'DUE', count: 0 });
    expect(list({ withinMonths: 4 }).statusCounts).toContainEqual({ status: 'DUE', count: 1 });
  });

  it('filters by municipality, supplier, system and status, combined with AND', () => {
    expect(list({ municipalityId: 'org-borup' }).items.map((i) => i.contractId)).toEqual([
      'con-borup-esdh',
      'con-borup-3',
      'con-borup-2',
      'con-borup-1',
    ]);
    expect(list({ supplierId: 'org-nordlys' }).items.map((i) => i.contractId)).toEqual([
      'con-aarby-esdh',
      'con-aarby-drift',
      'con-borup-esdh',
      'con-aarby-mail',
    ]);
    expect(list({ systemId: 'sys-esdh' }).items.map((i) => i.contractId)).toEqual([
      'con-aarby-esdh',
      'con-borup-esdh',
    ]);
    expect(
      list({ supplierId: 'org-nordlys', municipalityId: 'org-aarby', statuses: ['DUE'] }).items.map(
        (i) => i.contractId,
      ),
    ).toEqual(['con-aarby-mail']);
    const due = list({ statuses: ['DUE', 'UNKNOWN'] });
    expect(due.total).toBe(3);
    expect(due.statusCounts).toContainEqual({ status: 'LATER', count: 5 });
  });

  it('pages with first and offset and keeps the total', () => {
    const page = list({ first: 3, offset: 2 });
    expect(page.items.map((i) => i.contractId)).toEqual([
      'con-aarby-drift',
      'con-borup-esdh',
      'con-aarby-mail',
    ]);
    expect(page).toMatchObject({ total: 11, offset: 2 });
    expect(list({ first: 5, offset: 10 }).items.map((i) => i.contractId)).toEqual([
      'con-aarby-ukendt',
    ]);
    expect(list({ first: 0 }).items).toEqual([]);
  });

  it('applies configured tender lead times', () => {
    const page = list({ municipalityId: 'org-borup', leadTimesMonths: { 'EU udbud': 2 } });
    expect(page.items[0]!.dates).toMatchObject({
      decideBy: { value: '2027-04-30' },
      tenderLeadTimeMonths: 2,
    });
  });

  it.each([
    [{ withinMonths: -1 }, 'INVALID_INPUT', 'withinMonths must be 0–120; got -1'],
    [{ offset: -2 }, 'INVALID_INPUT', 'offset must be 0 or more; got -2'],
    [
      { asOf: '01-03-2026' },
      'INVALID_INPUT',
      'asOf must be a calendar date YYYY-MM-DD; got "01-03-2026"',
    ],
    [{ systemId: 'use-aarby-esdh' }, 'INVALID_INPUT', '"use-aarby-esdh" is a Usage, not a System'],
    [{ municipalityId: 'org-x' }, 'NOT_FOUND', 'Municipality "org-x" not found'],
    [{ supplierId: 'org-y' }, 'NOT_FOUND', 'Supplier "org-y" not found'],
  ] as const)('rejects %j with %s', (query, code, message) => {
    expect(() => list(query)).toThrow(expect.objectContaining({ code, message }));
  });
});

describe('contractDatesAt', () => {
  it('returns the same dates for repeated calls and per lead-time options', () => {
    const contract = index.indexOf('con-aarby-esdh')!;
    const first = contractDatesAt(index, SCENARIO_AS_OF).dates(contract);
    expect(contractDatesAt(index, SCENARIO_AS_OF).dates(contract)).toBe(first);
    const oneMonth = { defaultLeadTimeMonths: 1 };
    expect(contractDatesAt(index, SCENARIO_AS_OF, oneMonth).dates(contract)).toBe(
      contractDatesAt(index, SCENARIO_AS_OF, { ...oneMonth }).dates(contract),
    );
    const euThree = contractDatesAt(index, SCENARIO_AS_OF, { leadTimesMonths: { 'EU udbud': 3 } });
    expect(euThree.dates(contract).decideBy).toMatchObject({ value: '2026-03-30' });
  });

  it('sorts contracts in place into deadline order', () => {
    const at = contractDatesAt(index, SCENARIO_AS_OF);
    const ids = ['con-aarby-ukendt', 'con-borup-1', 'con-borup-3', 'con-borup-2', 'con-aarby-esdh'];
    const nodes = ids.map((id) => index.indexOf(id)!);
    const sorted = at.inDeadlineOrder(nodes);
    expect(sorted).toBe(nodes);
    expect(sorted.map((n) => index.idAt(n))).toEqual([
      'con-aarby-esdh',
      'con-borup-3',
      'con-borup-2',
      'con-borup-1',
      'con-aarby-ukendt',
    ]);
  });
});

describe('contractsWithDateIn', () => {
  it('finds the same contracts through the national sorted list and through candidates', () => {
    const window = { from: '2026-04-01', to: '2027-06-30', by: 'END' } as const;
    const all = contractsWithDateIn(index, window, SCENARIO_AS_OF).map((c) => index.idAt(c));
    expect(all).toEqual([
      'con-aarby-term',
      'con-aarby-drift',
      'con-aarby-mail',
      'con-aarby-esdh',
      'con-borup-esdh',
    ]);
    const aarby = ['con-aarby-esdh', 'con-aarby-drift', 'con-borup-esdh'].map((id) =>
      index.indexOf(id)!,
    );
    expect(
      contractsWithDateIn(index, window, SCENARIO_AS_OF, {}, aarby).map((c) => index.idAt(c)),
    ).toEqual(['con-aarby-drift', 'con-aarby-esdh', 'con-borup-esdh']);
  });

  it('includes both ends of the window', () => {
    const window = { from: '2026-06-30', to: '2026-06-30', by: 'DECIDE_BY' } as const;
    expect(contractsWithDateIn(index, window, SCENARIO_AS_OF).map((c) => index.idAt(c))).toEqual([
      'con-borup-esdh',
    ]);
  });
});
