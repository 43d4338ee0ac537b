import type { RawRef } from '../api/entity-ref.ts';
import type { BlastRadiusResult, DeadlineDates } from '../api/operations.ts';

/**
 * The impact of ending Aarby's ESDH contract (test code only): Akta ESDH is LOST, Økonomi is
 * DEGRADED (another contract covers it), Borgerportal uses the ESDH (depth 1) and
 * Ledelsesinformation uses the portal (depth 2).
 */

const usage = (id: string, name: string): RawRef => ({
  __typename: 'Usage',
  id,
  localName: name,
  municipalityId: 'org-aarby',
});
const relation = (id: string): RawRef => ({
  __typename: 'Relation',
  id,
  municipalityId: 'org-aarby',
});
const contract: RawRef = { __typename: 'Contract', id: 'con-esdh', name: 'ESDH-kontrakt 2019' };

const known = (value: string) => ({ known: true, value, note: null, reason: null });

export const ESDH_DATES: DeadlineDates = {
  activeAtAsOf: true,
  plannedEnd: known('2027-06-30'),
  noticeDeadline: known('2026-06-30'),
  decideBy: known('2025-06-30'),
  latestPossibleEnd: known('2028-06-30'),
  decideByPassed: true,
  tenderLeadTimeMonths: 12,
  tenderLeadTimeNote: null,
};

const impactUsage = (id: string, name: string) => ({
  ...usage(id, name),
  lifecycle: 'OPERATIONAL' as const,
  personalData: 'SENSITIVE_DATA' as const,
  criticality: 'HIGH',
  businessCritical: true,
});

export function esdhImpact(): BlastRadiusResult {
  return {
    asOf: '2026-03-01',
    selectedBy: 'CONTRACTS',
    municipalityId: null,
    maxDepth: 3,
    limit: 100,
    endingContracts: [
      {
        contractId: 'con-esdh',
        name: 'ESDH-kontrakt 2019',
        municipalityId: 'org-aarby',
        municipality: { name: 'Aarby Kommune' },
        supplierId: 'org-nordlys',
        supplier: { name: 'Nordlys Data A/S' },
        coveredUsageCount: 2,
        lostUsageCount: 1,
        path: ['con-esdh'],
        dates: ESDH_DATES,
      },
    ],
    endingSystems: [],
    hitUsages: [
      {
        usageId: 'use-esdh',
        usage: impactUsage('use-esdh', 'Akta ESDH'),
        status: 'LOST',
        endingContractIds: ['con-esdh'],
        endingSystemId: null,
        mainContractId: 'con-esdh',
        mainContractEnding: true,
        remainingContracts: [],
        path: ['use-esdh', 'con-esdh'],
        pathEntities: [usage('use-esdh', 'Akta ESDH'), contract],
        dependencyPath: null,
      },
      {
        usageId: 'use-oko',
        usage: impactUsage('use-oko', 'Økonomi'),
        status: 'DEGRADED',
        endingContractIds: ['con-esdh'],
        endingSystemId: null,
        mainContractId: 'con-oko',
        mainContractEnding: false,
        remainingContracts: [{ __typename: 'Contract', id: 'con-oko', name: 'Økonomiaftale' }],
        path: ['use-oko', 'con-esdh'],
        pathEntities: [usage('use-oko', 'Økonomi'), contract],
        dependencyPath: null,
      },
    ],
    hitRelations: [],
    dependentUsages: [
      {
        usageId: 'use-portal',
        usage: impactUsage('use-portal', 'Borgerportal'),
        depth: 1,
        path: ['use-portal', 'rel-portal-esdh', 'use-esdh', 'con-esdh'],
        pathEntities: [
          usage('use-portal', 'Borgerportal'),
          relation('rel-portal-esdh'),
          usage('use-esdh', 'Akta ESDH'),
          contract,
        ],
        lostUsageId: 'use-esdh',
      },
      {
        usageId: 'use-bi',
        usage: impactUsage('use-bi', 'Ledelsesinformation'),
        depth: 2,
        path: ['use-bi', 'rel-bi-portal', 'use-portal', 'rel-portal-esdh', 'use-esdh', 'con-esdh'],
        pathEntities: [
          usage('use-bi', 'Ledelsesinformation'),
          relation('rel-bi-portal'),
          usage('use-portal', 'Borgerportal'),
          relation('rel-portal-esdh'),
          usage('use-esdh', 'Akta ESDH'),
          contract,
        ],
        lostUsageId: 'use-esdh',
      },
    ],
    interfacesAtRisk: [],
    orgUnits: [],
    tasks: [],
    dataProcessings: [],
    personalData: { highest: 'SENSITIVE_DATA', byLevel: [], notRecorded: 0 },
    totals: {
      endingContracts: 1,
      decideByPassed: 1,
      endingSystems: 0,
      hitUsages: 2,
      lostUsages: 1,
      degradedUsages: 1,
      mainContractEnding: 1,
      hitRelations: 0,
      dependentUsages: 2,
      dependentsByDepth: [1, 1],
      interfacesAtRisk: 0,
      orgUnits: 0,
      tasks: 0,
      dataProcessings: 0,
    },
  };
}
