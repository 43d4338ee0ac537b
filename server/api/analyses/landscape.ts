import type { GraphView } from '../../analysis/graph-view.ts';
import {
  compare,
  type IntegrationPattern,
  type MunicipalityPatterns,
  type PatternComparison,
} from '../../analysis/compare.ts';
import { dataQuality, type Finding, type FindingCode } from '../../analysis/data-quality.ts';
import type { NodeRecord } from '../../model/landscape.ts';
import type { Lifecycle } from '../../model/model-types.ts';
import type { ApiContext } from '../context.ts';
import { kindOf, page } from '../create-schema.ts';
import type { AnalysisModule } from './analysis-module.ts';

const typeDefs = /* GraphQL */ `
  "How similar two compared municipalities' sets are."
  type ComparisonPair {
    "The two municipalities, in the order asked."
    municipalityIds: [ID!]!
    "Size of the intersection."
    overlap: Int!
    "Size of the union."
    union: Int!
    "Jaccard similarity, overlap / union; null when both sets are empty."
    jaccard: Float
  }

  "One municipality's catalogue systems in a comparison."
  type ComparisonMunicipalitySystems {
    municipalityId: ID!
    municipality: Organization
    count: Int!
    onlyHereCount: Int!
    "Systems no other compared municipality uses, by name; paged."
    onlyHereIds(first: Int = 100, offset: Int = 0): [ID!]!
    onlyHere(first: Int = 100, offset: Int = 0): [System!]!
  }

  "Catalogue systems used by the compared municipalities (through counted usages)."
  type ComparisonSystems {
    sharedCount: Int!
    "Systems every compared municipality uses, by name; paged."
    sharedIds(first: Int = 100, offset: Int = 0): [ID!]!
    shared(first: Int = 100, offset: Int = 0): [System!]!
    unionCount: Int!
    "Systems used by all / systems used by any; null when none is used."
    jaccard: Float
    perMunicipality: [ComparisonMunicipalitySystems!]!
    pairs: [ComparisonPair!]!
  }

  "The systems used for the effective KLE tasks of one main group."
  type ComparisonMainGroup {
    taskId: ID!
    task: Task
    "KLE number, e.g. 00."
    number: String!
    title: String!
    sharedCount: Int!
    sharedIds(first: Int = 100, offset: Int = 0): [ID!]!
    shared(first: Int = 100, offset: Int = 0): [System!]!
    unionCount: Int!
    jaccard: Float
    perMunicipality: [ComparisonMunicipalitySystems!]!
    pairs: [ComparisonPair!]!
  }

  "One municipality's suppliers in a comparison."
  type ComparisonMunicipalitySuppliers {
    municipalityId: ID!
    municipality: Organization
    count: Int!
    onlyHereCount: Int!
    "Suppliers of no other compared municipality's contracts, by name; paged."
    onlyHereIds(first: Int = 100, offset: Int = 0): [ID!]!
    onlyHere(first: Int = 100, offset: Int = 0): [Organization!]!
  }

  "Suppliers of the compared municipalities' contracts."
  type ComparisonSuppliers {
    sharedCount: Int!
    sharedIds(first: Int = 100, offset: Int = 0): [ID!]!
    shared(first: Int = 100, offset: Int = 0): [Organization!]!
    unionCount: Int!
    jaccard: Float
    perMunicipality: [ComparisonMunicipalitySuppliers!]!
    pairs: [ComparisonPair!]!
  }

  "Relations from a usage of one catalogue system to a usage of another (from uses to)."
  type IntegrationPattern {
    fromSystemId: ID!
    fromSystem: System
    toSystemId: ID!
    toSystem: System
    "Relations showing the pattern (at most 25), by id."
    relationIds: [ID!]!
    relations: [Relation!]!
    relationCount: Int!
    "Compared municipalities without the pattern."
    missingFromIds: [ID!]!
  }

  "One municipality's integration patterns that another compared municipality lacks."
  type ComparisonMunicipalityPatterns {
    municipalityId: ID!
    municipality: Organization
    patternCount: Int!
    missingElsewhereCount: Int!
    "By from- then to-system name; paged."
    missingElsewhere(first: Int = 100, offset: Int = 0): [IntegrationPattern!]!
  }

  type ComparisonPatterns {
    sharedCount: Int!
    "Patterns every compared municipality has, by from- then to-system name; paged."
    shared(first: Int = 100, offset: Int = 0): [IntegrationPattern!]!
    perMunicipality: [ComparisonMunicipalityPatterns!]!
  }

  enum SharedProcurementBasis {
    SYSTEM
    SUPPLIER
  }

  type SharedProcurementContract {
    contractId: ID!
    contract: Contract
    municipalityId: ID!
    decideBy: Date!
  }

  "Contracts of two or more municipalities on one system or supplier, decide-by dates close together."
  type SharedProcurementCandidate {
    basis: SharedProcurementBasis!
    "The shared system (basis SYSTEM) or supplier (basis SUPPLIER)."
    sharedId: ID!
    system: System
    supplier: Organization
    "By decide-by date."
    contracts: [SharedProcurementContract!]!
    earliestDecideBy: Date!
    latestDecideBy: Date!
    spanDays: Int!
  }

  type SharedProcurement {
    "By span, then earliest decide-by; at most 100."
    candidates: [SharedProcurementCandidate!]!
    totalCandidates: Int!
    contractsConsidered: Int!
    "Contracts left out: decide-by unknown."
    skippedUnknownDecideBy: Int!
    "Contracts left out: decide-by before asOf."
    skippedDecideByPassed: Int!
  }

  "Two to ten municipalities side by side."
  type Comparison {
    municipalityIds: [ID!]!
    municipalities: [Organization!]!
    asOf: Date!
    windowMonths: Int!
    "The usage lifecycles that counted."
    lifecycles: [Lifecycle!]!
    systems: ComparisonSystems!
    mainGroups: [ComparisonMainGroup!]!
    suppliers: ComparisonSuppliers!
    integrationPatterns: ComparisonPatterns!
    sharedProcurement: SharedProcurement!
  }

  enum FindingCode {
    RELATION_WITHOUT_INTERFACE
    INTERFACE_NOT_USED
    OPERATIONAL_WITHOUT_ACTIVE_CONTRACT
    EXPIRED_CONTRACT_COVERS_OPERATIONAL
    CONTRACT_COVERS_NOTHING
    USAGE_WITHOUT_RESPONSIBLE_UNIT
    PERSONAL_DATA_WITHOUT_DATA_PROCESSING
    LOCAL_SYSTEM_DUPLICATES_PUBLIC
  }

  type DataQualityFinding {
    code: FindingCode!
    "The municipality whose data exhibits the problem."
    municipalityId: ID!
    municipality: Organization
    entityId: ID!
    entityKind: EntityKind!
    entityName: String!
    entity: Entity
    message: String!
    relatedIds: [ID!]!
    related: [Entity!]!
  }

  type DataQualityCount {
    municipalityId: ID!
    code: FindingCode!
    count: Int!
  }

  type DataQualityReport {
    asOf: Date!
    "Findings matching the filters, before paging."
    total: Int!
    "Per municipality and code, matching the filters, before paging."
    counts: [DataQualityCount!]!
    "By municipality name, code, entity name."
    findings: [DataQualityFinding!]!
  }

  extend type Query {
    "Compares 2–10 municipalities: systems, KLE main groups, suppliers, integrations, procurement."
    compare(
      municipalityIds: [ID!]!
      asOf: Date!
      windowMonths: Int = 6
      "Which usages count; every lifecycle except NOT_IN_USE when absent."
      lifecycles: [Lifecycle!]
    ): Comparison!
    "Data-quality findings, optionally of one municipality and some codes."
    dataQuality(
      municipalityId: ID
      asOf: Date!
      codes: [FindingCode!]
      first: Int = 100
      offset: Int = 0
    ): DataQualityReport!
  }
`;

type Context = Pick<ApiContext, 'index'>;

function entity(index: GraphView, id: string): NodeRecord | null {
  return index.get(id)?.record ?? null;
}

function entities(index: GraphView, ids: readonly string[]): NodeRecord[] {
  return ids.flatMap((id) => index.get(id)?.record ?? []);
}

type PageArgs = { first?: number | null; offset?: number | null };

function paged<T>(list: readonly T[], args: PageArgs): T[] {
  const [start, end] = page(args);
  return list.slice(start, end);
}

const municipality = (p: { municipalityId: string }, _: unknown, { index }: Context) =>
  entity(index, p.municipalityId);

/** Paged id and entity fields, with their count, over one id list of a comparison. */
function pagedIds(name: 'shared' | 'onlyHere') {
  const key = `${name}Ids` as const;
  type Parent = Record<typeof key, readonly string[]>;
  return {
    [`${name}Count`]: (p: Parent) => p[key].length,
    [key]: (p: Parent, args: PageArgs) => paged(p[key], args),
    [name]: (p: Parent, args: PageArgs, { index }: Context) => entities(index, paged(p[key], args)),
  };
}

/** The queries `compare` and `dataQuality` (server/analysis/compare.ts, data-quality.ts). */
export const landscapeModule: AnalysisModule = {
  typeDefs,
  resolvers: {
    Query: {
      compare: (
        _: unknown,
        args: {
          municipalityIds: string[];
          asOf: string;
          windowMonths?: number | null;
          lifecycles?: Lifecycle[] | null;
        },
        { index }: Context,
      ) =>
        compare(index, {
          municipalityIds: args.municipalityIds,
          asOf: args.asOf,
          windowMonths: args.windowMonths ?? undefined,
          lifecycles: args.lifecycles ?? null,
        }),
      dataQuality: (
        _: unknown,
        args: {
          municipalityId?: string | null;
          asOf: string;
          codes?: FindingCode[] | null;
          first?: number | null;
          offset?: number | null;
        },
        { index }: Context,
      ) => {
        const [start, end] = page(args);
        return dataQuality(index, {
          municipalityId: args.municipalityId ?? null,
          asOf: args.asOf,
          codes: args.codes ?? null,
          first: end - start,
          offset: start,
        });
      },
    },
    Comparison: {
      municipalities: (p: { municipalityIds: string[] }, _: unknown, { index }: Context) =>
        entities(index, p.municipalityIds),
    },
    ComparisonSystems: pagedIds('shared'),
    ComparisonMainGroup: {
      ...pagedIds('shared'),
      task: (p: { taskId: string }, _: unknown, { index }: Context) => entity(index, p.taskId),
    },
    ComparisonMunicipalitySystems: { municipality, ...pagedIds('onlyHere') },
    ComparisonSuppliers: pagedIds('shared'),
    ComparisonMunicipalitySuppliers: { municipality, ...pagedIds('onlyHere') },
    ComparisonPatterns: {
      sharedCount: (p: PatternComparison) => p.shared.length,
      shared: (p: PatternComparison, args: PageArgs) => paged(p.shared, args),
    },
    ComparisonMunicipalityPatterns: {
      municipality,
      missingElsewhereCount: (p: MunicipalityPatterns) => p.missingElsewhereCount,
      missingElsewhere: (p: MunicipalityPatterns, args: PageArgs) =>
        p.missingElsewhere(...page(args)),
    },
    IntegrationPattern: {
      fromSystem: (p: IntegrationPattern, _: unknown, { index }: Context) =>
        entity(index, p.fromSystemId),
      toSystem: (p: IntegrationPattern, _: unknown, { index }: Context) =>
        entity(index, p.toSystemId),
      relations: (p: IntegrationPattern, _: unknown, { index }: Context) =>
        entities(index, p.relationIds),
    },
    SharedProcurementCandidate: {
      system: (p: { basis: string; sharedId: string }, _: unknown, { index }: Context) =>
        p.basis === 'SYSTEM' ? entity(index, p.sharedId) : null,
      supplier: (p: { basis: string; sharedId: string }, _: unknown, { index }: Context) =>
        p.basis === 'SUPPLIER' ? entity(index, p.sharedId) : null,
    },
    SharedProcurementContract: {
      contract: (p: { contractId: string }, _: unknown, { index }: Context) =>
        entity(index, p.contractId),
    },
    DataQualityFinding: {
      municipality,
      entityKind: (p: Finding) => kindOf(p.entityKind),
      entity: (p: Finding, _: unknown, { index }: Context) => entity(index, p.entityId),
      related: (p: Finding, _: unknown, { index }: Context) => entities(index, p.relatedIds),
    },
  },
};
