import type {
  DeadlineStatus,
  EntityKind,
  FindingCode,
  Lifecycle,
  PersonalDataLevel,
} from '../domain/model.ts';
import { REF_FRAGMENT, type RawRef } from './entity-ref.ts';

/**
 * The explorer's GraphQL operations and the shapes of their answers, one constant per operation.
 * Only fields a view shows are asked for, so the answers stay small.
 */

/** Every municipality of the landscape, by name. */
export const MUNICIPALITIES_QUERY = /* GraphQL */ `
  query Municipalities {
    municipalities {
      id
      name
      kind
      municipalityCode
    }
  }
`;
export interface MunicipalitiesData {
  municipalities: { id: string; name: string; kind: string; municipalityCode: number | null }[];
}

/** Who the explorer works for, and what it may see of each municipality. */
export const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      id
      municipalityId
      role
      mode
      seesAll
      sharing {
        municipalityId
        name
        level
      }
    }
  }
`;
export type SharingLevel = 'NONE' | 'LANDSCAPE' | 'FULL';
export interface ViewerData {
  viewer: {
    id: string;
    municipalityId: string | null;
    role: 'READER' | 'EDITOR' | 'ADMIN';
    mode: 'LOCAL' | 'SERVER';
    seesAll: boolean;
    sharing: { municipalityId: string; name: string; level: SharingLevel }[];
  };
}

/** Entities whose name contains the text: the fallback when the server has no `search`. */
export const SEARCH_BY_NAME_QUERY = /* GraphQL */ `
  query SearchByName($text: String!, $kinds: [EntityKind!], $municipalityId: ID, $first: Int) {
    searchByName(text: $text, kinds: $kinds, municipalityId: $municipalityId, first: $first) {
      ...Ref
    }
  }
  ${REF_FRAGMENT}
`;
export interface SearchByNameData {
  searchByName: RawRef[];
}

export interface DeadlineDate {
  known: boolean;
  value: string | null;
  note: string | null;
  reason: string | null;
}

export interface DeadlineDates {
  activeAtAsOf: boolean;
  plannedEnd: DeadlineDate;
  noticeDeadline: DeadlineDate;
  decideBy: DeadlineDate;
  latestPossibleEnd: DeadlineDate;
  decideByPassed: boolean | null;
  tenderLeadTimeMonths: number;
  tenderLeadTimeNote: string | null;
}

const DATE_FIELDS = 'known value note reason';
const DATES_SELECTION = /* GraphQL */ `
  activeAtAsOf
  plannedEnd { ${DATE_FIELDS} }
  noticeDeadline { ${DATE_FIELDS} }
  decideBy { ${DATE_FIELDS} }
  latestPossibleEnd { ${DATE_FIELDS} }
  decideByPassed
  tenderLeadTimeMonths
  tenderLeadTimeNote
`;

export const DEADLINES_QUERY = /* GraphQL */ `
  query Deadlines(
    $asOf: Date!
    $municipalityId: ID
    $supplierId: ID
    $systemId: ID
    $withinMonths: Int
    $statuses: [DeadlineStatus!]
    $first: Int
    $offset: Int
  ) {
    deadlines(
      asOf: $asOf
      municipalityId: $municipalityId
      supplierId: $supplierId
      systemId: $systemId
      withinMonths: $withinMonths
      statuses: $statuses
      first: $first
      offset: $offset
    ) {
      asOf
      withinMonths
      dueUntil
      total
      offset
      statusCounts { status count }
      items {
        contractId
        name
        status
        unknownReason
        municipalityId
        municipality { name }
        supplierId
        supplier { name }
        usageCount
        systems { id name }
        contract { procurementStrategy contractType }
        dates { ${DATES_SELECTION} }
      }
    }
  }
`;
export interface DeadlineItem {
  contractId: string;
  name: string;
  status: DeadlineStatus;
  unknownReason: string | null;
  municipalityId: string | null;
  municipality: { name: string } | null;
  supplierId: string | null;
  supplier: { name: string } | null;
  usageCount: number;
  systems: { id: string; name: string }[];
  contract: { procurementStrategy: string | null; contractType: string | null } | null;
  dates: DeadlineDates;
}
export interface DeadlinesData {
  deadlines: {
    asOf: string;
    withinMonths: number;
    dueUntil: string;
    total: number;
    offset: number;
    statusCounts: { status: DeadlineStatus; count: number }[];
    items: DeadlineItem[];
  };
}

export const BLAST_RADIUS_QUERY = /* GraphQL */ `
  query BlastRadius($input: BlastRadiusInput!) {
    blastRadius(input: $input) {
      asOf
      selectedBy
      municipalityId
      maxDepth
      limit
      endingContracts {
        contractId
        name
        municipalityId
        municipality { name }
        supplierId
        supplier { name }
        coveredUsageCount
        lostUsageCount
        path
        dates { ${DATES_SELECTION} }
      }
      endingSystems { ...Ref }
      hitUsages {
        usageId
        usage { ...Ref lifecycle personalData criticality businessCritical }
        status
        endingContractIds
        endingSystemId
        mainContractId
        mainContractEnding
        remainingContracts { ...Ref }
        path
        pathEntities { ...Ref }
        dependencyPath
      }
      hitRelations { relationId reasons fromUsageId toUsageId interfaceId governingContractId path }
      dependentUsages {
        usageId
        usage { ...Ref lifecycle personalData criticality businessCritical }
        depth
        path
        pathEntities { ...Ref }
        lostUsageId
      }
      interfacesAtRisk {
        interfaceId
        interface { ...Ref }
        lostUsageIds
        dependentUsageIds
      }
      orgUnits { orgUnitId orgUnit { ...Ref } usedByUsageIds responsibleForUsageIds usageCount }
      tasks { taskId task { ...Ref } usageCount usageIds }
      dataProcessings {
        dataProcessingId
        dataProcessing { ...Ref }
        coveredUsageIds
        endingMainContractId
      }
      personalData { highest byLevel { level count } notRecorded }
      totals {
        endingContracts
        decideByPassed
        endingSystems
        hitUsages
        lostUsages
        degradedUsages
        mainContractEnding
        hitRelations
        dependentUsages
        dependentsByDepth
        interfacesAtRisk
        orgUnits
        tasks
        dataProcessings
      }
    }
  }
  ${REF_FRAGMENT}
`;

export interface BlastRadiusInput {
  contractIds?: string[];
  supplierId?: string;
  systemIds?: string[];
  asOf: string;
  municipalityId?: string | null;
  maxDepth?: number;
  limit?: number;
}

export type ImpactUsageRef = RawRef & {
  lifecycle: Lifecycle | null;
  personalData: PersonalDataLevel | null;
  criticality: string | null;
  businessCritical: boolean | null;
};

export interface BlastRadiusEndingContract {
  contractId: string;
  name: string;
  municipalityId: string | null;
  municipality: { name: string } | null;
  supplierId: string | null;
  supplier: { name: string } | null;
  coveredUsageCount: number;
  lostUsageCount: number;
  path: string[];
  dates: DeadlineDates;
}

export interface BlastRadiusHitUsage {
  usageId: string;
  usage: ImpactUsageRef | null;
  status: 'LOST' | 'DEGRADED';
  endingContractIds: string[];
  endingSystemId: string | null;
  mainContractId: string | null;
  mainContractEnding: boolean;
  remainingContracts: RawRef[];
  path: string[];
  pathEntities: RawRef[];
  dependencyPath: string[] | null;
}

export interface BlastRadiusDependent {
  usageId: string;
  usage: ImpactUsageRef | null;
  depth: number;
  path: string[];
  pathEntities: RawRef[];
  lostUsageId: string;
}

export interface BlastRadiusResult {
  asOf: string;
  selectedBy: 'CONTRACTS' | 'SUPPLIER' | 'SYSTEMS' | 'WINDOW';
  municipalityId: string | null;
  maxDepth: number;
  limit: number;
  endingContracts: BlastRadiusEndingContract[];
  endingSystems: RawRef[];
  hitUsages: BlastRadiusHitUsage[];
  hitRelations: {
    relationId: string;
    reasons: string[];
    fromUsageId: string | null;
    toUsageId: string | null;
    interfaceId: string | null;
    governingContractId: string | null;
    path: string[];
  }[];
  dependentUsages: BlastRadiusDependent[];
  interfacesAtRisk: {
    interfaceId: string;
    interface: RawRef | null;
    lostUsageIds: string[];
    dependentUsageIds: string[];
  }[];
  orgUnits: {
    orgUnitId: string;
    orgUnit: RawRef | null;
    usedByUsageIds: string[];
    responsibleForUsageIds: string[];
    usageCount: number;
  }[];
  tasks: { taskId: string; task: RawRef | null; usageCount: number; usageIds: string[] }[];
  dataProcessings: {
    dataProcessingId: string;
    dataProcessing: RawRef | null;
    coveredUsageIds: string[];
    endingMainContractId: string | null;
  }[];
  personalData: {
    highest: PersonalDataLevel | null;
    byLevel: { level: PersonalDataLevel; count: number }[];
    notRecorded: number;
  };
  totals: {
    endingContracts: number;
    decideByPassed: number;
    endingSystems: number;
    hitUsages: number;
    lostUsages: number;
    degradedUsages: number;
    mainContractEnding: number;
    hitRelations: number;
    dependentUsages: number;
    dependentsByDepth: number[];
    interfacesAtRisk: number;
    orgUnits: number;
    tasks: number;
    dataProcessings: number;
  };
}
export interface BlastRadiusData {
  blastRadius: BlastRadiusResult;
}

/** A contract's derived dates, through a blast radius that lists nothing. */
export const CONTRACT_DATES_QUERY = /* GraphQL */ `
  query ContractDates($id: ID!, $asOf: Date!) {
    blastRadius(input: { contractIds: [$id], asOf: $asOf, limit: 1 }) {
      endingContracts { contractId dates { ${DATES_SELECTION} } }
      totals { lostUsages degradedUsages dependentUsages }
    }
  }
`;
export interface ContractDatesData {
  blastRadius: {
    endingContracts: { contractId: string; dates: DeadlineDates }[];
    totals: { lostUsages: number; degradedUsages: number; dependentUsages: number };
  };
}

const PATTERN_SELECTION = /* GraphQL */ `
  fromSystemId fromSystem { name } toSystemId toSystem { name } relationCount missingFromIds
`;

export const COMPARE_QUERY = /* GraphQL */ `
  query Compare($municipalityIds: [ID!]!, $asOf: Date!, $windowMonths: Int) {
    compare(municipalityIds: $municipalityIds, asOf: $asOf, windowMonths: $windowMonths) {
      municipalityIds
      municipalities { id name }
      asOf
      windowMonths
      systems {
        sharedCount
        unionCount
        jaccard
        shared(first: 200) { id name }
        perMunicipality { municipalityId count onlyHereCount onlyHere(first: 200) { id name } }
        pairs { municipalityIds overlap union jaccard }
      }
      mainGroups {
        taskId
        number
        title
        sharedCount
        unionCount
        jaccard
        perMunicipality { municipalityId count onlyHereCount }
      }
      suppliers {
        sharedCount
        unionCount
        jaccard
        shared(first: 200) { id name }
        perMunicipality { municipalityId count onlyHereCount onlyHere(first: 100) { id name } }
      }
      integrationPatterns {
        sharedCount
        shared(first: 100) { ${PATTERN_SELECTION} }
        perMunicipality {
          municipalityId
          patternCount
          missingElsewhereCount
          missingElsewhere(first: 100) { ${PATTERN_SELECTION} }
        }
      }
      sharedProcurement {
        totalCandidates
        contractsConsidered
        skippedUnknownDecideBy
        skippedDecideByPassed
        candidates {
          basis
          sharedId
          system { name }
          supplier { name }
          earliestDecideBy
          latestDecideBy
          spanDays
          contracts { contractId contract { name } municipalityId decideBy }
        }
      }
    }
  }
`;

export interface NamedId {
  id: string;
  name: string;
}
export interface IntegrationPattern {
  fromSystemId: string;
  fromSystem: { name: string } | null;
  toSystemId: string;
  toSystem: { name: string } | null;
  relationCount: number;
  missingFromIds: string[];
}
export interface ComparisonResult {
  municipalityIds: string[];
  municipalities: NamedId[];
  asOf: string;
  windowMonths: number;
  systems: {
    sharedCount: number;
    unionCount: number;
    jaccard: number | null;
    shared: NamedId[];
    perMunicipality: {
      municipalityId: string;
      count: number;
      onlyHereCount: number;
      onlyHere: NamedId[];
    }[];
    pairs: { municipalityIds: string[]; overlap: number; union: number; jaccard: number | null }[];
  };
  mainGroups: {
    taskId: string;
    number: string;
    title: string;
    sharedCount: number;
    unionCount: number;
    jaccard: number | null;
    perMunicipality: { municipalityId: string; count: number; onlyHereCount: number }[];
  }[];
  suppliers: {
    sharedCount: number;
    unionCount: number;
    jaccard: number | null;
    shared: NamedId[];
    perMunicipality: {
      municipalityId: string;
      count: number;
      onlyHereCount: number;
      onlyHere: NamedId[];
    }[];
  };
  integrationPatterns: {
    sharedCount: number;
    shared: IntegrationPattern[];
    perMunicipality: {
      municipalityId: string;
      patternCount: number;
      missingElsewhereCount: number;
      missingElsewhere: IntegrationPattern[];
    }[];
  };
  sharedProcurement: {
    totalCandidates: number;
    contractsConsidered: number;
    skippedUnknownDecideBy: number;
    skippedDecideByPassed: number;
    candidates: {
      basis: 'SYSTEM' | 'SUPPLIER';
      sharedId: string;
      system: { name: string } | null;
      supplier: { name: string } | null;
      earliestDecideBy: string;
      latestDecideBy: string;
      spanDays: number;
      contracts: {
        contractId: string;
        contract: { name: string } | null;
        municipalityId: string;
        decideBy: string;
      }[];
    }[];
  };
}
export interface CompareData {
  compare: ComparisonResult;
}

export const DATA_QUALITY_QUERY = /* GraphQL */ `
  query DataQuality(
    $municipalityId: ID
    $asOf: Date!
    $codes: [FindingCode!]
    $first: Int
    $offset: Int
  ) {
    dataQuality(
      municipalityId: $municipalityId
      asOf: $asOf
      codes: $codes
      first: $first
      offset: $offset
    ) {
      asOf
      total
      counts {
        municipalityId
        code
        count
      }
      findings {
        code
        municipalityId
        municipality {
          name
        }
        entityId
        entityKind
        entityName
        message
        relatedIds
      }
    }
  }
`;
export interface DataQualityFinding {
  code: FindingCode;
  municipalityId: string;
  municipality: { name: string } | null;
  entityId: string;
  entityKind: EntityKind;
  entityName: string;
  message: string;
  relatedIds: string[];
}
export interface DataQualityData {
  dataQuality: {
    asOf: string;
    total: number;
    counts: { municipalityId: string; code: FindingCode; count: number }[];
    findings: DataQualityFinding[];
  };
}

/** Names of entities by id (for ids that answers give without names). */
export const ENTITY_REFS_QUERY = /* GraphQL */ `
  query EntityRefs($ids: [ID!]!) {
    entities(ids: $ids) {
      ...Ref
    }
  }
  ${REF_FRAGMENT}
`;
export interface EntityRefsData {
  entities: RawRef[];
}
