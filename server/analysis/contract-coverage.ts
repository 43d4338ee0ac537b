import type { CalendarDate } from '../domain/calendar-date.ts';
import { contractValidityAt, type ParentLookup } from '../domain/contract-dates.ts';
import type { GraphIndex } from './graph-index.ts';
import { baseOf, type GraphView } from './graph-view.ts';
import { contractsCoveringUsage, contractTerms, parentLookup } from './graph-queries.ts';

/**
 * Which contracts cover a usage and are active at a date (Kitos validity, DOMAIN.md "Contract
 * dates"). Validity is computed at most once per contract and date and kept per index, so
 * repeated coverage checks in one analysis (and across requests on the same index) are lookups.
 */

/** As-of dates whose validity is kept per index; the oldest is dropped beyond this. */
const MAX_CACHED_DATES = 8;
const UNKNOWN = 0;
const ACTIVE = 1;
const INACTIVE = 2;

interface ValidityCache {
  readonly getParent: ParentLookup;
  readonly byDate: Map<CalendarDate, Uint8Array>;
}

const validityCaches = new WeakMap<GraphIndex, ValidityCache>();

/** Validity does not depend on the viewer, so the cache is the whole index's, shared by views. */
function statesAt(index: GraphIndex, asOf: CalendarDate): [Uint8Array, ParentLookup] {
  let cache = validityCaches.get(index);
  if (!cache) {
    cache = { getParent: parentLookup(index), byDate: new Map() };
    validityCaches.set(index, cache);
  }
  let states = cache.byDate.get(asOf);
  if (!states) {
    if (cache.byDate.size >= MAX_CACHED_DATES) {
      cache.byDate.delete(cache.byDate.keys().next().value!);
    }
    // One byte per node (not per contract) keeps the lookup a plain array access by node number.
    states = new Uint8Array(index.nodeCount);
    cache.byDate.set(asOf, states);
  }
  return [states, cache.getParent];
}

/**
 * Whether a contract is active at `asOf` as Kitos decides it (`contractValidityAt` with the
 * contract's parent for requireValidParent). Cached per index and date.
 * @throws RangeError when `asOf` is not a valid calendar date (validate input before calling).
 */
export function isContractActiveAt(
  index: GraphView,
  contract: number,
  asOf: CalendarDate,
): boolean {
  const base = baseOf(index);
  const [states, getParent] = statesAt(base, asOf);
  let state = states[contract] ?? UNKNOWN;
  if (state === UNKNOWN) {
    const validity = contractValidityAt(contractTerms(base, contract), asOf, getParent);
    state = validity.active ? ACTIVE : INACTIVE;
    states[contract] = state;
  }
  return state === ACTIVE;
}

/**
 * Contracts covering a usage that are active at `asOf`, leaving out those in `excluded` (in a
 * blast radius: the contracts that end). In adjacency order.
 */
export function activeContractsCoveringUsage(
  index: GraphView,
  usage: number,
  asOf: CalendarDate,
  excluded: ReadonlySet<number> = new Set(),
): number[] {
  return contractsCoveringUsage(index, usage).filter(
    (contract) => !excluded.has(contract) && isContractActiveAt(index, contract, asOf),
  );
}
