import type { GraphQLResolveInfo } from 'graphql';
import { blastRadius, type DateWindow } from '../../analysis/blast-radius.ts';
import { deadlines, type DeadlineStatus, type LeadTimeOptions } from '../../analysis/deadlines.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { NodeRecord } from '../../model/landscape.ts';
import { listsSelected } from '../blast-radius-lists.ts';
import type { ApiContext } from '../context.ts';
import { page } from '../create-schema.ts';
import type { AnalysisModule } from './analysis-module.ts';

const typeDefs = /* GraphQL */ `
  "A derived contract date: known with a value (and perhaps a note on an assumption), or unknown with the reason."
  type DeadlineDate {
    known: Boolean!
    "Empty when unknown, and for the latest possible end of an ongoing contract (it has none)."
    value: Date
    note: String
    reason: String
  }

  "A contract's derived dates at the as-of date."
  type DeadlineDates {
    "Kitos validity at the as-of date."
    activeAtAsOf: Boolean!
    "The end assumed: termination taking effect, earliest end of an ongoing contract, or validTo."
    plannedEnd: DeadlineDate!
    "Last day notice can be given to end at the planned end; the day notice was given once terminated."
    noticeDeadline: DeadlineDate!
    "The day a replacement must be chosen: notice deadline (or validTo) minus the tender lead time."
    decideBy: DeadlineDate!
    "validTo plus the remaining extensions."
    latestPossibleEnd: DeadlineDate!
    "Decide-by is before the as-of date; empty when decide-by is unknown."
    decideByPassed: Boolean
    tenderLeadTimeMonths: Int!
    "Why a default lead time was assumed."
    tenderLeadTimeNote: String
  }

  "A tender lead time for one procurement strategy (e.g. EU udbud), overriding the default table."
  input DeadlineLeadTimeInput {
    strategy: String!
    months: Int!
  }

  "OVERDUE: decide-by before the as-of date; DUE: within withinMonths of it; LATER: after; UNKNOWN: no decide-by."
  enum DeadlineStatus {
    OVERDUE
    DUE
    LATER
    UNKNOWN
  }

  type DeadlineItem {
    contractId: ID!
    contract: Contract
    name: String!
    municipalityId: ID
    municipality: Organization
    supplierId: ID
    supplier: Organization
    "Covered usages (at most 100; usageCount is exact)."
    usageIds: [ID!]!
    usages: [Usage!]!
    usageCount: Int!
    "Catalogue systems of the covered usages."
    systemIds: [ID!]!
    systems: [System!]!
    status: DeadlineStatus!
    unknownReason: String
    dates: DeadlineDates!
  }

  type DeadlineStatusCount {
    status: DeadlineStatus!
    count: Int!
  }

  type DeadlinePage {
    asOf: Date!
    withinMonths: Int!
    "Decide-by dates up to and including this day are DUE."
    dueUntil: Date!
    "Contracts matching every filter."
    total: Int!
    offset: Int!
    items: [DeadlineItem!]!
    "Per status, the contracts matching every filter except statuses."
    statusCounts: [DeadlineStatusCount!]!
  }

  "Which derived date a window selects contracts by."
  enum DateWindowBy {
    "The planned end."
    END
    DECIDE_BY
  }

  "Both days inclusive."
  input DateWindowInput {
    from: Date!
    to: Date!
    by: DateWindowBy = END
  }

  "What ends: exactly one of contractIds, supplierId (its contracts), systemIds (their usages end) or window."
  input BlastRadiusInput {
    contractIds: [ID!]
    supplierId: ID
    systemIds: [ID!]
    window: DateWindowInput
    asOf: Date!
    "Only this municipality's contracts and usages."
    municipalityId: ID
    "Relations followed from a LOST usage to its dependents, 1–10."
    maxDepth: Int = 3
    "Items listed per list, 0–1000; totals always count everything."
    limit: Int = 100
    leadTimes: [DeadlineLeadTimeInput!]
    "Tender lead time for a missing or unknown procurement strategy (default 6)."
    defaultLeadTimeMonths: Int
  }

  enum BlastRadiusSelector {
    CONTRACTS
    SUPPLIER
    SYSTEMS
    WINDOW
  }

  "LOST: nothing else active covers the usage (or its system ends); DEGRADED: another active contract does."
  enum BlastRadiusHitStatus {
    LOST
    DEGRADED
  }

  enum BlastRadiusRelationReason {
    GOVERNED_BY_ENDING_CONTRACT
    PROVIDER_LOST
  }

  type BlastRadiusEndingContract {
    contractId: ID!
    contract: Contract
    name: String!
    municipalityId: ID
    municipality: Organization
    supplierId: ID
    supplier: Organization
    path: [ID!]!
    pathEntities: [Entity!]!
    coveredUsageCount: Int!
    lostUsageCount: Int!
    dates: DeadlineDates!
  }

  type BlastRadiusHitUsage {
    usageId: ID!
    usage: Usage
    systemId: ID
    system: System
    status: BlastRadiusHitStatus!
    endingContractIds: [ID!]!
    endingSystemId: ID
    mainContractId: ID
    mainContractEnding: Boolean!
    "Other contracts, active at the as-of date, that still cover a DEGRADED usage."
    remainingContractIds: [ID!]!
    remainingContracts: [Contract!]!
    path: [ID!]!
    pathEntities: [Entity!]!
    "For a DEGRADED usage that also uses a LOST one: its shortest dependency path."
    dependencyPath: [ID!]
  }

  type BlastRadiusHitRelation {
    relationId: ID!
    relation: Relation
    reasons: [BlastRadiusRelationReason!]!
    fromUsageId: ID
    toUsageId: ID
    interfaceId: ID
    governingContractId: ID
    path: [ID!]!
    pathEntities: [Entity!]!
  }

  type BlastRadiusDependent {
    usageId: ID!
    usage: Usage
    systemId: ID
    system: System
    depth: Int!
    "Dependent usage, relation, used usage, ..., LOST usage, ending contract or system."
    path: [ID!]!
    pathEntities: [Entity!]!
    lostUsageId: ID!
  }

  type BlastRadiusInterface {
    interfaceId: ID!
    interface: Interface
    exposedBySystemIds: [ID!]!
    lostUsageIds: [ID!]!
    relationIds: [ID!]!
    dependentUsageIds: [ID!]!
    path: [ID!]!
    pathEntities: [Entity!]!
  }

  type BlastRadiusOrgUnit {
    orgUnitId: ID!
    orgUnit: OrgUnit
    usedByUsageIds: [ID!]!
    responsibleForUsageIds: [ID!]!
    usageCount: Int!
  }

  type BlastRadiusTask {
    taskId: ID!
    task: Task
    usageIds: [ID!]!
    usageCount: Int!
  }

  type BlastRadiusDataProcessing {
    dataProcessingId: ID!
    dataProcessing: DataProcessing
    coveredUsageIds: [ID!]!
    endingMainContractId: ID
    path: [ID!]!
    pathEntities: [Entity!]!
  }

  type BlastRadiusPersonalDataCount {
    level: PersonalDataLevel!
    count: Int!
  }

  "Usage.personalData over hit and dependent usages."
  type BlastRadiusPersonalData {
    highest: PersonalDataLevel
    usageIds: [ID!]!
    byLevel: [BlastRadiusPersonalDataCount!]!
    notRecorded: Int!
  }

  "Exact counts, whatever the limit cut from the lists."
  type BlastRadiusTotals {
    endingContracts: Int!
    decideByPassed: Int!
    endingSystems: Int!
    hitUsages: Int!
    lostUsages: Int!
    degradedUsages: Int!
    mainContractEnding: Int!
    hitRelations: Int!
    governedRelations: Int!
    providerLostRelations: Int!
    dependentUsages: Int!
    "Index 0 holds depth 1."
    dependentsByDepth: [Int!]!
    degradedDependingOnLost: Int!
    interfacesAtRisk: Int!
    orgUnits: Int!
    tasks: Int!
    dataProcessings: Int!
  }

  type BlastRadius {
    asOf: Date!
    selectedBy: BlastRadiusSelector!
    municipalityId: ID
    maxDepth: Int!
    limit: Int!
    endingContracts: [BlastRadiusEndingContract!]!
    endingSystemIds: [ID!]!
    endingSystems: [System!]!
    hitUsages: [BlastRadiusHitUsage!]!
    hitRelations: [BlastRadiusHitRelation!]!
    dependentUsages: [BlastRadiusDependent!]!
    interfacesAtRisk: [BlastRadiusInterface!]!
    orgUnits: [BlastRadiusOrgUnit!]!
    tasks: [BlastRadiusTask!]!
    dataProcessings: [BlastRadiusDataProcessing!]!
    personalData: BlastRadiusPersonalData!
    totals: BlastRadiusTotals!
  }

  extend type Query {
    "What is hit when contracts, a supplier's contracts, systems, or contracts with a date in a window end."
    blastRadius(input: BlastRadiusInput!): BlastRadius!
    "Contracts that have not ended at asOf, by decide-by date (unknown last), with their derived dates."
    deadlines(
      asOf: Date!
      municipalityId: ID
      supplierId: ID
      systemId: ID
      withinMonths: Int = 6
      statuses: [DeadlineStatus!]
      first: Int = 50
      offset: Int = 0
      leadTimes: [DeadlineLeadTimeInput!]
      defaultLeadTimeMonths: Int
    ): DeadlinePage!
  }
`;

type Parent = Readonly<Record<string, unknown>>;
type FieldResolver = (parent: Parent, args: unknown, context: ApiContext) => unknown;

/** Resolves an id field of the parent to the entity's record. */
function entity(idField: string): FieldResolver {
  return (parent, _, { index }) => {
    const id = parent[idField];
    return typeof id === 'string' ? (index.get(id)?.record ?? null) : null;
  };
}

/** Resolves an id-list field of the parent to the records that exist. */
function entities(idsField: string): FieldResolver {
  return (parent, _, { index }) => {
    const ids = parent[idsField];
    return Array.isArray(ids)
      ? ids.flatMap((id: string): NodeRecord[] => {
          const found = index.get(id);
          return found ? [found.record] : [];
        })
      : [];
  };
}

interface LeadTimeArguments {
  leadTimes?: readonly { strategy: string; months: number }[] | null;
  defaultLeadTimeMonths?: number | null;
}

function leadTimeOptions(args: LeadTimeArguments): LeadTimeOptions {
  const options: { leadTimesMonths?: Record<string, number>; defaultLeadTimeMonths?: number } = {};
  if (args.leadTimes) {
    const table: Record<string, number> = {};
    for (const { strategy, months } of args.leadTimes) {
      if (Object.hasOwn(table, strategy)) {
        throw new InvalidInputError(`leadTimes names the strategy "${strategy}" twice`);
      }
      table[strategy] = months;
    }
    options.leadTimesMonths = table;
  }
  if (args.defaultLeadTimeMonths !== null && args.defaultLeadTimeMonths !== undefined) {
    options.defaultLeadTimeMonths = args.defaultLeadTimeMonths;
  }
  return options;
}

/**
 * A viewer's questions default to its own municipality. Asking about another is allowed: the
 * analysis runs on the viewer's view, which holds only what that municipality shares.
 */
function scopeFor(context: ApiContext, municipalityId: string | null | undefined): string | null {
  return municipalityId ?? context.viewer.municipalityId;
}

interface BlastRadiusArguments {
  input: LeadTimeArguments & {
    contractIds?: string[] | null;
    supplierId?: string | null;
    systemIds?: string[] | null;
    window?: DateWindow | null;
    asOf: string;
    municipalityId?: string | null;
    maxDepth?: number | null;
    limit?: number | null;
  };
}

interface DeadlinesArguments extends LeadTimeArguments {
  asOf: string;
  municipalityId?: string | null;
  supplierId?: string | null;
  systemId?: string | null;
  withinMonths?: number | null;
  statuses?: DeadlineStatus[] | null;
  first?: number | null;
  offset?: number | null;
}

const withPath = { pathEntities: entities('path') };

/** The `blastRadius` and `deadlines` queries (server/analysis/blast-radius.ts, deadlines.ts). */
export const blastRadiusModule: AnalysisModule = {
  typeDefs,
  resolvers: {
    Query: {
      blastRadius: (
        _: unknown,
        { input }: BlastRadiusArguments,
        context: ApiContext,
        info?: GraphQLResolveInfo,
      ) =>
        blastRadius(context.index, {
          contractIds: input.contractIds,
          supplierId: input.supplierId,
          systemIds: input.systemIds,
          window: input.window,
          asOf: input.asOf,
          municipalityId: scopeFor(context, input.municipalityId),
          maxDepth: input.maxDepth,
          limit: input.limit,
          lists: listsSelected(info),
          ...leadTimeOptions(input),
        }),
      deadlines: (_: unknown, args: DeadlinesArguments, context: ApiContext) => {
        const [offset, end] = page({ first: args.first, offset: args.offset });
        return deadlines(context.index, {
          asOf: args.asOf,
          municipalityId: scopeFor(context, args.municipalityId),
          supplierId: args.supplierId,
          systemId: args.systemId,
          withinMonths: args.withinMonths,
          statuses: args.statuses,
          first: end - offset,
          offset,
          ...leadTimeOptions(args),
        });
      },
    },
    DeadlineItem: {
      contract: entity('contractId'),
      municipality: entity('municipalityId'),
      supplier: entity('supplierId'),
      usages: entities('usageIds'),
      systems: entities('systemIds'),
    },
    BlastRadius: { endingSystems: entities('endingSystemIds') },
    BlastRadiusEndingContract: {
      ...withPath,
      contract: entity('contractId'),
      municipality: entity('municipalityId'),
      supplier: entity('supplierId'),
    },
    BlastRadiusHitUsage: {
      ...withPath,
      usage: entity('usageId'),
      system: entity('systemId'),
      remainingContracts: entities('remainingContractIds'),
    },
    BlastRadiusHitRelation: { ...withPath, relation: entity('relationId') },
    BlastRadiusDependent: { ...withPath, usage: entity('usageId'), system: entity('systemId') },
    BlastRadiusInterface: { ...withPath, interface: entity('interfaceId') },
    BlastRadiusOrgUnit: { orgUnit: entity('orgUnitId') },
    BlastRadiusTask: { task: entity('taskId') },
    BlastRadiusDataProcessing: { ...withPath, dataProcessing: entity('dataProcessingId') },
  },
};
