import type { CalendarDate } from '../domain/calendar-date.ts';
import { compareCalendarDates } from '../domain/calendar-date.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { PERSONAL_DATA_LEVEL_VALUES, type PersonalDataLevel } from '../model/model-types.ts';
import { activeContractsCoveringUsage } from './contract-coverage.ts';
import {
  CONTRACT_DATE_KINDS,
  contractDatesAt,
  contractsWithDateIn,
  requireAsOf,
  requireLeadTimes,
  requireMunicipality,
  requireNodeOf,
  requireWholeNumber,
  type ContractDateKind,
  type ContractDeadlineDates,
  type LeadTimeOptions,
} from './deadlines.ts';
import { sortById, type GraphView } from './graph-view.ts';
import {
  mainContractOfUsage,
  municipalityIdOf,
  neighboursWithLabel,
  personalDataRankOf,
  supplierOfContract,
  systemOfUsage,
  usagesCoveredByContract,
  visitEffectiveTasks,
} from './graph-queries.ts';
import { NeighbourSpan } from './neighbour-span.ts';
import { NodeSet } from './node-set.ts';

/** What a blast radius was asked about: the one selector the input gave. */
export const BLAST_RADIUS_SELECTORS = ['CONTRACTS', 'SUPPLIER', 'SYSTEMS', 'WINDOW'] as const;
export type BlastRadiusSelector = (typeof BLAST_RADIUS_SELECTORS)[number];

/**
 * LOST: no other contract active at the as-of date (and not itself ending) covers the usage, or
 * its system ends. DEGRADED: another such contract still covers it.
 */
export const HIT_STATUSES = ['LOST', 'DEGRADED'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

/** Why a relation is hit: its governing contract ends, or the usage it uses (TO_USAGE) is LOST. */
export const RELATION_HIT_REASONS = ['GOVERNED_BY_ENDING_CONTRACT', 'PROVIDER_LOST'] as const;
export type RelationHitReason = (typeof RELATION_HIT_REASONS)[number];

/** @default 3 */
export const DEFAULT_MAX_DEPTH = 3;
export const MAX_MAX_DEPTH = 10;
/** Items listed per list of the result. @default 100 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Most contract or system ids one input may name. */
export const MAX_SELECTED_IDS = 1000;

/** Contracts whose planned end (END) or decide-by date (DECIDE_BY) lies in `from..to`, inclusive. */
export interface DateWindow {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** @default 'END' */
  readonly by?: ContractDateKind | null;
}

/** Arguments of {@link blastRadius}: exactly one of contractIds, supplierId, systemIds, window. */
export interface BlastRadiusInput extends LeadTimeOptions {
  /** These contracts end. */
  readonly contractIds?: readonly string[] | null;
  /** Every contract supplied by this organisation ends. */
  readonly supplierId?: string | null;
  /** These catalogue systems end: their usages are LOST directly. */
  readonly systemIds?: readonly string[] | null;
  /** Every contract with its planned end or decide-by date in the window ends. */
  readonly window?: DateWindow | null;
  /** The date the analysis stands on: contract validity and derived dates are taken at it. */
  readonly asOf: CalendarDate;
  /** Only this municipality's contracts and usages. */
  readonly municipalityId?: string | null;
  /** How many relations deep dependents are followed, 1–10. @default 3 */
  readonly maxDepth?: number | null;
  /** Items listed per list, 0–1000; totals always count everything. @default 100 */
  readonly limit?: number | null;
  /**
   * The lists to make; the others are left empty (and personal data unreported), as a GraphQL
   * query that does not select them needs. Totals always count everything. @default every list
   */
  readonly lists?: ReadonlySet<BlastRadiusList> | null;
}

/** The lists of a {@link BlastRadius} that {@link BlastRadiusInput.lists} may leave out. */
export const BLAST_RADIUS_LISTS = [
  'endingContracts',
  'endingSystemIds',
  'hitUsages',
  'hitRelations',
  'dependentUsages',
  'interfacesAtRisk',
  'orgUnits',
  'tasks',
  'dataProcessings',
  'personalData',
] as const;
export type BlastRadiusList = (typeof BLAST_RADIUS_LISTS)[number];

/** The personal data of a blast radius that was not asked for. */
const UNREPORTED_PERSONAL_DATA: PersonalDataExposure = {
  highest: null,
  usageIds: [],
  byLevel: [],
  notRecorded: 0,
};

/** A contract that ends, with its deadlines (DOMAIN.md blast radius item 7). */
export interface EndingContract {
  readonly contractId: string;
  readonly name: string;
  readonly municipalityId: string | null;
  readonly supplierId: string | null;
  /** Why it ends: [contract] when named or in the window, [contract, supplier] for a supplier. */
  readonly path: string[];
  /** Usages it covers (inside the scope), and how many of them are LOST. */
  readonly coveredUsageCount: number;
  readonly lostUsageCount: number;
  readonly dates: ContractDeadlineDates;
}

/** A usage covered by an ending contract, or of an ending system (item 1). */
export interface HitUsage {
  readonly usageId: string;
  readonly systemId: string | null;
  readonly status: HitStatus;
  /** The ending contracts that cover it (empty when its system ends). */
  readonly endingContractIds: string[];
  /** The ending system it is a usage of, for system input. */
  readonly endingSystemId: string | null;
  readonly mainContractId: string | null;
  /** True when the usage's main contract is one of the ending contracts. */
  readonly mainContractEnding: boolean;
  /** For DEGRADED: the other contracts, active at the as-of date, that still cover it. */
  readonly remainingContractIds: string[];
  /** [usage, ending contract] (the main contract when it ends) or [usage, ending system]. */
  readonly path: string[];
  /**
   * A DEGRADED usage that also uses a LOST usage (within the depth) keeps its DEGRADED status and
   * is not listed again as a dependent; this is its shortest dependency path, as a dependent's.
   */
  readonly dependencyPath: string[] | null;
}

/** A relation hit by the ending (item 2). */
export interface HitRelation {
  readonly relationId: string;
  readonly reasons: RelationHitReason[];
  /** The user (FROM_USAGE) and the used, provider usage (TO_USAGE). */
  readonly fromUsageId: string | null;
  readonly toUsageId: string | null;
  readonly interfaceId: string | null;
  readonly governingContractId: string | null;
  /** [relation, ending contract] when governed, else [relation, lost usage, its contract/system]. */
  readonly path: string[];
}

/** A usage that uses a LOST usage, directly or through others (item 3). */
export interface DependentUsage {
  readonly usageId: string;
  readonly systemId: string | null;
  /** Relations between it and the LOST usage: 1 uses it directly. */
  readonly depth: number;
  /** [dependent, relation, used usage, ..., lost usage, ending contract or system]; shortest. */
  readonly path: string[];
  readonly lostUsageId: string;
}

/** An interface used, through relations, to reach LOST usages (item 4). */
export interface InterfaceAtRisk {
  readonly interfaceId: string;
  readonly exposedBySystemIds: string[];
  /** LOST provider usages reached through it. */
  readonly lostUsageIds: string[];
  readonly relationIds: string[];
  /** Usages that use it: the FROM_USAGE ends of those relations. */
  readonly dependentUsageIds: string[];
  /** [interface, relation, lost usage, ending contract or system]. */
  readonly path: string[];
}

/** An org unit that uses, or is responsible for, a hit or dependent usage (item 5). */
export interface AffectedOrgUnit {
  readonly orgUnitId: string;
  readonly usedByUsageIds: string[];
  readonly responsibleForUsageIds: string[];
  /** Distinct usages that touch it (the lists above are bounded by the limit). */
  readonly usageCount: number;
}

/** A KLE task among the effective tasks of hit or dependent usages (item 5). */
export interface AffectedTask {
  readonly taskId: string;
  readonly usageIds: string[];
  readonly usageCount: number;
}

/** A data-processing registration covering a hit usage or with an ending main contract (item 6). */
export interface AffectedDataProcessing {
  readonly dataProcessingId: string;
  /** Hit usages it covers. */
  readonly coveredUsageIds: string[];
  /** Its main contract, when that is ending; otherwise null. */
  readonly endingMainContractId: string | null;
  /** [registration, ending main contract] or [registration, hit usage, ending contract/system]. */
  readonly path: string[];
}

/** The personal data touched: Usage.personalData over hit and dependent usages (item 6). */
export interface PersonalDataExposure {
  /** NONE < PERSONAL_DATA < SENSITIVE_DATA < LEGAL_DATA; null when no usage records a level. */
  readonly highest: PersonalDataLevel | null;
  /** Usages at the highest level. */
  readonly usageIds: string[];
  readonly byLevel: { readonly level: PersonalDataLevel; readonly count: number }[];
  /** Usages without a recorded level. */
  readonly notRecorded: number;
}

/** Exact counts, whatever the limit cut from the lists. */
export interface BlastRadiusTotals {
  readonly endingContracts: number;
  readonly decideByPassed: number;
  readonly endingSystems: number;
  readonly hitUsages: number;
  readonly lostUsages: number;
  readonly degradedUsages: number;
  readonly mainContractEnding: number;
  readonly hitRelations: number;
  readonly governedRelations: number;
  readonly providerLostRelations: number;
  readonly dependentUsages: number;
  /** Dependents per depth: index 0 holds depth 1. */
  readonly dependentsByDepth: number[];
  readonly degradedDependingOnLost: number;
  readonly interfacesAtRisk: number;
  readonly orgUnits: number;
  readonly tasks: number;
  readonly dataProcessings: number;
}

/** The answer of {@link blastRadius}: plain, serialisable, ids as strings. */
export interface BlastRadius {
  readonly asOf: CalendarDate;
  readonly selectedBy: BlastRadiusSelector;
  readonly municipalityId: string | null;
  readonly maxDepth: number;
  readonly limit: number;
  /** In deadline order: decide-by (unknown last), planned end (unknown last), name, id. */
  readonly endingContracts: EndingContract[];
  readonly endingSystemIds: string[];
  /** LOST first, then DEGRADED; by id within each. */
  readonly hitUsages: HitUsage[];
  /** By id. */
  readonly hitRelations: HitRelation[];
  /** By depth, then id. */
  readonly dependentUsages: DependentUsage[];
  /** Most dependent usages first, then id. */
  readonly interfacesAtRisk: InterfaceAtRisk[];
  /** Most usages first, then id. */
  readonly orgUnits: AffectedOrgUnit[];
  /** Most usages first, then id. */
  readonly tasks: AffectedTask[];
  /** By id. */
  readonly dataProcessings: AffectedDataProcessing[];
  readonly personalData: PersonalDataExposure;
  readonly totals: BlastRadiusTotals;
}

interface Selection {
  readonly kind: BlastRadiusSelector;
  /** Ending contracts, each once. */
  readonly contracts: number[];
  /** Ending systems, each once. */
  readonly systems: number[];
  readonly supplier: number | null;
}

interface Hit {
  readonly usage: number;
  readonly endingContracts: number[];
  endingSystem: number | null;
  status: HitStatus;
  remaining: number[];
  main: number | undefined;
  /** The ending contract or system that explains the hit: the main contract when it ends. */
  cause: number;
}

/**
 * What ends when contracts, a supplier's contracts, catalogue systems, or every contract with a
 * date in a window end (DOMAIN.md "Blast radius"): hit usages (LOST or DEGRADED), hit relations,
 * dependent usages with their shortest explaining paths, interfaces at risk, org units and KLE
 * tasks, data-processing registrations and personal data, and each ending contract's deadlines.
 *
 * Dependents are found breadth-first from every LOST usage at once, against the direction of use
 * (Usage ←TO_USAGE– Relation –FROM_USAGE→ Usage) and over nothing else, so traversal never passes
 * through Organization, Task, DataType or ArchitectureComponent nodes; each usage is visited once,
 * so cycles end and every path is a shortest one. A DEGRADED usage reached this way stays DEGRADED
 * (listed once, with its dependency path) and the walk continues through it, since its users
 * depend on the LOST usage through it. A window selects by planned end unless `by` is DECIDE_BY.
 * @throws NotFoundError naming an unknown id.
 * @throws InvalidInputError for no or several selectors, an id of the wrong kind, a contract
 *   outside the municipality scope, a bad date or window, or a number out of range.
 */
export function blastRadius(index: GraphView, input: BlastRadiusInput): BlastRadius {
  return NodeSet.using(index.nodeCount, SETS, (sets) => blastRadiusWith(index, input, sets));
}

/**
 * Node sets one blast radius works with: the dependents' search, org unit and task counts, one
 * usage's tasks, the affected usages per system, and the places of listed org units or tasks.
 */
const SETS = 6;

function blastRadiusWith(
  index: GraphView,
  input: BlastRadiusInput,
  [reachedSet, unitSet, taskSet, taskScratch, systemSet, placeSet]: NodeSet[],
): BlastRadius {
  const asOf = requireAsOf(input.asOf);
  const maxDepth = requireWholeNumber(
    input.maxDepth ?? DEFAULT_MAX_DEPTH,
    'maxDepth',
    1,
    MAX_MAX_DEPTH,
  );
  const limit = requireWholeNumber(input.limit ?? DEFAULT_LIMIT, 'limit', 0, MAX_LIMIT);
  const wants = (list: BlastRadiusList) => !input.lists || input.lists.has(list);
  const options = requireLeadTimes(input);
  const municipalityId = input.municipalityId ?? null;
  if (municipalityId !== null) requireMunicipality(index, municipalityId);
  const id = (node: number) => index.idAt(node);
  const context: Context = {
    index,
    limit,
    id,
    sortById: (nodes) => sortById(index, nodes),
    sortedIds: (nodes) => {
      sortById(index, nodes);
      const ids: string[] = [];
      for (let i = 0; i < nodes.length && i < limit; i++) ids.push(index.idAt(nodes[i]!));
      return ids;
    },
    inScope: (node) => municipalityId === null || municipalityIdOf(index, node) === municipalityId,
  };
  const selection = select(index, input, asOf, options, municipalityId, context.inScope);
  const datesAt = contractDatesAt(index, asOf, options);
  const ending = new Set(selection.contracts);

  const hits = findHits(context, selection, ending, asOf);
  const lost: number[] = [];
  for (const hit of hits.values()) if (hit.status === 'LOST') lost.push(hit.usage);
  context.sortById(lost);
  const causeOf = (usage: number) => id(hits.get(usage)!.cause);
  const relations = findHitRelations(context, selection.contracts, lost);
  const reached = findDependents(context, lost, maxDepth, reachedSet!);
  const pathFrom = (start: number): string[] => {
    const path: string[] = [];
    let node = start;
    for (; reached.has(node); node = reached.uses(node))
      path.push(id(node), id(reached.relationOf(node)));
    path.push(id(node), causeOf(node));
    return path;
  };
  const levels = reached.levels;
  const dependentLevels = levels.map((level) => level.filter((usage) => !hits.has(usage)));
  const dependentCount = dependentLevels.reduce((sum, level) => sum + level.length, 0);
  const interfaces = findInterfacesAtRisk(context, lost);
  // Pushed in a loop: spreading the keys and the flattened levels took 1.5–1.8 times as long.
  const affected = [...hits.keys()];
  for (const level of dependentLevels) for (const usage of level) affected.push(usage);
  const touched = touchUnitsAndTasks(
    context,
    affected,
    { units: unitSet!, tasks: taskSet!, scratch: taskScratch!, systems: systemSet! },
    { units: wants('orgUnits') && limit > 0, tasks: wants('tasks') && limit > 0 },
  );
  const registrations = findRegistrations(context, selection.contracts, hits.values());

  // Deadline order compares names with a collator on ties: sorting a national month's 676
  // contracts on average took 1.3 ms, for nothing when the list is cut to none.
  const endingOrder =
    wants('endingContracts') && limit > 0 ? datesAt.inDeadlineOrder([...selection.contracts]) : [];
  const coverage = countCoverage(hits.values(), endingOrder.length > 0);
  const listedHits = wants('hitUsages') ? [...lost] : [];
  if (wants('hitUsages') && listedHits.length < limit) {
    const degraded = [...hits.values()].filter((h) => h.status === 'DEGRADED').map((h) => h.usage);
    listedHits.push(...context.sortById(degraded));
  }
  const listedDependents: number[] = [];
  for (const level of wants('dependentUsages') ? dependentLevels : []) {
    if (listedDependents.length >= limit) break;
    listedDependents.push(...context.sortById(level).slice(0, limit - listedDependents.length));
  }
  const { sortedIds } = context;
  let governed = 0;
  let providerLost = 0;
  for (const entry of relations.values()) {
    if (entry.reasons & GOVERNED) governed++;
    if (entry.reasons & PROVIDER_LOST) providerLost++;
  }
  let mainContractEnding = 0;
  for (const hit of hits.values())
    if (hit.main !== undefined && ending.has(hit.main)) mainContractEnding++;

  return {
    asOf,
    selectedBy: selection.kind,
    municipalityId,
    maxDepth,
    limit,
    endingContracts: endingOrder.slice(0, limit).map((contract): EndingContract => {
      const record = index.recordAt(contract);
      const supplier = supplierOfContract(index, contract);
      return {
        contractId: record.id,
        name: typeof record.name === 'string' ? record.name : record.id,
        municipalityId: municipalityIdOf(index, contract),
        supplierId: supplier === undefined ? null : id(supplier),
        path: selection.supplier === null ? [record.id] : [record.id, id(selection.supplier)],
        coveredUsageCount: coverage.get(contract)?.covered ?? 0,
        lostUsageCount: coverage.get(contract)?.lost ?? 0,
        dates: datesAt.dates(contract),
      };
    }),
    endingSystemIds: wants('endingSystemIds') ? selection.systems.slice(0, limit).map(id) : [],
    hitUsages: listedHits.slice(0, limit).map((usage): HitUsage => {
      const hit = hits.get(usage)!;
      const system = systemOfUsage(index, usage);
      return {
        usageId: id(usage),
        systemId: system === undefined ? null : id(system),
        status: hit.status,
        endingContractIds: hit.endingContracts.slice(0, limit).map(id),
        endingSystemId: hit.endingSystem === null ? null : id(hit.endingSystem),
        mainContractId: hit.main === undefined ? null : id(hit.main),
        mainContractEnding: hit.main !== undefined && ending.has(hit.main),
        remainingContractIds: sortedIds([...hit.remaining]),
        path: [id(usage), id(hit.cause)],
        dependencyPath: reached.has(usage) ? pathFrom(usage) : null,
      };
    }),
    hitRelations: context
      .sortById([...(wants('hitRelations') ? relations.keys() : [])])
      .slice(0, limit)
      .map((relation): HitRelation => {
        const entry = relations.get(relation)!;
        const end = (type: 'FROM_USAGE' | 'TO_USAGE' | 'VIA', label: 'Usage' | 'Interface') => {
          const node = index.firstNeighbour(relation, type, 'OUT', label);
          return node === undefined ? null : id(node);
        };
        const governing = index.firstNeighbour(relation, 'GOVERNS', 'IN', 'Contract');
        return {
          relationId: id(relation),
          reasons: RELATION_HIT_REASONS.filter((reason) => entry.reasons & reasonBit(reason)),
          fromUsageId: end('FROM_USAGE', 'Usage'),
          toUsageId: end('TO_USAGE', 'Usage'),
          interfaceId: end('VIA', 'Interface'),
          governingContractId: governing === undefined ? null : id(governing),
          path:
            entry.reasons & GOVERNED
              ? [id(relation), id(entry.explainedBy)]
              : [id(relation), id(entry.explainedBy), causeOf(entry.explainedBy)],
        };
      }),
    dependentUsages: listedDependents.map((usage): DependentUsage => {
      const system = systemOfUsage(index, usage);
      const path = pathFrom(usage);
      return {
        usageId: id(usage),
        systemId: system === undefined ? null : id(system),
        depth: reached.depthOf(usage),
        path,
        lostUsageId: path[path.length - 2]!,
      };
    }),
    interfacesAtRisk: topByCount(
      wants('interfacesAtRisk') ? [...interfaces.keys()] : [],
      (via) => interfaces.get(via)!.users.size,
      limit,
      context.sortById,
    ).map((via): InterfaceAtRisk => {
      const entry = interfaces.get(via)!;
      return {
        interfaceId: id(via),
        exposedBySystemIds: sortedIds(neighboursWithLabel(index, via, 'EXPOSES', 'IN', 'System')),
        lostUsageIds: sortedIds([...entry.lost]),
        relationIds: sortedIds([...entry.relations]),
        dependentUsageIds: sortedIds([...entry.users]),
        path: [id(via), id(entry.firstRelation), id(entry.firstLost), causeOf(entry.firstLost)],
      };
    }),
    orgUnits: wants('orgUnits') ? listOrgUnits(context, touched, unitSet!, placeSet!) : [],
    tasks: wants('tasks') ? listTasks(context, touched, taskSet!, placeSet!) : [],
    dataProcessings: context
      .sortById([...(wants('dataProcessings') ? registrations.keys() : [])])
      .slice(0, limit)
      .map((dpr): AffectedDataProcessing => {
        const entry = registrations.get(dpr)!;
        return {
          dataProcessingId: id(dpr),
          coveredUsageIds: sortedIds([...entry.covered]),
          endingMainContractId: entry.main === null ? null : id(entry.main),
          path:
            entry.main === null
              ? [id(dpr), id(entry.covered[0]!), causeOf(entry.covered[0]!)]
              : [id(dpr), id(entry.main)],
        };
      }),
    personalData: wants('personalData')
      ? personalDataOf(context, affected)
      : UNREPORTED_PERSONAL_DATA,
    totals: {
      endingContracts: selection.contracts.length,
      decideByPassed: selection.contracts.filter((c) => datesAt.dates(c).decideByPassed === true)
        .length,
      endingSystems: selection.systems.length,
      hitUsages: hits.size,
      lostUsages: lost.length,
      degradedUsages: hits.size - lost.length,
      mainContractEnding,
      hitRelations: relations.size,
      governedRelations: governed,
      providerLostRelations: providerLost,
      dependentUsages: dependentCount,
      dependentsByDepth: Array.from(
        { length: maxDepth },
        (_, d) => dependentLevels[d]?.length ?? 0,
      ),
      degradedDependingOnLost: reached.count - dependentCount,
      interfacesAtRisk: interfaces.size,
      orgUnits: touched.units.length,
      tasks: touched.tasks.length,
      dataProcessings: registrations.size,
    },
  };
}

/** What the steps of one blast radius share. */
interface Context {
  readonly index: GraphView;
  readonly limit: number;
  readonly inScope: (node: number) => boolean;
  readonly id: (node: number) => string;
  /** Sorts nodes by id in place (see sortById). */
  readonly sortById: (nodes: number[]) => number[];
  /** Sorts nodes by id in place and gives the ids of the first `limit`. */
  readonly sortedIds: (nodes: number[]) => string[];
}

function findHits(
  context: Context,
  selection: Selection,
  ending: ReadonlySet<number>,
  asOf: CalendarDate,
): Map<number, Hit> {
  const { index, inScope } = context;
  const hits = new Map<number, Hit>();
  for (const contract of selection.contracts) {
    for (const usage of usagesCoveredByContract(index, contract)) {
      if (!inScope(usage)) continue;
      const hit = hits.get(usage);
      if (hit) hit.endingContracts.push(contract);
      else {
        hits.set(usage, {
          usage,
          endingContracts: [contract],
          endingSystem: null,
          status: 'LOST',
          remaining: [],
          main: undefined,
          cause: contract,
        });
      }
    }
  }
  for (const hit of hits.values()) {
    hit.remaining = activeContractsCoveringUsage(index, hit.usage, asOf, ending);
    hit.status = hit.remaining.length > 0 ? 'DEGRADED' : 'LOST';
    hit.main = mainContractOfUsage(index, hit.usage);
    if (hit.main !== undefined && ending.has(hit.main)) hit.cause = hit.main;
  }
  for (const system of selection.systems) {
    for (const usage of neighboursWithLabel(index, system, 'INSTANCE_OF', 'IN', 'Usage')) {
      if (!inScope(usage) || hits.has(usage)) continue;
      hits.set(usage, {
        usage,
        endingContracts: [],
        endingSystem: system,
        status: 'LOST',
        remaining: [],
        main: mainContractOfUsage(index, usage),
        cause: system,
      });
    }
  }
  return hits;
}

/**
 * How many hit usages each ending contract covers, and how many of them are LOST, counted from
 * the hits (empty unless `wanted`): the hits hold the covering contracts already. Reading each
 * contract's usages again made the list of a supplier's ending contracts take 1.7 times as long.
 */
function countCoverage(
  hits: Iterable<Hit>,
  wanted: boolean,
): Map<number, { covered: number; lost: number }> {
  const coverage = new Map<number, { covered: number; lost: number }>();
  if (!wanted) return coverage;
  for (const hit of hits) {
    for (const contract of hit.endingContracts) {
      let counts = coverage.get(contract);
      if (!counts) coverage.set(contract, (counts = { covered: 0, lost: 0 }));
      counts.covered++;
      if (hit.status === 'LOST') counts.lost++;
    }
  }
  return coverage;
}

/** A reason's bit in {@link RelationHit.reasons}: 1 shifted by its place in RELATION_HIT_REASONS. */
const reasonBit = (reason: RelationHitReason) => 1 << RELATION_HIT_REASONS.indexOf(reason);
const GOVERNED = reasonBit('GOVERNED_BY_ENDING_CONTRACT');
const PROVIDER_LOST = reasonBit('PROVIDER_LOST');

/**
 * A hit relation's reasons as bits, and the node its path goes through: the ending contract that
 * governs it, or else the LOST usage it uses. Paths are made only for the relations listed: a
 * month nationally hits thousands, and a Set and a path per relation outlived the young
 * generation, to be collected with the old one.
 */
interface RelationHit {
  reasons: number;
  readonly explainedBy: number;
}

function findHitRelations(
  context: Context,
  contracts: readonly number[],
  lost: readonly number[],
): Map<number, RelationHit> {
  const { index, inScope } = context;
  const relations = new Map<number, RelationHit>();
  for (const contract of contracts) {
    for (const relation of neighboursWithLabel(index, contract, 'GOVERNS', 'OUT', 'Relation')) {
      if (!inScope(relation)) continue;
      relations.set(relation, { reasons: GOVERNED, explainedBy: contract });
    }
  }
  for (const usage of lost) {
    for (const relation of neighboursWithLabel(index, usage, 'TO_USAGE', 'IN', 'Relation')) {
      if (!inScope(relation)) continue;
      const entry = relations.get(relation);
      if (entry) entry.reasons |= PROVIDER_LOST;
      else relations.set(relation, { reasons: PROVIDER_LOST, explainedBy: usage });
    }
  }
  return relations;
}

/**
 * Columns of the dependents' search: the relation and the used usage a dependent was reached
 * over, and its depth.
 */
const RELATION = 0;
const USED = 1;
const DEPTH = 2;

/** The dependents' search: each reached usage's step towards the LOST usage it depends on. */
interface Reached {
  /** `levels[d]` holds the usages first reached at depth d + 1. */
  readonly levels: number[][];
  /** Usages reached (LOST ones, the sources, are not). */
  readonly count: number;
  has(usage: number): boolean;
  relationOf(usage: number): number;
  /** The usage it uses on its way to the LOST usage. */
  uses(usage: number): number;
  depthOf(usage: number): number;
}

/**
 * Multi-source breadth-first search from the LOST usages to the usages that use them, over
 * TO_USAGE in and FROM_USAGE out only. The LOST usages are members at depth 0.
 */
function findDependents(
  context: Context,
  lost: number[],
  maxDepth: number,
  visited: NodeSet,
): Reached {
  const { index, inScope } = context;
  for (const usage of lost) {
    visited.add(usage);
    visited.setValue(usage, DEPTH, 0);
  }
  const levels: number[][] = [];
  const span = new NeighbourSpan();
  let frontier = lost;
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const used of frontier) {
      const { targets, start, end } = index.neighbourSpan(used, 'TO_USAGE', 'IN', span);
      for (let i = start; i < end; i++) {
        const relation = targets[i]!;
        if (index.labelAt(relation) !== 'Relation') continue;
        // A relation has one using side (the model's `from: Usage`): no view of a list of one.
        const user = index.firstNeighbour(relation, 'FROM_USAGE', 'OUT', 'Usage');
        if (user === undefined || !inScope(user) || !visited.add(user)) continue;
        visited.setValue(user, RELATION, relation);
        visited.setValue(user, USED, used);
        visited.setValue(user, DEPTH, depth);
        next.push(user);
      }
    }
    levels.push(next);
    frontier = next;
  }
  return {
    levels,
    count: visited.members - lost.length,
    has: (usage) => visited.has(usage) && visited.value(usage, DEPTH) > 0,
    relationOf: (usage) => visited.value(usage, RELATION),
    uses: (usage) => visited.value(usage, USED),
    depthOf: (usage) => visited.value(usage, DEPTH),
  };
}

/** An interface at risk; its path, made when it is listed, goes through its first relation. */
interface InterfaceHit {
  readonly lost: Set<number>;
  readonly relations: number[];
  readonly users: Set<number>;
  readonly firstRelation: number;
  readonly firstLost: number;
}

function findInterfacesAtRisk(
  context: Context,
  lost: readonly number[],
): Map<number, InterfaceHit> {
  const { index, inScope } = context;
  const interfaces = new Map<number, InterfaceHit>();
  for (const usage of lost) {
    for (const relation of neighboursWithLabel(index, usage, 'TO_USAGE', 'IN', 'Relation')) {
      const via = index.firstNeighbour(relation, 'VIA', 'OUT', 'Interface');
      if (via === undefined || !inScope(relation)) continue;
      let entry = interfaces.get(via);
      if (!entry) {
        entry = {
          lost: new Set(),
          relations: [],
          users: new Set(),
          firstRelation: relation,
          firstLost: usage,
        };
        interfaces.set(via, entry);
      }
      entry.lost.add(usage);
      entry.relations.push(relation);
      const user = index.firstNeighbour(relation, 'FROM_USAGE', 'OUT', 'Usage');
      if (user !== undefined) entry.users.add(user);
    }
  }
  return interfaces;
}

/**
 * The org units (used by or responsible for) and effective KLE tasks of the affected usages, in
 * first-touch order; `units` and `tasks` count the distinct usages touching each (column 0).
 */
interface Touched {
  readonly units: number[];
  readonly tasks: number[];
  /**
   * What the lists need, recorded as the usages are read so that listing does not read them
   * again (empty when not listing): (usage, org unit, USED_BY or RESPONSIBLE) triples, ...
   */
  readonly unitLinks: number[];
  /** ... (task, usage) pairs of usages with tasks of their own, ... */
  readonly taskLinks: number[];
  /** ... and (system, usage) pairs of usages whose tasks are their system's. */
  readonly plainLinks: number[];
  /** The systems of those usages, each once, ... */
  readonly plainSystems: number[];
  /** ... and each one's distinct tasks, when the tasks are listed. */
  readonly systemTasks: Map<number, number[]>;
}

/** Kinds of a {@link Touched.unitLinks} triple. */
const USED_BY = 0;
const RESPONSIBLE = 1;

/**
 * Reads each affected usage's org units and effective tasks once: counts them, and records the
 * links the lists need when they are asked for.
 */
function touchUnitsAndTasks(
  context: Context,
  affected: readonly number[],
  sets: { units: NodeSet; tasks: NodeSet; scratch: NodeSet; systems: NodeSet },
  record: { units: boolean; tasks: boolean },
): Touched {
  const { index } = context;
  const { units, tasks, scratch, systems } = sets;
  const touched: Touched = {
    units: [],
    tasks: [],
    unitLinks: [],
    taskLinks: [],
    plainLinks: [],
    plainSystems: [],
    systemTasks: new Map(),
  };
  const countTask = (task: number, usages = 1) => {
    if (!tasks.has(task)) touched.tasks.push(task);
    tasks.count(task, usages);
  };
  // Most usages have exactly their system's tasks: those are counted once per system, weighted
  // by its affected usages, instead of once per usage (a month's thousands of usages share a
  // few hundred systems).
  const usedBy = new NeighbourSpan();
  const responsible = new NeighbourSpan();
  for (const usage of affected) {
    index.neighbourSpan(usage, 'USED_BY', 'OUT', usedBy);
    for (let i = usedBy.start; i < usedBy.end; i++) {
      const unit = usedBy.targets[i]!;
      if (index.labelAt(unit) !== 'OrgUnit') continue;
      if (units.count(unit) === 1) touched.units.push(unit);
      if (record.units) touched.unitLinks.push(usage, unit, USED_BY);
    }
    index.neighbourSpan(usage, 'RESPONSIBLE', 'OUT', responsible);
    for (let i = responsible.start; i < responsible.end; i++) {
      const unit = responsible.targets[i]!;
      if (index.labelAt(unit) !== 'OrgUnit') continue;
      if (record.units) touched.unitLinks.push(usage, unit, RESPONSIBLE);
      // A usage both used by and responsible in one unit counts once for it.
      if (!usedBy.includes(unit) && units.count(unit) === 1) touched.units.push(unit);
    }
    const own =
      index.degree(usage, 'OPTS_OUT_TASK', 'OUT') + index.degree(usage, 'ADDS_TASK', 'OUT');
    const system = own === 0 ? systemOfUsage(index, usage) : undefined;
    if (system === undefined) {
      visitEffectiveTasks(index, usage, scratch, (task) => {
        countTask(task);
        if (record.tasks) touched.taskLinks.push(task, usage);
      });
      continue;
    }
    if (systems.count(system) === 1) touched.plainSystems.push(system);
    if (record.tasks) touched.plainLinks.push(system, usage);
  }
  const supports = new NeighbourSpan();
  for (const system of touched.plainSystems) {
    const usages = systems.value(system, 0);
    // Kept for the tasks' list, so that listing does not read the system again.
    const distinct: number[] | null = record.tasks ? [] : null;
    scratch.clear();
    const { targets, start, end } = index.neighbourSpan(system, 'SUPPORTS', 'OUT', supports);
    for (let i = start; i < end; i++) {
      if (!scratch.add(targets[i]!)) continue;
      countTask(targets[i]!, usages);
      distinct?.push(targets[i]!);
    }
    if (distinct) touched.systemTasks.set(system, distinct);
  }
  return touched;
}

/**
 * The `limit` most touched of `touched` by their counts (column 0 of `counts`), each marked in
 * `places` with its place in the list (column 0).
 */
function listMostTouched(
  context: Context,
  touched: readonly number[],
  counts: NodeSet,
  places: NodeSet,
): number[] {
  const listed = topByCount(
    touched,
    (node) => counts.value(node, 0),
    context.limit,
    context.sortById,
  );
  places.clear();
  for (let k = 0; k < listed.length; k++) {
    places.add(listed[k]!);
    places.setValue(listed[k]!, 0, k);
  }
  return listed;
}

/** The most touched org units with the affected usages they use or are responsible for. */
function listOrgUnits(
  context: Context,
  touched: Touched,
  counts: NodeSet,
  places: NodeSet,
): AffectedOrgUnit[] {
  const { id, sortedIds } = context;
  const listed = listMostTouched(context, touched.units, counts, places);
  // Two lists per listed unit: the usages it is used by, then those it is responsible for.
  const usages = listed.flatMap((): number[][] => [[], []]);
  const links = touched.unitLinks;
  for (let i = 0; i < links.length; i += 3) {
    const unit = links[i + 1]!;
    if (places.has(unit)) usages[2 * places.value(unit, 0) + links[i + 2]!]!.push(links[i]!);
  }
  return listed.map((unit, k) => ({
    orgUnitId: id(unit),
    usedByUsageIds: sortedIds(usages[2 * k + USED_BY]!),
    responsibleForUsageIds: sortedIds(usages[2 * k + RESPONSIBLE]!),
    usageCount: counts.value(unit, 0),
  }));
}

/** The most touched tasks with the affected usages that have them. */
function listTasks(
  context: Context,
  touched: Touched,
  counts: NodeSet,
  places: NodeSet,
): AffectedTask[] {
  const { id, sortedIds } = context;
  const listed = listMostTouched(context, touched.tasks, counts, places);
  const usages = listed.map((): number[] => []);
  const own = touched.taskLinks;
  for (let i = 0; i < own.length; i += 2) {
    if (places.has(own[i]!)) usages[places.value(own[i]!, 0)]!.push(own[i + 1]!);
  }
  // A system's usages have each of its listed tasks: their places, per system.
  const placesOf = new Map<number, number[]>();
  for (const [system, tasks] of touched.systemTasks) {
    const of: number[] = [];
    for (const task of tasks) if (places.has(task)) of.push(places.value(task, 0));
    if (of.length > 0) placesOf.set(system, of);
  }
  const plain = touched.plainLinks;
  for (let i = 0; i < plain.length; i += 2) {
    for (const k of placesOf.get(plain[i]!) ?? []) usages[k]!.push(plain[i + 1]!);
  }
  return listed.map((task, k) => ({
    taskId: id(task),
    usageIds: sortedIds(usages[k]!),
    usageCount: counts.value(task, 0),
  }));
}

function personalDataOf(context: Context, affected: readonly number[]): PersonalDataExposure {
  const { index, limit } = context;
  const rankOf = personalDataRankOf(index);
  const counts = PERSONAL_DATA_LEVEL_VALUES.map(() => 0);
  let notRecorded = 0;
  for (const usage of affected) {
    const level = rankOf(usage);
    if (level < 0) notRecorded++;
    else counts[level]!++;
  }
  const top = counts.findLastIndex((count) => count > 0);
  return {
    highest: top < 0 ? null : PERSONAL_DATA_LEVEL_VALUES[top]!,
    usageIds:
      top < 0 || limit === 0
        ? []
        : context.sortedIds(affected.filter((usage) => rankOf(usage) === top)),
    byLevel: PERSONAL_DATA_LEVEL_VALUES.map((level, k) => ({ level, count: counts[k]! })),
    notRecorded,
  };
}

/**
 * A registration hit through its ending main contract (`main`), or else through the hit usages it
 * covers; its path, made when it is listed, goes through the first of them.
 */
interface RegistrationHit {
  readonly covered: number[];
  readonly main: number | null;
}

function findRegistrations(
  context: Context,
  contracts: readonly number[],
  hits: Iterable<Hit>,
): Map<number, RegistrationHit> {
  const { index, inScope } = context;
  const registrations = new Map<number, RegistrationHit>();
  for (const contract of contracts) {
    for (const dpr of neighboursWithLabel(
      index,
      contract,
      'MAIN_CONTRACT',
      'IN',
      'DataProcessing',
    )) {
      if (!inScope(dpr)) continue;
      registrations.set(dpr, { covered: [], main: contract });
    }
  }
  for (const hit of hits) {
    for (const dpr of neighboursWithLabel(index, hit.usage, 'COVERS', 'IN', 'DataProcessing')) {
      if (!inScope(dpr)) continue;
      const entry = registrations.get(dpr);
      if (entry) entry.covered.push(hit.usage);
      else registrations.set(dpr, { covered: [hit.usage], main: null });
    }
  }
  return registrations;
}

/**
 * The `limit` keys with the highest counts, ties by id. Buckets by count and sorts only the
 * buckets it lists from: nationally there are ~10k touched org units and the list shows 100.
 */
function topByCount(
  keys: readonly number[],
  countOf: (key: number) => number,
  limit: number,
  sortNodes: (nodes: number[]) => number[],
): number[] {
  if (limit === 0) return [];
  const buckets = new Map<number, number[]>();
  for (const key of keys) {
    const count = countOf(key);
    const bucket = buckets.get(count);
    if (bucket) bucket.push(key);
    else buckets.set(count, [key]);
  }
  const top: number[] = [];
  for (const count of [...buckets.keys()].sort((a, b) => b - a)) {
    if (top.length >= limit) break;
    top.push(...sortNodes(buckets.get(count)!).slice(0, limit - top.length));
  }
  return top;
}

function select(
  index: GraphView,
  input: BlastRadiusInput,
  asOf: CalendarDate,
  options: LeadTimeOptions,
  municipalityId: string | null,
  inScope: (node: number) => boolean,
): Selection {
  const given = (
    [
      ['contractIds', input.contractIds],
      ['supplierId', input.supplierId],
      ['systemIds', input.systemIds],
      ['window', input.window],
    ] as const
  ).filter(([, value]) => value !== null && value !== undefined);
  if (given.length !== 1) {
    const named = given.length === 0 ? 'none' : given.map(([name]) => name).join(', ');
    throw new InvalidInputError(
      `Give exactly one of contractIds, supplierId, systemIds or window; got ${named}`,
    );
  }
  const none = { contracts: [], systems: [], supplier: null };
  if (input.contractIds !== null && input.contractIds !== undefined) {
    const contracts = distinctNodes(index, input.contractIds, 'contractIds', 'Contract');
    for (const contract of contracts) {
      if (!inScope(contract)) {
        throw new InvalidInputError(
          `Contract "${index.idAt(contract)}" belongs to ${JSON.stringify(municipalityIdOf(index, contract))}, outside the municipality scope "${municipalityId}"`,
        );
      }
    }
    return { ...none, kind: 'CONTRACTS', contracts };
  }
  if (input.supplierId !== null && input.supplierId !== undefined) {
    const supplier = requireNodeOf(index, input.supplierId, 'Organization', 'Supplier');
    const contracts = neighboursWithLabel(index, supplier, 'SUPPLIED_BY', 'IN', 'Contract').filter(
      inScope,
    );
    return { ...none, kind: 'SUPPLIER', contracts, supplier };
  }
  if (input.systemIds !== null && input.systemIds !== undefined) {
    return {
      ...none,
      kind: 'SYSTEMS',
      systems: distinctNodes(index, input.systemIds, 'systemIds', 'System'),
    };
  }
  const window = input.window!;
  const from = requireAsOf(window.from, 'window.from');
  const to = requireAsOf(window.to, 'window.to');
  if (compareCalendarDates(from, to) > 0) {
    throw new InvalidInputError(`window.from must not be after window.to; got ${from} to ${to}`);
  }
  const by = window.by ?? 'END';
  if (!CONTRACT_DATE_KINDS.includes(by)) {
    throw new InvalidInputError(`window.by must be END or DECIDE_BY; got ${JSON.stringify(by)}`);
  }
  const candidates =
    municipalityId === null
      ? undefined
      : neighboursWithLabel(index, index.indexOf(municipalityId)!, 'BELONGS_TO', 'IN', 'Contract');
  const contracts = contractsWithDateIn(index, { from, to, by }, asOf, options, candidates).filter(
    inScope,
  );
  return { ...none, kind: 'WINDOW', contracts };
}

function distinctNodes(
  index: GraphView,
  ids: readonly string[],
  name: string,
  label: 'Contract' | 'System',
): number[] {
  if (ids.length === 0) throw new InvalidInputError(`${name} must not be empty`);
  if (ids.length > MAX_SELECTED_IDS) {
    throw new InvalidInputError(
      `${name} may name at most ${MAX_SELECTED_IDS} ids; got ${ids.length}`,
    );
  }
  return [...new Set(ids.map((id) => requireNodeOf(index, id, label, label)))];
}
