import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBlastRadiusScenario } from '../../testing/blast-radius-scenario.ts';
import { createApiHarness, type ApiHarness } from '../../testing/api-harness.ts';

describe('blastRadius and deadlines queries', () => {
  let api: ApiHarness;
  const ask = (query: string, variables?: Record<string, unknown>) => api.ask(query, variables);

  beforeAll(async () => {
    api = await createApiHarness(buildBlastRadiusScenario());
  });
  afterAll(() => api.dispose());

  it('answers a blast radius with hits, paths, deadlines and entities resolved by id', async () => {
    const answer = await ask(
      `query ($input: BlastRadiusInput!) {
        blastRadius(input: $input) {
          selectedBy
          endingContracts {
            contractId supplier { name }
            dates { noticeDeadline { known value } decideBy { value } latestPossibleEnd { value } decideByPassed }
          }
          hitUsages { usageId status mainContractEnding remainingContracts { name } system { name } }
          dependentUsages { usageId depth path pathEntities { __typename ... on Usage { system { name } } } }
          interfacesAtRisk { interface { name } dependentUsageIds }
          personalData { highest }
          totals { lostUsages degradedUsages dependentUsages dependentsByDepth hitRelations }
        }
      }`,
      { input: { contractIds: ['con-aarby-esdh'], asOf: '2026-03-01', maxDepth: 2 } },
    );
    expect(answer.errors).toBeUndefined();
    const result = answer.data?.blastRadius as Record<string, unknown>;
    expect(result.selectedBy).toBe('CONTRACTS');
    expect(result.endingContracts).toEqual([
      {
        contractId: 'con-aarby-esdh',
        supplier: { name: 'Nordlys Data A/S' },
        dates: {
          noticeDeadline: { known: true, value: '2026-06-30' },
          decideBy: { value: '2025-06-30' },
          latestPossibleEnd: { value: '2028-02-28' },
          decideByPassed: true,
        },
      },
    ]);
    expect(result.hitUsages).toEqual([
      {
        usageId: 'use-aarby-esdh',
        status: 'LOST',
        mainContractEnding: true,
        remainingContracts: [],
        system: { name: 'Akta ESDH' },
      },
      {
        usageId: 'use-aarby-dok',
        status: 'DEGRADED',
        mainContractEnding: false,
        remainingContracts: [{ name: 'Dokumentboks (opsagt)' }],
        system: { name: 'Dokumentboks' },
      },
      {
        usageId: 'use-aarby-oko',
        status: 'DEGRADED',
        mainContractEnding: false,
        remainingContracts: [{ name: 'Økonomiaftale' }],
        system: { name: 'Kroner Økonomi' },
      },
    ]);
    const bi = (result.dependentUsages as { usageId: string }[]).find(
      (d) => d.usageId === 'use-aarby-bi',
    );
    expect(bi).toEqual({
      usageId: 'use-aarby-bi',
      depth: 2,
      path: [
        'use-aarby-bi',
        'rel-aarby-bi-portal',
        'use-aarby-portal',
        'rel-aarby-portal-esdh',
        'use-aarby-esdh',
        'con-aarby-esdh',
      ],
      pathEntities: [
        { __typename: 'Usage', system: { name: 'Ledelsesinformation' } },
        { __typename: 'Relation' },
        { __typename: 'Usage', system: { name: 'Borgerportal' } },
        { __typename: 'Relation' },
        { __typename: 'Usage', system: { name: 'Akta ESDH' } },
        { __typename: 'Contract' },
      ],
    });
    expect(result.interfacesAtRisk).toEqual([
      {
        interface: { name: 'Akta Sag REST' },
        dependentUsageIds: ['use-aarby-oko', 'use-aarby-portal'],
      },
    ]);
    expect(result.personalData).toEqual({ highest: 'SENSITIVE_DATA' });
    expect(result.totals).toEqual({
      lostUsages: 1,
      degradedUsages: 2,
      dependentUsages: 3,
      dependentsByDepth: [2, 1],
      hitRelations: 4,
    });
  });

  it('selects by window through the input and scopes to a municipality', async () => {
    const answer = await ask(`{
      blastRadius(input: {
        window: { from: "2026-01-01", to: "2027-12-31", by: DECIDE_BY }
        asOf: "2026-03-01"
        municipalityId: "org-borup"
      }) { selectedBy endingContracts { contractId } hitUsages { usageId } }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.blastRadius).toEqual({
      selectedBy: 'WINDOW',
      endingContracts: [
        { contractId: 'con-borup-esdh' },
        { contractId: 'con-borup-3' },
        { contractId: 'con-borup-2' },
        { contractId: 'con-borup-1' },
      ],
      hitUsages: [{ usageId: 'use-borup-esdh' }, { usageId: 'use-borup-portal' }],
    });
  });

  it('makes the lists a query selects, directly or through fragments, and counts all in totals', async () => {
    const lists = `endingContracts { contractId } endingSystemIds hitUsages { usageId }
      hitRelations { relationId path } dependentUsages { usageId path }
      interfacesAtRisk { interfaceId path } orgUnits { orgUnitId usageCount }
      tasks { taskId usageIds } dataProcessings { dataProcessingId path }
      personalData { highest byLevel { level count } notRecorded }`;
    const totals = 'totals { hitRelations interfacesAtRisk orgUnits tasks dataProcessings }';
    const input = { contractIds: ['con-aarby-esdh'], asOf: '2026-03-01' };
    const answers = await Promise.all(
      [
        `query ($input: BlastRadiusInput!) { blastRadius(input: $input) { ${lists} ${totals} } }`,
        `query ($input: BlastRadiusInput!) { blastRadius(input: $input) { ...Lists ${totals} } }
         fragment Lists on BlastRadius { ${lists} }`,
        `query ($input: BlastRadiusInput!) {
           blastRadius(input: $input) { ... on BlastRadius { ${lists} } ${totals} } }`,
        `query ($input: BlastRadiusInput!) { blastRadius(input: $input) { ${totals} } }`,
      ].map((query) => ask(query, { input })),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const [direct, named, inline, totalsOnly] = answers.map(
      (answer) => answer.data?.blastRadius as Record<string, unknown>,
    );
    for (const list of [
      'hitRelations',
      'interfacesAtRisk',
      'orgUnits',
      'tasks',
      'dataProcessings',
    ]) {
      expect(direct![list]).not.toEqual([]);
    }
    expect(named).toEqual(direct);
    expect(inline).toEqual(direct);
    expect(totalsOnly!.totals).toEqual(direct!.totals);
  });

  it.each([
    [
      '{ contractIds: ["con-aarby-esdh"], supplierId: "org-nordlys", asOf: "2026-03-01" }',
      'INVALID_INPUT',
      'Give exactly one of contractIds, supplierId, systemIds or window; got contractIds, supplierId',
    ],
    [
      '{ contractIds: ["con-nope"], asOf: "2026-03-01" }',
      'NOT_FOUND',
      'Contract "con-nope" not found',
    ],
    [
      '{ contractIds: ["use-aarby-esdh"], asOf: "2026-03-01" }',
      'INVALID_INPUT',
      '"use-aarby-esdh" is a Usage, not a Contract',
    ],
    [
      '{ supplierId: "org-nordlys", asOf: "2026-03-01", maxDepth: 40 }',
      'INVALID_INPUT',
      'maxDepth must be 1–10; got 40',
    ],
  ])('rejects blastRadius(input: %s) with %s', async (input, code, message) => {
    const answer = await ask(`{ blastRadius(input: ${input}) { totals { hitUsages } } }`);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ message, extensions: { code } });
  });

  it('pages deadlines with statuses, counts and entities', async () => {
    const answer = await ask(`{
      deadlines(asOf: "2026-03-01", supplierId: "org-nordlys", first: 2, offset: 1) {
        dueUntil total statusCounts { status count }
        items {
          contractId status contract { name } municipality { name } usages { id } systems { name }
          dates { plannedEnd { value } noticeDeadline { value } decideBy { value } }
        }
      }
      unknown: deadlines(asOf: "2026-03-01", statuses: [UNKNOWN]) {
        total items { contractId unknownReason dates { decideBy { known reason } } }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.deadlines).toEqual({
      dueUntil: '2026-09-01',
      total: 4,
      statusCounts: [
        { status: 'OVERDUE', count: 2 },
        { status: 'DUE', count: 2 },
        { status: 'LATER', count: 0 },
        { status: 'UNKNOWN', count: 0 },
      ],
      items: [
        {
          contractId: 'con-aarby-drift',
          status: 'OVERDUE',
          contract: { name: 'Driftsaftale portal' },
          municipality: { name: 'Aarby Kommune' },
          usages: [{ id: 'use-aarby-portal' }],
          systems: [{ name: 'Borgerportal' }],
          dates: {
            plannedEnd: { value: '2026-06-30' },
            noticeDeadline: { value: '2026-03-31' },
            decideBy: { value: '2025-11-30' },
          },
        },
        {
          contractId: 'con-borup-esdh',
          status: 'DUE',
          contract: { name: 'Borup ESDH' },
          municipality: { name: 'Borup Kommune' },
          usages: [{ id: 'use-borup-esdh' }],
          systems: [{ name: 'Akta ESDH' }],
          dates: {
            plannedEnd: { value: '2027-06-30' },
            noticeDeadline: { value: null },
            decideBy: { value: '2026-06-30' },
          },
        },
      ],
    });
    const reason =
      'Contract "Rammeaftale uden opsigelse" is ongoing (løbende) but has no notice period (noticeMonths)';
    expect(answer.data?.unknown).toEqual({
      total: 1,
      items: [
        {
          contractId: 'con-aarby-ukendt',
          unknownReason: reason,
          dates: { decideBy: { known: false, reason } },
        },
      ],
    });
  });

  it('rejects a deadlines page larger than the limit and an unknown system', async () => {
    const answer = await ask(`{
      deadlines(asOf: "2026-03-01", first: 5000) { total }
    }`);
    expect(answer.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 1000; got 5000',
      extensions: { code: 'INVALID_INPUT' },
    });
    const unknown = await ask(`{ deadlines(asOf: "2026-03-01", systemId: "sys-nope") { total } }`);
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'System "sys-nope" not found',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
