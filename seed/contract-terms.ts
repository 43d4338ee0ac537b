import type { ContractNode, NoticeByEndOf } from '../server/model/model-types.ts';
import {
  addDays,
  addMonths,
  endOfMonth,
  parseCalendarDate,
  startOfMonth,
  withDayOfMonth,
  type CalendarDate,
} from '../server/domain/calendar-date.ts';
import type { ExtensionOption, ProcurementStrategy } from '../server/model/kitos-options.ts';
import type { Random, Weighted } from './random.ts';

/** The agreement-period, termination and procurement fields of a contract. */
export type ContractTerms = Pick<
  ContractNode,
  | 'validFrom'
  | 'validTo'
  | 'durationYears'
  | 'durationMonths'
  | 'ongoing'
  | 'extensionOption'
  | 'extensionsUsed'
  | 'irrevocableUntil'
  | 'noticeMonths'
  | 'noticeByEndOf'
  | 'terminatedAt'
  | 'enforcedValid'
  | 'procurementPlanYear'
  | 'procurementPlanQuarter'
  | 'procurementStrategy'
  | 'purchaseForm'
  | 'procurementInitiated'
  | 'criticality'
>;

/**
 * What kind of contract the terms are for: a `primary` contract for systems, a `sub` contract
 * (tillæg, serviceaftale, databehandleraftale) or a `stale` one kept after its systems went.
 */
export type ContractRole = 'primary' | 'sub' | 'stale';

type Shape = 'fixed' | 'ongoing' | 'expired' | 'sparse';

const SHAPES: Readonly<Record<ContractRole, readonly Weighted<Shape>[]>> = {
  primary: [
    ['fixed', 58],
    ['ongoing', 35],
    ['expired', 1],
    ['sparse', 6],
  ],
  sub: [
    ['fixed', 35],
    ['ongoing', 52],
    ['expired', 3],
    ['sparse', 10],
  ],
  stale: [
    ['fixed', 10],
    ['ongoing', 10],
    ['expired', 70],
    ['sparse', 10],
  ],
};

const EXTENSIONS: readonly Weighted<ExtensionOption>[] = [
  ['2 x 1 år', 40],
  ['1 x 1 år', 28],
  ['1 x ½ år', 12],
  ['3 x 1 år', 20],
];
const EXTENSION_COUNT: Readonly<Record<ExtensionOption, number>> = {
  '2 x 1 år': 2,
  '1 x 1 år': 1,
  '1 x ½ år': 1,
  '3 x 1 år': 3,
};
const NOTICE_MONTHS: readonly Weighted<number>[] = [
  [1, 6],
  [2, 4],
  [3, 35],
  [4, 3],
  [6, 32],
  [9, 5],
  [12, 15],
];
const NOTICE_BY_END_OF: readonly Weighted<NoticeByEndOf | null>[] = [
  ['MONTH', 35],
  ['QUARTER', 25],
  ['YEAR', 10],
  [null, 30],
];
const STRATEGIES: readonly Weighted<ProcurementStrategy>[] = [
  ['EU udbud', 20],
  ['Udbud', 10],
  ['SKI - mini-udbud', 22],
  ['SKI - direkte tildeling', 18],
  ['Direkte tildeling', 15],
  ['Annoncering', 5],
  ['Mini-udbud', 6],
  ['Underhåndsbud', 4],
];
/** Months a procurement takes with each strategy: the plan lies that far before the end. */
const LEAD_MONTHS: Readonly<Record<ProcurementStrategy, number>> = {
  'EU udbud': 12,
  Udbud: 9,
  'SKI - mini-udbud': 4,
  'Mini-udbud': 4,
  'SKI - direkte tildeling': 2,
  'Direkte tildeling': 1,
  Annoncering: 3,
  Underhåndsbud: 2,
};
const PURCHASE_FORMS: readonly Weighted<string>[] = [
  ['SKI', 25],
  ['SKI 02.18', 8],
  ['SKI 02.19', 10],
  ['Udbud', 15],
  ['EU udbud', 17],
  ['Direkte tildeling', 18],
  ['Annoncering', 7],
];
const FIXED_LENGTHS: readonly Weighted<number>[] = [
  [24, 15],
  [36, 25],
  [48, 35],
  [60, 15],
  [72, 10],
];

/**
 * Draws a contract's terms the way real registrations spread around the reference date: fixed
 * terms ending from a few months ago to six years ahead (clustered around the system's
 * `cycleMonths` when given), ongoing contracts with notice periods, expired and terminated ones,
 * and some with fields left empty.
 *
 * Everything is drawn as month offsets from the reference month and only turned into dates at the
 * end, so the draws, and therefore every id generated after them, do not depend on the date.
 */
export function drawContractTerms(
  random: Random,
  reference: CalendarDate,
  request: { role: ContractRole; cycleMonths: number | null },
): ContractTerms {
  const shape = random.weighted(SHAPES[request.role]);
  const startDay = random.chance(0.6) ? 1 : random.int(2, 28);
  let validFrom: CalendarDate | null = null;
  let validTo: CalendarDate | null = null;
  let startOffset: number;
  let endOffset: number | null = null;
  let lengthMonths: number | null = null;
  let extensionOption: ExtensionOption | null = null;
  let extensionsUsed: number | null = null;
  let irrevocableUntil: CalendarDate | null = null;

  if (shape === 'fixed' || shape === 'expired') {
    const clustered = request.cycleMonths !== null && random.chance(0.65);
    endOffset =
      shape === 'expired'
        ? random.int(-40, -1)
        : clustered
          ? (request.cycleMonths as number) + random.int(-3, 3)
          : random.chance(0.97)
            ? random.int(1, 76)
            : random.int(-4, 0);
    lengthMonths = random.weighted(FIXED_LENGTHS) + (random.chance(0.15) ? random.int(1, 11) : 0);
    const stretch = random.int(3, 30);
    // A contract in the demo has always started: stretch the term if it would start in the future.
    if (endOffset - lengthMonths > -1) lengthMonths = endOffset + stretch;
    startOffset = endOffset - lengthMonths;
    validFrom = withDayOfMonth(startOfMonth(reference, startOffset), startDay);
    validTo = addDays(addMonths(validFrom, lengthMonths), -1);
    if (random.chance(0.6)) {
      extensionOption = random.weighted(EXTENSIONS);
      const available = EXTENSION_COUNT[extensionOption];
      extensionsUsed = random.chance(0.6) ? 0 : random.int(0, available);
    }
    // Irrevocable for the first years; a few registrations put it after the end (kept as found).
    if (random.chance(0.25))
      irrevocableUntil = addDays(addMonths(validFrom, random.int(12, 48)), -1);
  } else if (shape === 'ongoing') {
    startOffset = -random.int(2, 180);
    validFrom = withDayOfMonth(startOfMonth(reference, startOffset), startDay);
    if (random.chance(0.3))
      irrevocableUntil = endOfMonth(startOfMonth(reference, random.int(-24, 30)));
  } else {
    startOffset = -random.int(2, 120);
    if (random.chance(0.5))
      validFrom = withDayOfMonth(startOfMonth(reference, startOffset), startDay);
  }

  const noticeMonths =
    shape === 'sparse'
      ? random.chance(0.3)
        ? random.weighted(NOTICE_MONTHS)
        : null
      : random.chance(0.93)
        ? random.weighted(NOTICE_MONTHS)
        : null;
  const noticeByEndOf = shape === 'sparse' ? null : random.weighted(NOTICE_BY_END_OF);

  let terminatedAt: CalendarDate | null = null;
  if (shape !== 'sparse' && random.chance(0.035)) {
    // Recently: some are still inside their notice period at the reference date, some are past it.
    const latest = Math.min(-1, endOffset ?? -1);
    const monthsAgo = random.int(-latest, Math.max(-latest, Math.min(14, -startOffset)));
    terminatedAt = withDayOfMonth(startOfMonth(reference, -monthsAgo), random.int(1, 28));
  }
  const enforcedValid = random.chance(0.015) ? true : random.chance(0.5) ? false : null;

  const procurementStrategy = random.chance(0.7) ? random.weighted(STRATEGIES) : null;
  const purchaseForm = random.chance(0.6) ? random.weighted(PURCHASE_FORMS) : null;
  let planOffset: number | null = null;
  if (random.chance(0.55)) {
    const lead = procurementStrategy ? LEAD_MONTHS[procurementStrategy] : 6;
    const slack = random.int(0, 6);
    const soon = random.int(-3, 36);
    planOffset = endOffset !== null && shape === 'fixed' ? endOffset - lead - slack : soon;
  }
  // Only the year and quarter are kept; a month start always parses, so null means "no plan".
  const planned =
    planOffset !== null ? parseCalendarDate(startOfMonth(reference, planOffset)) : null;
  const initiatedDraw = random.next();
  const procurementInitiated =
    planOffset !== null && planOffset <= 9
      ? initiatedDraw < 0.45
      : initiatedDraw < 0.7
        ? false
        : null;
  const criticality = random.chance(0.5)
    ? random.weighted<string>([
        ['Kritikalitet 1', 40],
        ['Kritikalitet 2', 60],
      ])
    : null;

  const fixedTerm = shape === 'fixed' || shape === 'expired';
  const showDuration = fixedTerm && random.chance(0.8);
  return {
    validFrom,
    validTo,
    durationYears: showDuration && lengthMonths !== null ? Math.floor(lengthMonths / 12) : null,
    durationMonths: showDuration && lengthMonths !== null ? lengthMonths % 12 : null,
    ongoing: shape === 'ongoing' ? true : fixedTerm ? false : null,
    extensionOption,
    extensionsUsed,
    irrevocableUntil,
    noticeMonths,
    noticeByEndOf,
    terminatedAt,
    enforcedValid,
    procurementPlanYear: planned ? planned.year : null,
    procurementPlanQuarter: planned ? Math.floor((planned.month - 1) / 3) + 1 : null,
    procurementStrategy,
    purchaseForm,
    procurementInitiated,
    criticality,
  };
}
