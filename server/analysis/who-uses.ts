import type { CalendarDate } from '../domain/calendar-date.ts';
import { compareCalendarDates, isCalendarDate } from '../domain/calendar-date.ts';
import {
  deriveContractDates,
  type ContractDates,
  type Derived,
  type TenderLeadTimeOptions,
} from '../domain/contract-dates.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { LIFECYCLE_VALUES, type Lifecycle } from '../model/model-types.ts';
import { sortById, type GraphView } from './graph-view.ts';
import {
  contractTerms,
  contractsCoveringUsage,
  mainContractOfUsage,
  municipalityIdOf,
  neighboursWithLabel,
  parentLookup,
  supplierOfContract,
} from './graph-queries.ts';

/** Options of {@link whoUses}: tender lead times for the decide-by dates. */
export type WhoUsesOptions = TenderLeadTimeOptions;

/** Whether a row's contract is the usage's main contract or one of its covering contracts. */
export type WhoUsesContractRole = 'MAIN' | 'COVERING';

/** The contract a row reports and its derived dates at the as-of date. */
export interface WhoUsesContract {
  readonly contractId: string;
  readonly role: WhoUsesContractRole;
  readonly plannedEnd: Derived<CalendarDate>;
  readonly decideBy: Derived<CalendarDate>;
  /** True when decide-by is before the as-of date; null when decide-by is unknown. */
  readonly decideByPassed: boolean | null;
}

/** One municipality's usage of the system. */
export interface WhoUsesRow {
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly usageId: string;
  readonly lifecycle: Lifecycle | null;
  /** Supplier organisation ids, by supplier name. */
  readonly supplierIds: readonly string[];
  /** Null when no contract covers the usage. */
  readonly contract: WhoUsesContract | null;
}

/** Usages counted by lifecycle (null: no lifecycle registered). */
export interface LifecycleCount {
  readonly lifecycle: Lifecycle | null;
  readonly count: number;
}

/** Who uses one catalogue system. */
export interface WhoUsesResult {
  readonly systemId: string;
  readonly asOf: CalendarDate;
  /** Sorted by municipality name (Danish collation, so "Aa" sorts as "Å"), then usage id. */
  readonly rows: readonly WhoUsesRow[];
  readonly municipalityCount: number;
  /** Every lifecycle in model order (zeros included), then "no lifecycle" if any. */
  readonly byLifecycle: readonly LifecycleCount[];
}

const DANISH = new Intl.Collator('da');

/**
 * Every municipality that has a usage of the catalogue system `systemId`: per usage its
 * lifecycle, its suppliers (of its main contract; when it has none or that contract has no
 * supplier, of every contract covering it) and one contract with its planned end and decide-by
 * date at `asOf` (deriveContractDates with the Kitos parent rule): the main contract, else the
 * covering contract with the latest known planned end (ties and unknown ends: lowest id).
 * @throws NotFoundError for an unknown id; InvalidInputError for an id that is not a System or
 * an `asOf` that is not a date.
 */
export function whoUses(
  index: GraphView,
  systemId: string,
  asOf: CalendarDate,
  options: WhoUsesOptions = {},
): WhoUsesResult {
  const system = index.indexOf(systemId);
  if (system === undefined) throw new NotFoundError(`System "${systemId}" not found`);
  const label = index.labelAt(system);
  if (label !== 'System') {
    throw new InvalidInputError(`"${systemId}" is a ${label}, not a System`);
  }
  if (!isCalendarDate(asOf)) {
    throw new InvalidInputError(`asOf must be a date YYYY-MM-DD; got ${JSON.stringify(asOf)}`);
  }
  const dateOptions = { ...options, getParent: parentLookup(index) };
  const datesOf = (contract: number) =>
    deriveContractDates(contractTerms(index, contract), asOf, dateOptions);
  const nameOf = (node: number | undefined, fallback: string) => {
    const name = node === undefined ? undefined : index.recordAt(node).name;
    return typeof name === 'string' ? name : fallback;
  };

  const rows = neighboursWithLabel(index, system, 'INSTANCE_OF', 'IN', 'Usage').map(
    (usage): WhoUsesRow => {
      // The model requires municipalityId on a usage; BELONGS_TO is the fallback for bad data.
      const owner = index.firstNeighbour(usage, 'BELONGS_TO', 'OUT', 'Organization');
      const municipalityId =
        municipalityIdOf(index, usage) ?? (owner === undefined ? '' : index.idAt(owner));
      const main = mainContractOfUsage(index, usage);
      const covering = contractsCoveringUsage(index, usage);
      const mainSupplier = main === undefined ? undefined : supplierOfContract(index, main);
      const suppliers = new Set<number>();
      if (mainSupplier !== undefined) suppliers.add(mainSupplier);
      else {
        for (const contract of covering) {
          const supplier = supplierOfContract(index, contract);
          if (supplier !== undefined) suppliers.add(supplier);
        }
      }
      const lifecycle = index.recordAt(usage).lifecycle;
      return {
        municipalityId,
        municipalityName: nameOf(index.indexOf(municipalityId), municipalityId),
        usageId: index.idAt(usage),
        lifecycle: typeof lifecycle === 'string' ? (lifecycle as Lifecycle) : null,
        supplierIds: [...suppliers]
          .sort((a, b) => DANISH.compare(nameOf(a, ''), nameOf(b, '')) || a - b)
          .map((s) => index.idAt(s)),
        contract:
          main !== undefined
            ? rowContract(datesOf(main), 'MAIN')
            : endingLast(index, covering, datesOf),
      };
    },
  );
  rows.sort(
    (a, b) =>
      DANISH.compare(a.municipalityName, b.municipalityName) ||
      (a.usageId < b.usageId ? -1 : a.usageId > b.usageId ? 1 : 0),
  );

  const counts = new Map<Lifecycle | null, number>();
  for (const row of rows) counts.set(row.lifecycle, (counts.get(row.lifecycle) ?? 0) + 1);
  const byLifecycle: LifecycleCount[] = LIFECYCLE_VALUES.map((lifecycle) => ({
    lifecycle,
    count: counts.get(lifecycle) ?? 0,
  }));
  if (counts.has(null)) byLifecycle.push({ lifecycle: null, count: counts.get(null)! });
  return {
    systemId,
    asOf,
    rows,
    municipalityCount: new Set(rows.map((r) => r.municipalityId)).size,
    byLifecycle,
  };
}

function rowContract(dates: ContractDates, role: WhoUsesContractRole): WhoUsesContract {
  return {
    contractId: dates.contractId,
    role,
    plannedEnd: dates.plannedEnd,
    decideBy: dates.decideBy,
    decideByPassed: dates.decideByPassed,
  };
}

function endingLast(
  index: GraphView,
  contracts: readonly number[],
  datesOf: (contract: number) => ContractDates,
): WhoUsesContract | null {
  let best: ContractDates | null = null;
  for (const contract of sortById(index, [...contracts])) {
    const dates = datesOf(contract);
    if (best === null) best = dates;
    else if (
      dates.plannedEnd.known &&
      (!best.plannedEnd.known ||
        compareCalendarDates(dates.plannedEnd.value, best.plannedEnd.value) > 0)
    ) {
      best = dates;
    }
  }
  return best === null ? null : rowContract(best, 'COVERING');
}
