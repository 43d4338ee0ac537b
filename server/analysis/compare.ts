import {
  addMonths,
  daysBetween,
  isCalendarDate,
  type CalendarDate,
} from '../domain/calendar-date.ts';
import { decideBy, deadlinesDependOnAsOf } from '../domain/contract-dates.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { LIFECYCLE_VALUES, type Label, type Lifecycle } from '../model/model-types.ts';
import type { GraphIndex } from './graph-index.ts';
import { baseOf, levelKey, type GraphView } from './graph-view.ts';
import {
  contractTerms,
  effectiveTasks,
  mainGroupOfTask,
  municipalityNodes,
  neighboursWithLabel,
  supplierOfContract,
  systemOfUsage,
  usagesCoveredByContract,
} from './graph-queries.ts';

/** Fewest and most municipalities one comparison takes. */
export const MIN_COMPARED_MUNICIPALITIES = 2;
export const MAX_COMPARED_MUNICIPALITIES = 10;
/** Default and largest window (months) between decide-by dates of a shared-procurement candidate. */
export const DEFAULT_WINDOW_MONTHS = 6;
export const MAX_WINDOW_MONTHS = 36;
/** Most shared-procurement candidates returned (the total is reported as well). */
export const MAX_PROCUREMENT_CANDIDATES = 100;
/** Most relation ids given as evidence of one integration pattern (the count is reported as well). */
export const MAX_PATTERN_EVIDENCE = 25;
/** The lifecycles that count when none are asked for: every usage except NOT_IN_USE. */
export const DEFAULT_COMPARED_LIFECYCLES: readonly Lifecycle[] = LIFECYCLE_VALUES.filter(
  (l) => l !== 'NOT_IN_USE',
);

/** Arguments of {@link compare}. */
export interface CompareOptions {
  /** 2–10 distinct municipality (Organization of kind MUNICIPALITY) ids; answers keep this order. */
  readonly municipalityIds: readonly string[];
  /** The day decide-by dates are derived at and compared with. */
  readonly asOf: CalendarDate;
  /**
   * Two contracts are shared-procurement candidates when their decide-by dates are at most this
   * many months apart (0–36; 0 means the same day).
   * @default DEFAULT_WINDOW_MONTHS (6)
   */
  readonly windowMonths?: number;
  /**
   * Which usages count, by lifecycle; a usage without a lifecycle counts as UNDECIDED. Systems,
   * KLE main groups, integration patterns and a contract's systems come from counted usages only;
   * contracts and suppliers themselves are not filtered.
   * @default DEFAULT_COMPARED_LIFECYCLES (every lifecycle except NOT_IN_USE)
   */
  readonly lifecycles?: readonly Lifecycle[] | null;
}

/** How similar two municipalities' sets are. */
export interface PairSimilarity {
  /** The two municipalities, in the order they were asked for. */
  readonly municipalityIds: readonly [string, string];
  /** Size of the intersection. */
  readonly overlap: number;
  /** Size of the union. */
  readonly union: number;
  /** overlap / union; null when both sets are empty. */
  readonly jaccard: number | null;
}

/** One municipality's side of a set comparison. */
export interface MunicipalitySet {
  readonly municipalityId: string;
  /** Size of the municipality's set. */
  readonly count: number;
  /** Members no other compared municipality has, sorted by name. */
  readonly onlyHereIds: readonly string[];
}

/**
 * Catalogue systems or suppliers of several municipalities side by side. Ids are sorted by name in
 * Danish collation (æ, ø, å after z; "Aa" as "Å"), then id.
 */
export interface SetComparison {
  /** Members every compared municipality has. */
  readonly sharedIds: readonly string[];
  /** Size of the union over all compared municipalities. */
  readonly unionCount: number;
  /** |intersection of all| / |union of all|; null when the union is empty. */
  readonly jaccard: number | null;
  readonly perMunicipality: readonly MunicipalitySet[];
  /** Every pair of compared municipalities, in the order asked. */
  readonly pairs: readonly PairSimilarity[];
}

/** The catalogue systems used for the tasks of one KLE main group. */
export interface MainGroupComparison extends SetComparison {
  /** The main group's Task id. */
  readonly taskId: string;
  /** KLE number, e.g. "00". */
  readonly number: string;
  readonly title: string;
}

/** Relations between the same ordered pair of catalogue systems (from uses to). */
export interface IntegrationPattern {
  readonly fromSystemId: string;
  readonly toSystemId: string;
  /** Relations that show the pattern (at most {@link MAX_PATTERN_EVIDENCE}), sorted by id. */
  readonly relationIds: readonly string[];
  /** How many relations show it in all. */
  readonly relationCount: number;
  /** Compared municipalities without the pattern (empty for shared patterns). */
  readonly missingFromIds: readonly string[];
}

/** One municipality's patterns that at least one other compared municipality lacks. */
export interface MunicipalityPatterns {
  readonly municipalityId: string;
  /** How many patterns the municipality has in all. */
  readonly patternCount: number;
  /** How many of them at least one other compared municipality lacks. */
  readonly missingElsewhereCount: number;
  /**
   * Those patterns from `start` to `end` (all by default), made when asked for: a municipality
   * has hundreds, and a page of them is shown. Evidence is this municipality's relations.
   */
  missingElsewhere(start?: number, end?: number): IntegrationPattern[];
}

/** Integration patterns side by side. */
export interface PatternComparison {
  /** Patterns every compared municipality has; evidence from all of them. */
  readonly shared: readonly IntegrationPattern[];
  readonly perMunicipality: readonly MunicipalityPatterns[];
}

/** What a shared-procurement candidate has in common. */
export type ProcurementBasis = 'SYSTEM' | 'SUPPLIER';

/** A contract in a shared-procurement candidate. */
export interface ProcurementContract {
  readonly contractId: string;
  readonly municipalityId: string;
  readonly decideBy: CalendarDate;
}

/**
 * Contracts of at least two compared municipalities on the same catalogue system or with the same
 * supplier whose decide-by dates all lie within the window of each other.
 */
export interface ProcurementCandidate {
  readonly basis: ProcurementBasis;
  /** The shared system (basis SYSTEM) or supplier organisation (basis SUPPLIER). */
  readonly sharedId: string;
  /** Sorted by decide-by. */
  readonly contracts: readonly ProcurementContract[];
  readonly earliestDecideBy: CalendarDate;
  readonly latestDecideBy: CalendarDate;
  /** Days from the earliest to the latest decide-by. */
  readonly spanDays: number;
}

/** Shared-procurement candidates and what was left out. */
export interface SharedProcurement {
  /** Sorted by span, then earliest decide-by; at most {@link MAX_PROCUREMENT_CANDIDATES}. */
  readonly candidates: readonly ProcurementCandidate[];
  /** Candidates found before the list was cut. */
  readonly totalCandidates: number;
  /** Contracts of the compared municipalities whose decide-by is known and not passed. */
  readonly contractsConsidered: number;
  /** Contracts left out because their decide-by date is unknown (missing terms). */
  readonly skippedUnknownDecideBy: number;
  /** Contracts left out because their decide-by date is before asOf: too late to join. */
  readonly skippedDecideByPassed: number;
}

/** The answer of {@link compare}. */
export interface Comparison {
  readonly municipalityIds: readonly string[];
  readonly asOf: CalendarDate;
  readonly windowMonths: number;
  readonly lifecycles: readonly Lifecycle[];
  readonly systems: SetComparison;
  /** KLE main groups at least one compared municipality has a system for, by number. */
  readonly mainGroups: readonly MainGroupComparison[];
  readonly suppliers: SetComparison;
  readonly integrationPatterns: PatternComparison;
  readonly sharedProcurement: SharedProcurement;
}

/**
 * Checks that an id names a municipality and returns its node.
 * @throws NotFoundError when the id is unknown; InvalidInputError when it names something else.
 */
export function requireMunicipality(index: GraphView, id: string): number {
  const node = index.indexOf(id);
  if (node === undefined) throw new NotFoundError(`Municipality "${id}" not found`);
  const label = index.labelAt(node);
  const kind = index.recordAt(node).kind;
  if (label !== 'Organization') {
    throw new InvalidInputError(`"${id}" is not a municipality (it is a ${label})`);
  }
  if (kind !== 'MUNICIPALITY') {
    throw new InvalidInputError(
      `"${id}" is not a municipality (it is an Organization of kind ${String(kind)})`,
    );
  }
  return node;
}

/**
 * Compares 2–10 municipalities (DOMAIN.md "Comparison across municipalities"):
 * - **systems**: catalogue systems used through counted usages (INSTANCE_OF); shared by all,
 *   only-in-one, Jaccard per pair and overall (|∩ all| / |∪ all|);
 * - **mainGroups**: the same per KLE main group, a usage's system counting for the main groups of
 *   its effective tasks; groups no compared municipality has a system for are left out;
 * - **suppliers**: SUPPLIED_BY of every contract of each municipality (any state);
 * - **integrationPatterns**: (system of FROM usage, system of TO usage) of relations whose two
 *   usages both count;
 * - **sharedProcurement**: contracts on the same system (covering a counted usage of it) or with
 *   the same supplier in at least two municipalities, whose decide-by dates (as
 *   deriveContractDates has them at asOf, default tender lead times) are at most windowMonths
 *   apart. Contracts whose decide-by is unknown or already before asOf are left out (and
 *   counted): they cannot be planned together. Per system or supplier the contracts are sorted by
 *   decide-by, and each maximal run that starts at one contract, ends at the last one within
 *   windowMonths of it and spans two or more municipalities is one candidate; a run inside an
 *   earlier one is not repeated. A contract can appear under its system and under its supplier.
 *
 * Per-municipality sets are computed once per index and municipality, and decide-by dates once per
 * index, asOf and contract, so a repeated comparison costs only the set arithmetic.
 * @throws InvalidInputError for fewer than 2 or more than 10 ids, a duplicate, an id that is not a
 *   municipality, a bad asOf, windowMonths outside 0–36, or an empty or unknown lifecycle;
 *   NotFoundError for an unknown id.
 */
export function compare(index: GraphView, options: CompareOptions): Comparison {
  const { municipalityIds, asOf } = options;
  const windowMonths = options.windowMonths ?? DEFAULT_WINDOW_MONTHS;
  const lifecycles = options.lifecycles ?? DEFAULT_COMPARED_LIFECYCLES;
  if (
    municipalityIds.length < MIN_COMPARED_MUNICIPALITIES ||
    municipalityIds.length > MAX_COMPARED_MUNICIPALITIES
  ) {
    throw new InvalidInputError(
      `municipalityIds must name ${MIN_COMPARED_MUNICIPALITIES}–${MAX_COMPARED_MUNICIPALITIES} municipalities; got ${municipalityIds.length}`,
    );
  }
  const seen = new Set<string>();
  for (const id of municipalityIds) {
    if (seen.has(id)) throw new InvalidInputError(`municipalityIds names "${id}" more than once`);
    seen.add(id);
  }
  if (!isCalendarDate(asOf)) {
    throw new InvalidInputError(`asOf must be a real date YYYY-MM-DD; got ${JSON.stringify(asOf)}`);
  }
  if (!Number.isInteger(windowMonths) || windowMonths < 0 || windowMonths > MAX_WINDOW_MONTHS) {
    throw new InvalidInputError(
      `windowMonths must be a whole number 0–${MAX_WINDOW_MONTHS}; got ${windowMonths}`,
    );
  }
  const wanted = lifecycleMask(lifecycles);
  const nodes = municipalityIds.map((id) => requireMunicipality(index, id));
  const cache = cacheOf(index);
  const systemOrder = nameOrder(index, cache, 'System');
  const organizationOrder = nameOrder(index, cache, 'Organization');
  const profiles = nodes.map((node) => profileOf(index, cache, node, organizationOrder));
  const sets = profiles.map((p) => maskedSetsOf(p, wanted, systemOrder));
  return {
    municipalityIds: [...municipalityIds],
    asOf,
    windowMonths,
    lifecycles: LIFECYCLE_VALUES.filter((l) => lifecycles.includes(l)),
    systems: compareSets(
      index,
      municipalityIds,
      sets.map((s) => s.systems),
      systemOrder,
    ),
    mainGroups: compareMainGroups(index, municipalityIds, sets, systemOrder),
    suppliers: compareSets(
      index,
      municipalityIds,
      profiles.map((p) => p.suppliers),
      organizationOrder,
    ),
    integrationPatterns: comparePatterns(index, municipalityIds, sets, systemOrder),
    sharedProcurement: findSharedProcurement(index, cache, municipalityIds, profiles, {
      asOf,
      windowMonths,
      wanted,
      systemOrder,
      organizationOrder,
    }),
  };
}

/**
 * One municipality's sets for one lifecycle mask. Members are name ranks in ascending order, so
 * every list a comparison returns comes out sorted without sorting.
 */
interface MaskedSets {
  readonly systems: Int32Array;
  /** Main-group Task node → ranks of its systems. */
  readonly mainGroups: ReadonlyMap<number, Int32Array>;
  /** Pattern key (from rank × system count + to rank) → relations; keys ascend by name. */
  readonly patterns: ReadonlyMap<number, readonly number[]>;
}

/**
 * What a comparison needs of one municipality, independent of the arguments: lifecycle filters
 * apply to the bit masks (one bit per lifecycle of the usages behind each entry), and the sets for
 * each mask asked for are kept. Every municipality's profile is computed with the index
 * ({@link prepareComparison}), so it is kept in typed arrays: a few kilobytes each instead of a
 * map per contract and an object per relation.
 */
interface MunicipalityProfile {
  /** (system, lifecycle bits) pairs of the catalogue systems of its usages. */
  readonly systemMasks: Int32Array;
  /** Main-group Task → (system, lifecycle bits) pairs. */
  readonly mainGroups: ReadonlyMap<number, Int32Array>;
  /** Organization name ranks of the suppliers, ascending. */
  readonly suppliers: Int32Array;
  /**
   * Relations between two of its usages, {@link RELATION_COLUMNS} numbers each: the relation, the
   * catalogue systems of its FROM and TO usages, and the lifecycle bits of those usages.
   */
  readonly relations: Int32Array;
  /**
   * Its contracts, {@link CONTRACT_COLUMNS} numbers each: the contract, its supplier (−1 for none)
   * and where its (system, lifecycle bits) pairs end in `contractSystems`.
   */
  readonly contracts: Int32Array;
  /** The (system, lifecycle bits) pairs of the usages each contract covers, contract by contract. */
  readonly contractSystems: Int32Array;
  readonly byMask: Map<number, MaskedSets>;
}

const RELATION_COLUMNS = 5;
const CONTRACT_COLUMNS = 3;
const NO_SUPPLIER = -1;

/** Nodes of one label in name order: rank → node, and node → rank (−1 for other labels). */
interface NameOrder {
  readonly nodeAt: Int32Array;
  readonly rankOf: Int32Array;
  /** Per-rank counters for set arithmetic; all zero between calls. */
  readonly scratch: Uint8Array;
}

/** A contract's decide-by date (and as a day number); null when it is unknown. */
interface DecideByDate {
  readonly decideBy: CalendarDate | null;
  readonly day: number;
}

interface CompareCache {
  /** By municipality node and what the viewer may see of it ({@link levelKey}). */
  readonly profiles: Map<string, MunicipalityProfile>;
  readonly mainGroupOf: Map<number, number>;
  readonly orders: Map<Label, NameOrder>;
  /** Decide-by of the contracts whose deadlines are the same at every asOf. */
  readonly settledDecideBy: Map<number, DecideByDate>;
  /** asOf → contract → decide-by for the others; only the most recent few asOf values are kept. */
  readonly decideBy: Map<CalendarDate, Map<number, DecideByDate>>;
}

const CACHES = new WeakMap<GraphIndex, CompareCache>();
const MAX_CACHED_AS_OF = 8;
const LIFECYCLE_BIT = new Map<Lifecycle, number>(LIFECYCLE_VALUES.map((l, i) => [l, 1 << i]));
const COLLATOR = new Intl.Collator('da');
/** Decide-by dates are compared as whole days since this date. */
const DAY_ZERO = '2000-01-01';

/**
 * The cache of the whole index, shared by views: profiles are kept per municipality and level of
 * sight, everything else in it is catalogue data every viewer sees alike.
 */
function cacheOf(view: GraphView): CompareCache {
  const index = baseOf(view);
  let cache = CACHES.get(index);
  if (!cache) {
    cache = {
      profiles: new Map(),
      mainGroupOf: new Map(),
      orders: new Map(),
      settledDecideBy: new Map(),
      decideBy: new Map(),
    };
    CACHES.set(index, cache);
  }
  return cache;
}

/**
 * Computes what every comparison needs that does not depend on its arguments: the name orders,
 * each municipality's profile as a viewer who sees everything has it, and the decide-by dates
 * that are the same at every asOf. Called once per index build (0.2 s and 3 MB nationally), so
 * no user's first comparison of a municipality pays for them (5–14 ms nationally).
 */
export function prepareComparison(index: GraphIndex): void {
  const cache = cacheOf(index);
  nameOrder(index, cache, 'System');
  const organizationOrder = nameOrder(index, cache, 'Organization');
  for (const municipality of municipalityNodes(index)) {
    profileOf(index, cache, municipality, organizationOrder);
  }
  for (const contract of index.nodesOf('Contract')) {
    if (!deadlinesDependOnAsOf(contractTerms(index, contract))) {
      // Any date will do: these contracts' deadlines are the same at every asOf.
      decideByAt(index, cache, contract, DAY_ZERO);
    }
  }
}

function lifecycleMask(lifecycles: readonly Lifecycle[]): number {
  if (lifecycles.length === 0) {
    throw new InvalidInputError('lifecycles must name at least one lifecycle');
  }
  let mask = 0;
  for (const lifecycle of lifecycles) {
    const bit = LIFECYCLE_BIT.get(lifecycle);
    if (bit === undefined) throw new InvalidInputError(`Unknown lifecycle "${String(lifecycle)}"`);
    mask |= bit;
  }
  return mask;
}

function lifecycleBitOf(index: GraphView, usage: number): number {
  const lifecycle = index.recordAt(usage).lifecycle as Lifecycle | null;
  return LIFECYCLE_BIT.get(lifecycle ?? 'UNDECIDED') ?? LIFECYCLE_BIT.get('UNDECIDED')!;
}

function addBits<K>(map: Map<K, number>, key: K, bits: number): void {
  map.set(key, (map.get(key) ?? 0) | bits);
}

/** Every node of a label ranked by name (Danish collation, then id), computed once per index. */
function nameOrder(index: GraphView, cache: CompareCache, label: Label): NameOrder {
  const cached = cache.orders.get(label);
  if (cached) return cached;
  const nodes = [...index.nodesOf(label)];
  const names = new Map(nodes.map((n) => [n, String(index.recordAt(n).name ?? index.idAt(n))]));
  nodes.sort(
    (a, b) => COLLATOR.compare(names.get(a)!, names.get(b)!) || index.idRank(a) - index.idRank(b),
  );
  const rankOf = new Int32Array(index.nodeCount).fill(-1);
  nodes.forEach((n, rank) => (rankOf[n] = rank));
  const order = { nodeAt: Int32Array.from(nodes), rankOf, scratch: new Uint8Array(nodes.length) };
  cache.orders.set(label, order);
  return order;
}

function ranksOf(nodes: Iterable<number>, order: NameOrder): Int32Array {
  return Int32Array.from(nodes, (n) => order.rankOf[n]!).sort();
}

/** (key, bits) pairs of a map, in its order. */
function pairsOf(map: ReadonlyMap<number, number>): Int32Array {
  const pairs = new Int32Array(map.size * 2);
  let i = 0;
  for (const [key, bits] of map) {
    pairs[i++] = key;
    pairs[i++] = bits;
  }
  return pairs;
}

function profileOf(
  index: GraphView,
  cache: CompareCache,
  municipality: number,
  organizationOrder: NameOrder,
): MunicipalityProfile {
  const key = `${municipality}:${levelKey(index, index.idAt(municipality))}`;
  const cached = cache.profiles.get(key);
  if (cached) return cached;
  const systemMasks = new Map<number, number>();
  const mainGroups = new Map<number, Map<number, number>>();
  const relations: number[] = [];
  for (const usage of neighboursWithLabel(index, municipality, 'BELONGS_TO', 'IN', 'Usage')) {
    const system = systemOfUsage(index, usage);
    if (system === undefined) continue;
    const bit = lifecycleBitOf(index, usage);
    addBits(systemMasks, system, bit);
    for (const task of effectiveTasks(index, usage)) {
      let group = cache.mainGroupOf.get(task);
      if (group === undefined) {
        group = mainGroupOfTask(index, task);
        cache.mainGroupOf.set(task, group);
      }
      let systems = mainGroups.get(group);
      if (!systems) mainGroups.set(group, (systems = new Map<number, number>()));
      addBits(systems, system, bit);
    }
    // Each relation has one FROM usage, so walking FROM_USAGE from every usage meets it once.
    for (const relation of neighboursWithLabel(index, usage, 'FROM_USAGE', 'IN', 'Relation')) {
      const to = index.firstNeighbour(relation, 'TO_USAGE', 'OUT', 'Usage');
      const toSystem = to === undefined ? undefined : systemOfUsage(index, to);
      if (to === undefined || toSystem === undefined) continue;
      relations.push(relation, system, toSystem, bit, lifecycleBitOf(index, to));
    }
  }
  const suppliers = new Set<number>();
  const contracts: number[] = [];
  const contractSystems: number[] = [];
  for (const contract of neighboursWithLabel(index, municipality, 'BELONGS_TO', 'IN', 'Contract')) {
    const supplier = supplierOfContract(index, contract);
    if (supplier !== undefined) suppliers.add(supplier);
    const systems = new Map<number, number>();
    for (const usage of usagesCoveredByContract(index, contract)) {
      const system = systemOfUsage(index, usage);
      if (system !== undefined) addBits(systems, system, lifecycleBitOf(index, usage));
    }
    for (const [system, bits] of systems) contractSystems.push(system, bits);
    contracts.push(contract, supplier ?? NO_SUPPLIER, contractSystems.length);
  }
  const profile: MunicipalityProfile = {
    systemMasks: pairsOf(systemMasks),
    mainGroups: new Map([...mainGroups].map(([group, masks]) => [group, pairsOf(masks)])),
    suppliers: ranksOf(suppliers, organizationOrder),
    relations: Int32Array.from(relations),
    contracts: Int32Array.from(contracts),
    contractSystems: Int32Array.from(contractSystems),
    byMask: new Map(),
  };
  cache.profiles.set(key, profile);
  return profile;
}

function maskedSetsOf(
  profile: MunicipalityProfile,
  wanted: number,
  systemOrder: NameOrder,
): MaskedSets {
  const cached = profile.byMask.get(wanted);
  if (cached) return cached;
  const masked = (pairs: Int32Array): Int32Array => {
    const keys: number[] = [];
    for (let i = 0; i < pairs.length; i += 2)
      if ((pairs[i + 1]! & wanted) !== 0) keys.push(pairs[i]!);
    return ranksOf(keys, systemOrder);
  };
  const mainGroups = new Map<number, Int32Array>();
  for (const [group, masks] of profile.mainGroups) {
    const systems = masked(masks);
    if (systems.length > 0) mainGroups.set(group, systems);
  }
  const width = systemOrder.nodeAt.length;
  const unordered = new Map<number, number[]>();
  const relations = profile.relations;
  for (let r = 0; r < relations.length; r += RELATION_COLUMNS) {
    if ((relations[r + 3]! & wanted) === 0 || (relations[r + 4]! & wanted) === 0) continue;
    const key =
      systemOrder.rankOf[relations[r + 1]!]! * width + systemOrder.rankOf[relations[r + 2]!]!;
    const evidence = unordered.get(key);
    if (evidence) evidence.push(relations[r]!);
    else unordered.set(key, [relations[r]!]);
  }
  const patterns = new Map<number, number[]>();
  for (const key of Float64Array.from(unordered.keys()).sort())
    patterns.set(key, unordered.get(key)!);
  const sets: MaskedSets = { systems: masked(profile.systemMasks), mainGroups, patterns };
  profile.byMask.set(wanted, sets);
  return sets;
}

function jaccardOf(overlap: number, union: number): number | null {
  return union === 0 ? null : overlap / union;
}

function idsOf(index: GraphView, ranks: ArrayLike<number>, order: NameOrder): string[] {
  const ids = new Array<string>(ranks.length);
  for (let i = 0; i < ranks.length; i++) ids[i] = index.idAt(order.nodeAt[ranks[i]!]!);
  return ids;
}

/** Overlap of two ascending rank lists, by merging. */
function overlapOf(a: Int32Array, b: Int32Array): number {
  let overlap = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      overlap++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return overlap;
}

function compareSets(
  index: GraphView,
  municipalityIds: readonly string[],
  sets: readonly Int32Array[],
  order: NameOrder,
): SetComparison {
  // How many sets hold each rank, in the order's scratch counters (reset before returning).
  const memberships = order.scratch;
  let unionCount = 0;
  for (const set of sets) {
    for (const member of set) if (memberships[member]!++ === 0) unionCount++;
  }
  // Loops, not the typed arrays' filter: its call per member was a quarter of a comparison.
  const shared: number[] = [];
  for (const member of sets[0]!) if (memberships[member] === sets.length) shared.push(member);
  const onlyHere = sets.map((set) => {
    const only: number[] = [];
    for (const member of set) if (memberships[member] === 1) only.push(member);
    return only;
  });
  for (const set of sets) for (const member of set) memberships[member] = 0;
  const pairs: PairSimilarity[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const overlap = overlapOf(sets[i]!, sets[j]!);
      const union = sets[i]!.length + sets[j]!.length - overlap;
      pairs.push({
        municipalityIds: [municipalityIds[i]!, municipalityIds[j]!],
        overlap,
        union,
        jaccard: jaccardOf(overlap, union),
      });
    }
  }
  return {
    sharedIds: idsOf(index, shared, order),
    unionCount,
    jaccard: jaccardOf(shared.length, unionCount),
    perMunicipality: sets.map((set, i) => ({
      municipalityId: municipalityIds[i]!,
      count: set.length,
      onlyHereIds: idsOf(index, onlyHere[i]!, order),
    })),
    pairs,
  };
}

function compareMainGroups(
  index: GraphView,
  municipalityIds: readonly string[],
  sets: readonly MaskedSets[],
  systemOrder: NameOrder,
): MainGroupComparison[] {
  const groups = new Set<number>();
  for (const s of sets) for (const group of s.mainGroups.keys()) groups.add(group);
  const none = new Int32Array(0);
  const result: MainGroupComparison[] = [];
  for (const group of groups) {
    const task = index.recordAt(group);
    result.push({
      taskId: index.idAt(group),
      number: String(task.number ?? ''),
      title: String(task.title ?? ''),
      ...compareSets(
        index,
        municipalityIds,
        sets.map((s) => s.mainGroups.get(group) ?? none),
        systemOrder,
      ),
    });
  }
  return result.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

function comparePatterns(
  index: GraphView,
  municipalityIds: readonly string[],
  sets: readonly MaskedSets[],
  systemOrder: NameOrder,
): PatternComparison {
  const width = systemOrder.nodeAt.length;
  const patternOf = (
    key: number,
    relations: readonly number[],
    missing: string[],
  ): IntegrationPattern => {
    const ids = relations.map((r) => index.idAt(r));
    if (ids.length > 1) ids.sort();
    return {
      fromSystemId: index.idAt(systemOrder.nodeAt[Math.floor(key / width)]!),
      toSystemId: index.idAt(systemOrder.nodeAt[key % width]!),
      relationIds: ids.slice(0, MAX_PATTERN_EVIDENCE),
      relationCount: ids.length,
      missingFromIds: missing,
    };
  };
  const inEvery = (key: number): boolean => {
    for (const set of sets) if (!set.patterns.has(key)) return false;
    return true;
  };
  const shared: IntegrationPattern[] = [];
  for (const key of sets[0]!.patterns.keys()) {
    if (inEvery(key)) {
      shared.push(
        patternOf(
          key,
          sets.flatMap((s) => s.patterns.get(key)!),
          [],
        ),
      );
    }
  }
  return {
    shared,
    perMunicipality: sets.map((s, i): MunicipalityPatterns => {
      const missingKeys: number[] = [];
      for (const key of s.patterns.keys()) {
        if (!inEvery(key)) missingKeys.push(key);
      }
      return {
        municipalityId: municipalityIds[i]!,
        patternCount: s.patterns.size,
        missingElsewhereCount: missingKeys.length,
        missingElsewhere: (start = 0, end = missingKeys.length) =>
          missingKeys.slice(start, end).map((key) =>
            patternOf(
              key,
              s.patterns.get(key)!,
              municipalityIds.filter((_, j) => !sets[j]!.patterns.has(key)),
            ),
          ),
      };
    }),
  };
}

const UNKNOWN_DECIDE_BY: DecideByDate = { decideBy: null, day: 0 };

/**
 * A contract's decide-by at asOf, kept across requests: for most contracts it is the same at
 * every asOf (deadlinesDependOnAsOf), so only ongoing contracts are derived again for a new date.
 */
function decideByAt(
  index: GraphView,
  cache: CompareCache,
  contract: number,
  asOf: CalendarDate,
): DecideByDate {
  const settled = cache.settledDecideBy.get(contract);
  if (settled) return settled;
  let states = cache.decideBy.get(asOf);
  let state = states?.get(contract);
  if (state) return state;
  // decideBy() is the deriveContractDates value without the validity and extension work it
  // does not depend on.
  const terms = contractTerms(baseOf(index), contract);
  const date = decideBy(terms, asOf);
  state = date.known
    ? { decideBy: date.value, day: daysBetween(DAY_ZERO, date.value) }
    : UNKNOWN_DECIDE_BY;
  if (!deadlinesDependOnAsOf(terms)) {
    cache.settledDecideBy.set(contract, state);
  } else {
    if (!states) {
      if (cache.decideBy.size >= MAX_CACHED_AS_OF) {
        cache.decideBy.delete(cache.decideBy.keys().next().value!);
      }
      states = new Map();
      cache.decideBy.set(asOf, states);
    }
    states.set(contract, state);
  }
  return state;
}

interface ProcurementSettings {
  readonly asOf: CalendarDate;
  readonly windowMonths: number;
  readonly wanted: number;
  readonly systemOrder: NameOrder;
  readonly organizationOrder: NameOrder;
}

interface Dated {
  readonly contract: number;
  readonly municipality: number;
  readonly decideBy: CalendarDate;
  readonly day: number;
  /**
   * The last day of the window from its decide-by (a day number), or -1 until first needed: a
   * contract sits in the list of each of its systems and of its supplier, and the calendar work
   * was a tenth of a comparison when made for each list.
   */
  windowEnd: number;
}

function findSharedProcurement(
  index: GraphView,
  cache: CompareCache,
  municipalityIds: readonly string[],
  profiles: readonly MunicipalityProfile[],
  settings: ProcurementSettings,
): SharedProcurement {
  const { asOf, windowMonths, wanted } = settings;
  // "Passed" is decide-by before asOf, as deriveContractDates has it.
  const asOfDay = daysBetween(DAY_ZERO, asOf);
  const bySystem = new Map<number, Dated[]>();
  const bySupplier = new Map<number, Dated[]>();
  const push = (map: Map<number, Dated[]>, key: number, dated: Dated): void => {
    const list = map.get(key);
    if (list) list.push(dated);
    else map.set(key, [dated]);
  };
  let considered = 0;
  let unknown = 0;
  let passed = 0;
  profiles.forEach((profile, municipality) => {
    const { contracts, contractSystems } = profile;
    for (let c = 0; c < contracts.length; c += CONTRACT_COLUMNS) {
      const contract = contracts[c]!;
      const supplier = contracts[c + 1]!;
      // A contract's pairs start where the previous contract's end.
      const pairsStart = c === 0 ? 0 : contracts[c - 1]!;
      const pairsEnd = contracts[c + 2]!;
      const state = decideByAt(index, cache, contract, asOf);
      if (state.decideBy === null) unknown++;
      else if (state.day < asOfDay) passed++;
      else {
        considered++;
        const dated: Dated = {
          contract,
          municipality,
          decideBy: state.decideBy,
          day: state.day,
          windowEnd: -1,
        };
        for (let i = pairsStart; i < pairsEnd; i += 2) {
          if ((contractSystems[i + 1]! & wanted) !== 0) push(bySystem, contractSystems[i]!, dated);
        }
        if (supplier !== NO_SUPPLIER) push(bySupplier, supplier, dated);
      }
    }
  });
  const candidates: (ProcurementCandidate & { rank: number; earliestDay: number })[] = [];
  const collect = (basis: ProcurementBasis, map: Map<number, Dated[]>, order: NameOrder): void => {
    for (const [shared, list] of map) {
      if (!list.some((d) => d.municipality !== list[0]!.municipality)) continue;
      list.sort(
        (a, b) =>
          a.day - b.day ||
          a.municipality - b.municipality ||
          (index.idAt(a.contract) < index.idAt(b.contract) ? -1 : 1),
      );
      let keptEnd = -1;
      let end = 0;
      for (let start = 0; start < list.length; start++) {
        const first = list[start]!;
        if (first.windowEnd < 0) {
          first.windowEnd = daysBetween(DAY_ZERO, addMonths(first.decideBy, windowMonths));
        }
        if (end < start) end = start;
        while (end + 1 < list.length && list[end + 1]!.day <= first.windowEnd) end++;
        if (end <= keptEnd) continue;
        const run = list.slice(start, end + 1);
        if (!run.some((d) => d.municipality !== first.municipality)) continue;
        keptEnd = end;
        const last = run[run.length - 1]!;
        candidates.push({
          basis,
          sharedId: index.idAt(shared),
          contracts: run.map((d) => ({
            contractId: index.idAt(d.contract),
            municipalityId: municipalityIds[d.municipality]!,
            decideBy: d.decideBy,
          })),
          earliestDecideBy: first.decideBy,
          latestDecideBy: last.decideBy,
          spanDays: last.day - first.day,
          rank: order.rankOf[shared]!,
          earliestDay: first.day,
        });
      }
    }
  };
  collect('SYSTEM', bySystem, settings.systemOrder);
  collect('SUPPLIER', bySupplier, settings.organizationOrder);
  candidates.sort(
    (a, b) =>
      a.spanDays - b.spanDays ||
      a.earliestDay - b.earliestDay ||
      (a.basis === b.basis ? 0 : a.basis === 'SYSTEM' ? -1 : 1) ||
      a.rank - b.rank,
  );
  return {
    candidates: candidates
      .slice(0, MAX_PROCUREMENT_CANDIDATES)
      .map(({ rank: _rank, earliestDay: _earliestDay, ...candidate }) => candidate),
    totalCandidates: candidates.length,
    contractsConsidered: considered,
    skippedUnknownDecideBy: unknown,
    skippedDecideByPassed: passed,
  };
}
