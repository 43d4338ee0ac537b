import type { CalendarDate } from '../domain/calendar-date.ts';
import { addMonths, isCalendarDate } from '../domain/calendar-date.ts';
import {
  deriveContractDates,
  earliestEnd,
  resolveTenderLeadTime,
  type ContractDatesOptions,
  type Derived,
  type TenderLeadTimeOptions,
} from '../domain/contract-dates.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import type { Label } from '../model/model-types.ts';
import type { GraphIndex } from './graph-index.ts';
import { baseOf, sees, type GraphView } from './graph-view.ts';
import {
  contractTerms,
  municipalityIdOf,
  neighboursWithLabel,
  parentLookup,
  supplierOfContract,
  systemOfUsage,
  usagesCoveredByContract,
} from './graph-queries.ts';

/** How a contract's decide-by date stands at the as-of date. */
export const DEADLINE_STATUSES = ['OVERDUE', 'DUE', 'LATER', 'UNKNOWN'] as const;

/**
 * OVERDUE: decide-by before the as-of date; DUE: decide-by from the as-of date up to `withinMonths`
 * later; LATER: after that; UNKNOWN: no decide-by date (the reason says why).
 */
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Which derived date a date window selects contracts by. */
export const CONTRACT_DATE_KINDS = ['END', 'DECIDE_BY'] as const;

/** END: the planned end (`deriveContractDates().plannedEnd`); DECIDE_BY: the decide-by date. */
export type ContractDateKind = (typeof CONTRACT_DATE_KINDS)[number];

/** Largest `withinMonths` a deadline query accepts (ten years). */
export const MAX_WITHIN_MONTHS = 120;

/**
 * The derived dates of one contract at one as-of date, as the deadline and blast-radius views
 * show them: each date is known (with an optional note) or unknown with the reason.
 */
export interface ContractDeadlineDates {
  /** Kitos validity at the as-of date (with the parent contract for requireValidParent). */
  readonly activeAtAsOf: boolean;
  /** The end the analysis assumes (termination taking effect, earliest end, or validTo). */
  readonly plannedEnd: Derived<CalendarDate>;
  /** Last day notice can be given to end at the planned end; the termination day once terminated. */
  readonly noticeDeadline: Derived<CalendarDate>;
  /** The day a replacement must be chosen: notice deadline (or validTo) minus the tender lead time. */
  readonly decideBy: Derived<CalendarDate>;
  /** validTo plus remaining extensions; known with value null for an ongoing contract. */
  readonly latestPossibleEnd: Derived<CalendarDate | null>;
  /** True when decide-by is before the as-of date; null when decide-by is unknown. */
  readonly decideByPassed: boolean | null;
  /** Tender lead time applied, in months. */
  readonly tenderLeadTimeMonths: number;
  /** Why a default lead time was assumed; null when the procurement strategy matched. */
  readonly tenderLeadTimeNote: string | null;
}

/** Tender lead-time options of the contract-dates module, as the analyses accept them. */
export type LeadTimeOptions = TenderLeadTimeOptions;

/** One row of the deadline list. */
export interface DeadlineItem {
  readonly contractId: string;
  readonly name: string;
  readonly municipalityId: string | null;
  readonly supplierId: string | null;
  /** Usages the contract covers (at most {@link MAX_LISTED_USAGES}; `usageCount` is exact). */
  readonly usageIds: string[];
  readonly usageCount: number;
  /** Catalogue systems of the covered usages, distinct, in usage order. */
  readonly systemIds: string[];
  readonly status: DeadlineStatus;
  /** For UNKNOWN: why decide-by cannot be derived; otherwise null. */
  readonly unknownReason: string | null;
  readonly dates: ContractDeadlineDates;
}

/** How many listed contracts have one status (before the `statuses` filter). */
export interface DeadlineStatusCount {
  readonly status: DeadlineStatus;
  readonly count: number;
}

/** One page of the deadline list. */
export interface DeadlinePage {
  readonly asOf: CalendarDate;
  readonly withinMonths: number;
  /** asOf + withinMonths: decide-by dates up to and including this day are DUE. */
  readonly dueUntil: CalendarDate;
  /** Contracts matching every filter, `statuses` included. */
  readonly total: number;
  readonly offset: number;
  readonly items: DeadlineItem[];
  /** Per status, the contracts matching every filter except `statuses`. */
  readonly statusCounts: DeadlineStatusCount[];
}

/** Arguments of {@link deadlines}. */
export interface DeadlinesQuery extends LeadTimeOptions {
  readonly asOf: CalendarDate;
  /** Only this municipality's contracts. */
  readonly municipalityId?: string | null;
  /** Only contracts supplied by this organisation. */
  readonly supplierId?: string | null;
  /** Only contracts covering a usage of this catalogue system. */
  readonly systemId?: string | null;
  /** @default 6 */
  readonly withinMonths?: number | null;
  /** Only these statuses; all when empty or missing. */
  readonly statuses?: readonly DeadlineStatus[] | null;
  /** Page size. @default 50 */
  readonly first?: number | null;
  /** @default 0 */
  readonly offset?: number | null;
}

/** Covered usage ids listed per deadline row; `usageCount` says how many there are in all. */
export const MAX_LISTED_USAGES = 100;

/**
 * The contracts whose decide-by dates matter at `asOf`, soonest first, with their derived dates
 * and a status (see {@link DeadlineStatus}).
 *
 * Listed: every contract that has not ended at `asOf`: active at `asOf` (Kitos validity, so a
 * terminated contract inside its notice period is listed), not yet started (its only validity
 * error is START_DATE_NOT_PASSED: its deadlines lie ahead), or terminated with its derived planned
 * end (notice rounded up to the end of the period, which Kitos validity ignores) on or after
 * `asOf`. Left out: expired contracts, terminations that have taken effect, and contracts whose
 * required parent is not valid.
 *
 * Order: decide-by ascending, unknown last; ties by planned end (unknown last), then name (Danish
 * collation), then id. Filters combine with AND.
 * @throws NotFoundError for an unknown municipality, supplier or system id.
 * @throws InvalidInputError for an id of the wrong kind, a bad date, or an argument out of range.
 */
export function deadlines(index: GraphView, query: DeadlinesQuery): DeadlinePage {
  const asOf = requireAsOf(query.asOf);
  const withinMonths = requireWholeNumber(
    query.withinMonths ?? 6,
    'withinMonths',
    0,
    MAX_WITHIN_MONTHS,
  );
  const first = requireWholeNumber(query.first ?? 50, 'first', 0, Number.MAX_SAFE_INTEGER);
  const offset = requireWholeNumber(query.offset ?? 0, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const options = requireLeadTimes(query);
  const municipality = query.municipalityId
    ? requireMunicipality(index, query.municipalityId)
    : null;
  const supplier = query.supplierId
    ? requireNodeOf(index, query.supplierId, 'Organization', 'Supplier')
    : null;
  const system = query.systemId ? requireNodeOf(index, query.systemId, 'System', 'System') : null;
  const wanted = new Set<DeadlineStatus>(
    query.statuses && query.statuses.length > 0 ? query.statuses : DEADLINE_STATUSES,
  );
  for (const status of wanted) {
    if (!DEADLINE_STATUSES.includes(status)) {
      throw new InvalidInputError(`Unknown deadline status "${String(status)}"`);
    }
  }
  const table = datesTable(index, asOf, options);
  const dueUntil = addMonths(asOf, withinMonths);

  let ordered: readonly number[];
  if (system === null && supplier === null && municipality === null) {
    ordered = table.deadlineOrder().filter((contract) => sees(index, contract));
  } else {
    const candidates =
      system !== null
        ? contractsCoveringSystem(index, system)
        : supplier !== null
          ? neighboursWithLabel(index, supplier, 'SUPPLIED_BY', 'IN', 'Contract')
          : neighboursWithLabel(index, municipality!, 'BELONGS_TO', 'IN', 'Contract');
    const municipalityId = municipality === null ? null : index.idAt(municipality);
    const matching = candidates.filter(
      (contract) =>
        (municipalityId === null || municipalityIdOf(index, contract) === municipalityId) &&
        (supplier === null || supplierOfContract(index, contract) === supplier) &&
        table.entry(contract).listed,
    );
    ordered = table.inDeadlineOrder(matching);
  }

  const counts = new Map<DeadlineStatus, number>(DEADLINE_STATUSES.map((s) => [s, 0]));
  const items: DeadlineItem[] = [];
  let total = 0;
  for (const contract of ordered) {
    const entry = table.entry(contract);
    if (!entry.listed) continue;
    const status = statusOf(entry.dates, asOf, dueUntil);
    counts.set(status, counts.get(status)! + 1);
    if (!wanted.has(status)) continue;
    if (total >= offset && items.length < first) {
      items.push(deadlineItem(index, contract, entry.dates, status));
    }
    total++;
  }
  return {
    asOf,
    withinMonths,
    dueUntil,
    total,
    offset,
    items,
    statusCounts: DEADLINE_STATUSES.map((status) => ({ status, count: counts.get(status)! })),
  };
}

/** Derived dates of contracts at one as-of date and lead-time options (see {@link contractDatesAt}). */
export interface ContractDatesAt {
  /** The contract's derived dates. */
  readonly dates: (contract: number) => ContractDeadlineDates;
  /**
   * Sorts contracts in place into deadline order and returns them: decide-by ascending (unknown
   * last), then planned end (unknown last), name, id.
   */
  readonly inDeadlineOrder: (contracts: number[]) => number[];
}

/**
 * Contracts' derived dates at `asOf` (see {@link ContractDeadlineDates}): arguments are checked
 * once here, and each contract's dates are computed once per index, date and lead-time options and
 * then served from a cache.
 * @throws InvalidInputError for a bad `asOf` or lead-time options.
 */
export function contractDatesAt(
  index: GraphView,
  asOf: CalendarDate,
  options: LeadTimeOptions = {},
): ContractDatesAt {
  const table = datesTable(index, requireAsOf(asOf), requireLeadTimes(options));
  return {
    dates: (contract) => table.entry(contract).dates,
    inDeadlineOrder: table.inDeadlineOrder,
  };
}

/**
 * Contracts whose planned end (END) or decide-by date (DECIDE_BY) at `asOf` falls in
 * `from..to` (both inclusive), ordered by that date then node number. Contracts whose date is
 * unknown are not selected. `candidates` limits the search (e.g. one municipality's contracts);
 * without it every contract is searched through a per-index sorted list.
 */
export function contractsWithDateIn(
  index: GraphView,
  window: { readonly from: CalendarDate; readonly to: CalendarDate; readonly by: ContractDateKind },
  asOf: CalendarDate,
  options: LeadTimeOptions = {},
  candidates?: readonly number[],
): number[] {
  const table = datesTable(index, requireAsOf(asOf), requireLeadTimes(options));
  const { from, to, by } = window;
  if (candidates !== undefined) {
    const selected: [number, CalendarDate][] = [];
    for (const contract of candidates) {
      const date = table.dateOf(contract, by);
      if (date !== null && compareDates(date, from) >= 0 && compareDates(date, to) <= 0) {
        selected.push([contract, date]);
      }
    }
    selected.sort((a, b) => compareDates(a[1], b[1]) || a[0] - b[0]);
    return selected.map(([contract]) => contract);
  }
  const sorted = table.sortedBy(by);
  const start = lowerBound(sorted.dates, from, false);
  const end = lowerBound(sorted.dates, to, true);
  return Array.from(sorted.contracts.subarray(start, end)).filter((c) => sees(index, c));
}

/**
 * The status of a decide-by date at `asOf`: before it OVERDUE, up to `dueUntil` DUE, after that
 * LATER, unknown UNKNOWN.
 */
export function statusOf(
  dates: ContractDeadlineDates,
  asOf: CalendarDate,
  dueUntil: CalendarDate,
): DeadlineStatus {
  if (!dates.decideBy.known) return 'UNKNOWN';
  if (compareDates(dates.decideBy.value, asOf) < 0) return 'OVERDUE';
  return compareDates(dates.decideBy.value, dueUntil) <= 0 ? 'DUE' : 'LATER';
}

/**
 * Checks an as-of date and returns it.
 * @throws InvalidInputError naming the value when it is not a real `YYYY-MM-DD` date.
 */
export function requireAsOf(asOf: unknown, name = 'asOf'): CalendarDate {
  if (!isCalendarDate(asOf)) {
    throw new InvalidInputError(
      `${name} must be a calendar date YYYY-MM-DD; got ${JSON.stringify(asOf)}`,
    );
  }
  return asOf;
}

/**
 * Checks tender lead-time options (whole months, 0 or more) and returns just those options.
 * @throws InvalidInputError naming the bad value.
 */
export function requireLeadTimes(options: LeadTimeOptions): LeadTimeOptions {
  const checked: { leadTimesMonths?: Record<string, number>; defaultLeadTimeMonths?: number } = {};
  if (options.leadTimesMonths) checked.leadTimesMonths = { ...options.leadTimesMonths };
  if (options.defaultLeadTimeMonths !== undefined && options.defaultLeadTimeMonths !== null) {
    checked.defaultLeadTimeMonths = options.defaultLeadTimeMonths;
  }
  try {
    resolveTenderLeadTime(null, checked);
  } catch (error) {
    if (error instanceof RangeError) throw new InvalidInputError(error.message, { cause: error });
    throw error;
  }
  return checked;
}

/**
 * The node of an id that must have a given label.
 * @throws NotFoundError `${what} "id" not found` when the id is unknown.
 * @throws InvalidInputError when the id names another kind of entity.
 */
export function requireNodeOf(index: GraphView, id: string, label: Label, what: string): number {
  const node = index.indexOf(id);
  if (node === undefined) throw new NotFoundError(`${what} "${id}" not found`);
  const actual = index.labelAt(node);
  if (actual !== label) throw new InvalidInputError(`"${id}" is a ${actual}, not a ${label}`);
  return node;
}

/**
 * The node of a municipality id.
 * @throws NotFoundError when unknown; InvalidInputError when not an Organization of kind MUNICIPALITY.
 */
export function requireMunicipality(index: GraphView, id: string): number {
  const node = requireNodeOf(index, id, 'Organization', 'Municipality');
  const kind = index.recordAt(node).kind;
  if (kind !== 'MUNICIPALITY') {
    throw new InvalidInputError(`Organization "${id}" is a ${String(kind)}, not a MUNICIPALITY`);
  }
  return node;
}

/**
 * Checks a whole-number argument against its range and returns it.
 * @throws InvalidInputError `${name} must be min–max; got value`.
 */
export function requireWholeNumber(value: number, name: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min}–${max}`;
    throw new InvalidInputError(`${name} must be ${range}; got ${value}`);
  }
  return value;
}

/** Contracts covering a usage of a catalogue system, each once. */
export function contractsCoveringSystem(index: GraphView, system: number): number[] {
  const contracts = new Set<number>();
  for (const usage of neighboursWithLabel(index, system, 'INSTANCE_OF', 'IN', 'Usage')) {
    for (const contract of neighboursWithLabel(index, usage, 'COVERS', 'IN', 'Contract')) {
      contracts.add(contract);
    }
  }
  return [...contracts];
}

/**
 * Strict `YYYY-MM-DD` strings (calendar-date.ts accepts and produces no other form) order as text
 * exactly as in time. Sorting 20k contracts with compareCalendarDates, which parses both sides,
 * took ~65 ms; this takes a few.
 */
function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First position whose date is ≥ `date` (or > `date` when `after`). */
function lowerBound(dates: readonly CalendarDate[], date: CalendarDate, after: boolean): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const c = compareDates(dates[mid]!, date);
    if (c < 0 || (after && c === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function deadlineItem(
  index: GraphView,
  contract: number,
  dates: ContractDeadlineDates,
  status: DeadlineStatus,
): DeadlineItem {
  const record = index.recordAt(contract);
  const usages = usagesCoveredByContract(index, contract);
  const systemIds = new Set<string>();
  for (const usage of usages) {
    const system = systemOfUsage(index, usage);
    if (system !== undefined) systemIds.add(index.idAt(system));
  }
  const supplier = supplierOfContract(index, contract);
  return {
    contractId: record.id,
    name: typeof record.name === 'string' ? record.name : record.id,
    municipalityId: municipalityIdOf(index, contract),
    supplierId: supplier === undefined ? null : index.idAt(supplier),
    usageIds: usages.slice(0, MAX_LISTED_USAGES).map((u) => index.idAt(u)),
    usageCount: usages.length,
    systemIds: [...systemIds],
    status,
    unknownReason: dates.decideBy.known ? null : dates.decideBy.reason,
    dates,
  };
}

/** Derived dates per contract for one as-of date and lead-time options, with sorted views. */
interface DatesEntry {
  readonly dates: ContractDeadlineDates;
  /** Whether {@link deadlines} lists the contract (see its rule). */
  readonly listed: boolean;
}

interface SortedDates {
  readonly contracts: Uint32Array;
  readonly dates: CalendarDate[];
}

const collator = new Intl.Collator('da');

/**
 * Derived dates are computed lazily per contract (about 11 µs each, most of it in the
 * contract-dates module) and kept, so a national deadline list or date window pays for the
 * 20k contracts once per index, as-of date and options, not per request.
 */
class DatesTable {
  readonly #index: GraphIndex;
  readonly #asOf: CalendarDate;
  readonly #options: ContractDatesOptions;
  readonly #entries = new Map<number, DatesEntry>();
  readonly #ends = new Map<number, CalendarDate | null>();
  #deadlineOrder: number[] | null = null;
  readonly #sorted = new Map<ContractDateKind, SortedDates>();

  constructor(index: GraphIndex, asOf: CalendarDate, options: LeadTimeOptions) {
    this.#index = index;
    this.#asOf = asOf;
    this.#options = { ...options, getParent: parentLookup(index) };
  }

  entry(contract: number): DatesEntry {
    let entry = this.#entries.get(contract);
    if (!entry) {
      const terms = contractTerms(this.#index, contract);
      const derived = deriveContractDates(terms, this.#asOf, this.#options);
      const dates: ContractDeadlineDates = {
        activeAtAsOf: derived.validity.active,
        plannedEnd: derived.plannedEnd,
        noticeDeadline: derived.noticeDeadline,
        decideBy: derived.decideBy,
        latestPossibleEnd: derived.latestPossibleEnd,
        decideByPassed: derived.decideByPassed,
        tenderLeadTimeMonths: derived.tenderLeadTime.months,
        tenderLeadTimeNote: derived.tenderLeadTime.note ?? null,
      };
      const errors = derived.validity.errors;
      const notStarted = errors.length === 1 && errors[0] === 'START_DATE_NOT_PASSED';
      const noticeRunning =
        typeof terms.terminatedAt === 'string' &&
        !errors.includes('END_DATE_PASSED') &&
        !errors.includes('INVALID_PARENT_CONTRACT') &&
        derived.plannedEnd.known &&
        compareDates(derived.plannedEnd.value, this.#asOf) >= 0;
      entry = { dates, listed: dates.activeAtAsOf || notStarted || noticeRunning };
      this.#entries.set(contract, entry);
    }
    return entry;
  }

  /** The contract's date of one kind, or null when unknown. */
  dateOf(contract: number, by: ContractDateKind): CalendarDate | null {
    if (by === 'DECIDE_BY') {
      const decideBy = this.entry(contract).dates.decideBy;
      return decideBy.known ? decideBy.value : null;
    }
    // The planned end is earliestEnd(); asking for it alone is ~10× cheaper than every date.
    let end = this.#ends.get(contract);
    if (end === undefined) {
      const entry = this.#entries.get(contract);
      const derived = entry
        ? entry.dates.plannedEnd
        : earliestEnd(contractTerms(this.#index, contract), this.#asOf);
      end = derived.known ? derived.value : null;
      this.#ends.set(contract, end);
    }
    return end;
  }

  /** Every contract with a known date of the kind, sorted by it (then by node number). */
  sortedBy(by: ContractDateKind): SortedDates {
    let sorted = this.#sorted.get(by);
    if (!sorted) {
      const pairs: [number, CalendarDate][] = [];
      for (const contract of allContracts(this.#index)) {
        const date = this.dateOf(contract, by);
        if (date !== null) pairs.push([contract, date]);
      }
      pairs.sort((a, b) => compareDates(a[1], b[1]) || a[0] - b[0]);
      sorted = {
        contracts: Uint32Array.from(pairs, ([contract]) => contract),
        dates: pairs.map(([, date]) => date),
      };
      this.#sorted.set(by, sorted);
    }
    return sorted;
  }

  /** Every listed contract in deadline order. */
  deadlineOrder(): number[] {
    this.#deadlineOrder ??= this.inDeadlineOrder(
      allContracts(this.#index).filter((contract) => this.entry(contract).listed),
    );
    return this.#deadlineOrder;
  }

  /**
   * Sorts contracts in place into deadline order and returns them: decide-by ascending (unknown
   * last), then planned end (unknown last), name, id. Each contract's dates are looked up once,
   * not twice per comparison: a supplier's 29 contracts sorted in 0.83 times the time.
   */
  readonly inDeadlineOrder = (contracts: number[]): number[] => {
    const keyed = contracts.map((contract) => ({ contract, dates: this.entry(contract).dates }));
    keyed.sort((a, b) => compareDeadlines(this.#index, a.contract, a.dates, b.contract, b.dates));
    for (let i = 0; i < keyed.length; i++) contracts[i] = keyed[i]!.contract;
    return contracts;
  };
}

function compareDeadlines(
  index: GraphView,
  a: number,
  da: ContractDeadlineDates,
  b: number,
  db: ContractDeadlineDates,
): number {
  return (
    compareKnown(da.decideBy, db.decideBy) ||
    compareKnown(da.plannedEnd, db.plannedEnd) ||
    collator.compare(nameOf(index, a), nameOf(index, b)) ||
    index.idRank(a) - index.idRank(b)
  );
}

function compareKnown(a: Derived<CalendarDate>, b: Derived<CalendarDate>): number {
  if (a.known && b.known) return compareDates(a.value, b.value);
  if (a.known) return -1;
  return b.known ? 1 : 0;
}

function nameOf(index: GraphView, node: number): string {
  const name = index.recordAt(node).name;
  return typeof name === 'string' ? name : '';
}

/** Tables kept per index; the oldest is dropped beyond this (each holds up to ~10 MB nationally). */
const MAX_CACHED_TABLES = 4;

const datesTables = new WeakMap<GraphIndex, Map<string, DatesTable>>();
const contractLists = new WeakMap<GraphIndex, number[]>();

/**
 * The dates table of the whole index: derived dates do not depend on the viewer (a viewer who sees
 * a contract sees the terms they derive from), so viewers share it and filter what it lists.
 */
function datesTable(view: GraphView, asOf: CalendarDate, options: LeadTimeOptions): DatesTable {
  const index = baseOf(view);
  let tables = datesTables.get(index);
  if (!tables) {
    tables = new Map();
    datesTables.set(index, tables);
  }
  const leadTimes = Object.entries(options.leadTimesMonths ?? {}).sort(([a], [b]) =>
    compareDates(a, b),
  );
  const key = JSON.stringify([asOf, options.defaultLeadTimeMonths ?? null, leadTimes]);
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= MAX_CACHED_TABLES) tables.delete(tables.keys().next().value!);
    table = new DatesTable(index, asOf, options);
    tables.set(key, table);
  }
  return table;
}

function allContracts(index: GraphIndex): number[] {
  let contracts = contractLists.get(index);
  if (!contracts) {
    contracts = [...index.nodesOf('Contract')];
    contractLists.set(index, contracts);
  }
  return contracts;
}
