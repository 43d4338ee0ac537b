import type { CalendarDate, CalendarPeriod } from './calendar-date.ts';
import {
  addDays,
  addMonths,
  CALENDAR_PERIODS,
  compareCalendarDates,
  endOfPeriod,
  isCalendarDate,
  lastPeriodEndOnOrBefore,
  maxCalendarDate,
} from './calendar-date.ts';

/**
 * The date-related terms of one contract, as the graph model stores them (Kitos names in brackets).
 * Every field except `id` may be missing; dates are `'YYYY-MM-DD'` strings. Nothing here is trusted:
 * the functions of this module report a missing or malformed field instead of throwing.
 */
export interface ContractTerms {
  /** Graph id (the Kitos UUID); names the contract in reasons when `name` is missing. */
  id: string;
  /** Contract name; names the contract in reasons and notes. */
  name?: string | null;
  /** Kitos `Concluded` ("Gyldig fra"). */
  validFrom?: string | null;
  /** Kitos `ExpirationDate` ("Gyldig til"): the end of the current term, used extensions included. */
  validTo?: string | null;
  /** Kitos `DurationOngoing` / API `isContinuous` ("løbende"): runs until terminated by notice. */
  ongoing?: boolean | null;
  /** Kitos `DurationYears` ("Varighed"); informational, never used to invent a `validTo`. */
  durationYears?: number | null;
  /** Kitos `DurationMonths` (0–11); informational, like `durationYears`. */
  durationMonths?: number | null;
  /** Kitos `OptionExtend` option name, e.g. "2 x 1 år", "1 x ½ år". */
  extensionOption?: string | null;
  /** Kitos `ExtendMultiplier`: how many of the offered extensions have been used. */
  extensionsUsed?: number | null;
  /** Kitos `IrrevocableTo` ("uopsigelig til"): a notice cannot end the contract before this date. */
  irrevocableUntil?: string | null;
  /** Kitos `TerminationDeadline` option, parsed: notice period in whole months (1–12 in Kitos). */
  noticeMonths?: number | null;
  /** Kitos `ByEnding` ("indtil udgangen af"): notice runs to the end of this period. */
  noticeByEndOf?: CalendarPeriod | null;
  /** Kitos `Terminated` ("opsagt"): the day notice was given. */
  terminatedAt?: string | null;
  /** Kitos `Active`: the manual "force valid" flag. */
  enforcedValid?: boolean | null;
  /** Kitos `RequireValidParent`: the contract is only valid while its parent contract is. */
  requireValidParent?: boolean | null;
  /** Kitos `ProcurementStrategy` option name, e.g. "EU udbud", "SKI - mini-udbud". */
  procurementStrategy?: string | null;
  /** Kitos `ProcurementPlanYear` ("Genanskaffelsesplan"); informational, not used in derivations. */
  procurementPlanYear?: number | null;
  /** Kitos `ProcurementPlanQuarter` (1–4); informational, like `procurementPlanYear`. */
  procurementPlanQuarter?: number | null;
}

/**
 * A derived value that is either known (with an optional `note` on an assumption or fallback the
 * derivation made) or unknown with a `reason` naming the contract and the missing or bad field.
 * Missing data never produces a made-up date.
 */
export type Derived<T> =
  | { readonly known: true; readonly value: T; readonly note?: string }
  | { readonly known: false; readonly reason: string };

/** Kitos `ItContractValidationError`, in Kitos order (integer values 0–3). */
export const CONTRACT_VALIDATION_ERRORS = [
  'START_DATE_NOT_PASSED',
  'END_DATE_PASSED',
  'TERMINATION_PERIOD_EXCEEDED',
  'INVALID_PARENT_CONTRACT',
] as const;

/** One of {@link CONTRACT_VALIDATION_ERRORS}. */
export type ContractValidationError = (typeof CONTRACT_VALIDATION_ERRORS)[number];

/** Whether a contract is active at a date, as Kitos computes it ("Status" in the Kitos grid). */
export interface ContractValidity {
  active: boolean;
  /** Kitos validation errors, in Kitos order. They can be present on an active contract. */
  errors: ContractValidationError[];
  /**
   * Malformed fields that were treated as empty, as Kitos would see them. Kitos itself cannot
   * hold such values, so any entry here is a data-quality finding for the import.
   */
  dataIssues: string[];
}

/** Returns a contract's parent (Kitos `Parent`), or null/undefined when it has none. */
export type ParentLookup = (contract: ContractTerms) => ContractTerms | null | undefined;

/** An extension option read from its Kitos name: "2 x 1 år" is `{ count: 2, monthsEach: 12 }`. */
export interface ExtensionOption {
  count: number;
  monthsEach: number;
}

/** How far a fixed-term contract can still be extended. */
export interface RemainingExtensions {
  /** Extensions the option offers (0 without an option). */
  offered: number;
  /** Extensions already used (`extensionsUsed`, 0 when missing). */
  used: number;
  /** `offered − used`, never below 0. */
  remaining: number;
  /** Length of one extension in months (0 without an option). */
  monthsEach: number;
  /** `remaining × monthsEach`: how far the options can still push `validTo`. */
  remainingMonths: number;
}

/**
 * Tender lead time in months per procurement strategy, keyed by
 * {@link normaliseProcurementStrategy} of the Kitos option names. A procurement this long must
 * finish before notice is given, so it is subtracted from the notice deadline.
 */
export const DEFAULT_TENDER_LEAD_TIMES: Readonly<Record<string, number>> = Object.freeze({
  'eu udbud': 12,
  udbud: 9,
  'mini udbud': 4,
  'ski mini udbud': 4,
  annoncering: 3,
  underhåndsbud: 2,
  'ski direkte tildeling': 2,
  'direkte tildeling': 1,
});

/** Lead time assumed when a contract has no procurement strategy or one not in the table. */
export const DEFAULT_TENDER_LEAD_TIME_MONTHS = 6;

/** Configures how tender lead times are looked up. */
export interface TenderLeadTimeOptions {
  /**
   * Lead times in whole months per strategy, merged over {@link DEFAULT_TENDER_LEAD_TIMES} (an
   * entry here wins). Keys may be spelled like the Kitos option names: they are normalised.
   * @default {}
   */
  leadTimesMonths?: Readonly<Record<string, number>>;
  /**
   * Lead time for a missing or unknown strategy.
   * @default DEFAULT_TENDER_LEAD_TIME_MONTHS (6)
   */
  defaultLeadTimeMonths?: number;
}

/** The tender lead time applied to a contract. */
export interface TenderLeadTime {
  months: number;
  /** True when the strategy was missing or unknown and the default was used. */
  assumed: boolean;
  /** Says which default was assumed and why; absent when the strategy matched the table. */
  note?: string;
}

/** Options of {@link decideBy} and {@link deriveContractDates}. */
export interface ContractDatesOptions extends TenderLeadTimeOptions {
  /**
   * Looks up parent contracts for the validity check. Without it every contract counts as having
   * no parent, so a contract with `requireValidParent` gets INVALID_PARENT_CONTRACT.
   * @default () => null
   */
  getParent?: ParentLookup;
}

/** Every derived date of one contract at one as-of date, as the deadline and impact views show them. */
export interface ContractDates {
  contractId: string;
  asOf: CalendarDate;
  /** Kitos validity at `asOf` ({@link contractValidityAt}). */
  validity: ContractValidity;
  remainingExtensions: Derived<RemainingExtensions>;
  /** {@link latestPossibleEnd}; value null for an ongoing contract. */
  latestPossibleEnd: Derived<CalendarDate | null>;
  /**
   * The end the analysis assumes: a terminated contract ends when its notice takes effect, an
   * ongoing one at its earliest end given notice on `asOf`, a fixed-term one at `validTo` (the
   * current term, no further options exercised). Same as {@link earliestEnd}.
   */
  plannedEnd: Derived<CalendarDate>;
  /** {@link noticeDeadline} for `plannedEnd`; for a terminated contract, the day notice was given. */
  noticeDeadline: Derived<CalendarDate>;
  tenderLeadTime: TenderLeadTime;
  /** {@link decideBy}: the day a replacement must be chosen. */
  decideBy: Derived<CalendarDate>;
  /** True when `decideBy` is before `asOf`, null when `decideBy` is unknown. */
  decideByPassed: boolean | null;
}

/**
 * Whether a contract is active at `date`, reproducing Kitos `ItContract.Validate`:
 * START_DATE_NOT_PASSED before `validFrom`; END_DATE_PASSED after `validTo` (both inclusive, a
 * missing date never fails); TERMINATION_PERIOD_EXCEEDED after `terminatedAt + noticeMonths`
 * (0 months when missing; `noticeByEndOf` and `irrevocableUntil` are ignored, as in Kitos);
 * INVALID_PARENT_CONTRACT when `requireValidParent` is set and the parent is missing, inactive at
 * `date`, or part of a parent cycle. Active = `enforcedValid` OR (parent active when
 * `requireValidParent`, else no errors): a required parent overrides the contract's own date errors.
 * Malformed dates count as empty and are listed in `dataIssues`.
 * @throws RangeError when `date` is not a valid calendar date (a caller bug, not bad data).
 */
export function contractValidityAt(
  contract: ContractTerms,
  date: CalendarDate,
  getParent: ParentLookup,
): ContractValidity {
  requireCalendarDate(date, 'date');
  return validate(contract, date, getParent, new Set([contract.id]));
}

/**
 * Reads a Kitos extension option name: "k x n år" with n whole, "½", "1½", "0,5" or "1.5" years, or
 * "k x n måned(er)" / "mdr." in months; case-insensitive, "×" also accepted. Returns null when the
 * text does not read as such, or when an extension would not be a whole number of months.
 */
export function parseExtensionOption(text: string): ExtensionOption | null {
  const match = EXTENSION_OPTION.exec(text.normalize('NFC').trim().toLowerCase());
  if (!match) return null;
  const [, countText = '', wholeText = '', fractionText = '', unit = ''] = match;
  const fraction = fractionText === '' ? 0 : (FRACTIONS[fractionText] ?? Number.NaN);
  const amount = (wholeText === '' ? 0 : Number(wholeText.replace(',', '.'))) + fraction;
  const monthsEach = YEAR_UNITS.has(unit) ? amount * 12 : amount;
  if (!Number.isSafeInteger(monthsEach) || monthsEach <= 0) return null;
  return { count: Number(countText), monthsEach };
}

/**
 * Extensions a contract can still use: the parsed `extensionOption` minus `extensionsUsed`, never
 * below 0 (a note says when more were used than offered). No option means zero remaining.
 * Unknown when the option text does not parse or `extensionsUsed` is not a whole number ≥ 0.
 */
export function remainingExtensions(contract: ContractTerms): Derived<RemainingExtensions> {
  const used = contract.extensionsUsed;
  if (used !== null && used !== undefined && !(Number.isSafeInteger(used) && used >= 0)) {
    return unknown(
      `${label(contract)} has an invalid extensionsUsed ${show(used)} (expected a whole number, 0 or more)`,
    );
  }
  const usedCount = used ?? 0;
  const text = contract.extensionOption;
  if (text === null || text === undefined || text.trim() === '') {
    return known({ offered: 0, used: usedCount, remaining: 0, monthsEach: 0, remainingMonths: 0 });
  }
  const option = parseExtensionOption(text);
  if (!option) {
    return unknown(
      `${label(contract)} has an extension option that cannot be read: ${show(text)} (expected e.g. "2 x 1 år")`,
    );
  }
  const remaining = Math.max(0, option.count - usedCount);
  const note =
    usedCount > option.count
      ? `${label(contract)} has used ${usedCount} extensions but the option ${show(text)} offers ${option.count}`
      : undefined;
  return known(
    {
      offered: option.count,
      used: usedCount,
      remaining,
      monthsEach: option.monthsEach,
      remainingMonths: remaining * option.monthsEach,
    },
    note,
  );
}

/**
 * The latest day the contract can run to. Fixed term: `validTo` plus all remaining extensions,
 * added in one step from `validTo` so that month-end clamping does not drift (31 Aug + 2 × 6 months
 * is 31 Aug, not 28 Aug). Ongoing: no latest end (known, value null). Terminated: the day the
 * notice takes effect (see {@link earliestEnd}). Unknown when a fixed-term contract has no `validTo`.
 */
export function latestPossibleEnd(contract: ContractTerms): Derived<CalendarDate | null> {
  return guard(contract, () => {
    const terminatedAt = readDate(contract, 'terminatedAt');
    if (!terminatedAt.known) return terminatedAt;
    if (terminatedAt.value !== null) {
      const end = terminationEnd(contract, terminatedAt.value);
      if (!end.known) return end;
      return known(
        end.value,
        joinNotes(
          `${label(contract)} was terminated on ${terminatedAt.value} and cannot run beyond its notice period`,
          end.note,
        ),
      );
    }
    if (contract.ongoing === true) {
      return known(
        null,
        joinNotes(
          `${label(contract)} is ongoing (løbende): it has no latest end`,
          ongoingNote(contract),
        ),
      );
    }
    const validTo = requireValidTo(contract);
    if (!validTo.known) return validTo;
    const extensions = remainingExtensions(contract);
    if (!extensions.known) return extensions;
    return known(addMonths(validTo.value, extensions.value.remainingMonths), extensions.note);
  });
}

/**
 * The earliest day the contract can end, seen from `asOf`.
 * - Terminated: `terminatedAt + noticeMonths` rounded up to the end of the `noticeByEndOf` period,
 *   not before `irrevocableUntil`, and for a fixed-term contract not after `validTo`. A missing
 *   notice period counts as 0 months, as in Kitos, with a note.
 * - Ongoing (løbende): notice given on `asOf` takes effect `noticeMonths` later, rounded up to the
 *   end of the month, quarter or year; if `irrevocableUntil` is later, that date rounded up the same
 *   way. Unknown when `noticeMonths` is missing.
 * - Fixed term: `validTo`. Notice terms do not end a fixed-term contract early; `irrevocableUntil`
 *   after `validTo` does not keep it alive (a note says so).
 * @throws RangeError when `asOf` is not a valid calendar date.
 */
export function earliestEnd(contract: ContractTerms, asOf: CalendarDate): Derived<CalendarDate> {
  requireCalendarDate(asOf, 'asOf');
  return guard(contract, () => {
    const terminatedAt = readDate(contract, 'terminatedAt');
    if (!terminatedAt.known) return terminatedAt;
    if (terminatedAt.value !== null) return terminationEnd(contract, terminatedAt.value);
    if (contract.ongoing === true) return ongoingEnd(contract, asOf);
    return fixedTermEnd(contract);
  });
}

/**
 * The last day on which notice still ends the contract on or before `endDate`: the latest day d
 * with `d + noticeMonths`, rounded up to the `noticeByEndOf` period end, ≤ `endDate`. Found exactly,
 * so month ends count right: with one month's notice, notice on 31 Jan ends 28 Feb. With
 * period-end notice the contract ends on the last period end on or before `endDate` (a note says so
 * when that is earlier). Unknown when `noticeMonths` is missing or when `irrevocableUntil` keeps the
 * contract alive past `endDate`.
 * @throws RangeError when `endDate` is not a valid calendar date.
 */
export function noticeDeadline(
  contract: ContractTerms,
  endDate: CalendarDate,
): Derived<CalendarDate> {
  requireCalendarDate(endDate, 'endDate');
  return guard(contract, () => {
    const terms = readNoticeTerms(contract);
    if (!terms.known) return terms;
    const { months, period, irrevocableUntil } = terms.value;
    if (months === null) return unknown(`${label(contract)} has no notice period (noticeMonths)`);
    const lastEnd = period === null ? endDate : lastPeriodEndOnOrBefore(endDate, period);
    if (irrevocableUntil !== null && isBefore(lastEnd, irrevocableUntil)) {
      const periodText =
        period === null ? '' : ` and notice runs to the end of a ${PERIOD_WORDS[period]}`;
      return unknown(
        `${label(contract)} cannot end by ${endDate}: it is irrevocable until ${irrevocableUntil} (irrevocableUntil)${periodText}`,
      );
    }
    let deadline = addMonths(lastEnd, -months);
    while (
      isBefore(deadline, lastEnd) &&
      !isBefore(lastEnd, addMonths(addDays(deadline, 1), months))
    ) {
      deadline = addDays(deadline, 1);
    }
    const note =
      period !== null && lastEnd !== endDate
        ? `Notice runs to the end of a ${PERIOD_WORDS[period]}; the last such end on or before ${endDate} is ${lastEnd}`
        : undefined;
    return known(deadline, note);
  });
}

/**
 * Normalises a procurement strategy name for lookup: Unicode NFC, lower case, every run of
 * punctuation, dashes or spaces turned into one space. "SKI – Mini-udbud" → "ski mini udbud".
 */
export function normaliseProcurementStrategy(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The lead-time table for a set of overrides, built once per overrides object: analyses derive
 * dates for tens of thousands of contracts with the same options, and rebuilding the table on
 * every call was most of that cost.
 */
const LEAD_TIME_TABLES = new WeakMap<object, Map<string, number>>();
const NO_OVERRIDES = {};

function leadTimeTable(overrides: Record<string, number> | undefined): Map<string, number> {
  const key = overrides ?? NO_OVERRIDES;
  let table = LEAD_TIME_TABLES.get(key);
  if (!table) {
    table = new Map<string, number>();
    for (const [name, months] of Object.entries({ ...DEFAULT_TENDER_LEAD_TIMES, ...overrides })) {
      requireLeadTime(months, `leadTimesMonths[${JSON.stringify(name)}]`);
      table.set(compactStrategy(name), months);
    }
    LEAD_TIME_TABLES.set(key, table);
  }
  return table;
}

/**
 * The tender lead time for a procurement strategy: the configured table merged over
 * {@link DEFAULT_TENDER_LEAD_TIMES}, matched after {@link normaliseProcurementStrategy} and ignoring
 * spaces ("Miniudbud" matches "Mini-udbud"), never by substring ("Udbud" is not "EU udbud"). A
 * missing or unknown strategy gets the default, marked `assumed` with a note.
 * @throws RangeError when a configured lead time is not a whole number of months ≥ 0.
 */
export function resolveTenderLeadTime(
  strategy: string | null | undefined,
  options: TenderLeadTimeOptions = {},
): TenderLeadTime {
  const fallback = options.defaultLeadTimeMonths ?? DEFAULT_TENDER_LEAD_TIME_MONTHS;
  requireLeadTime(fallback, 'defaultLeadTimeMonths');
  const table = leadTimeTable(options.leadTimesMonths);
  if (strategy === null || strategy === undefined || strategy.trim() === '') {
    return {
      months: fallback,
      assumed: true,
      note: `No procurement strategy; assumes a tender lead time of ${fallback} months`,
    };
  }
  const months = table.get(compactStrategy(strategy));
  if (months === undefined) {
    return {
      months: fallback,
      assumed: true,
      note: `Unknown procurement strategy ${show(strategy)}; assumes a tender lead time of ${fallback} months`,
    };
  }
  return { months, assumed: false };
}

/**
 * The day by which a replacement must be chosen: the notice deadline for the planned end (see
 * {@link deriveContractDates}) minus the tender lead time of the contract's procurement strategy.
 * A fixed-term contract without remaining extensions simply expires, so it counts from `validTo`;
 * with remaining extensions but no notice period it also counts from `validTo`, with a note. A
 * terminated contract counts from `terminatedAt`, when notice was given.
 * @throws RangeError when `asOf` is not a valid calendar date or a lead time is misconfigured.
 */
export function decideBy(
  contract: ContractTerms,
  asOf: CalendarDate,
  options: ContractDatesOptions = {},
): Derived<CalendarDate> {
  return deriveDeadlines(contract, asOf, options).decideBy;
}

/**
 * Whether the contract's planned end, notice deadline and decide-by can differ from one `asOf` to
 * another: only for an ongoing contract without notice given, whose earliest end counts from
 * `asOf`. Every other contract has the same values at any `asOf` (only whether decide-by has
 * passed changes), so callers may keep them across dates. Errs towards true: an ongoing contract
 * with an unreadable terminatedAt counts as depending on `asOf`.
 */
export function deadlinesDependOnAsOf(contract: ContractTerms): boolean {
  return contract.ongoing === true && !isCalendarDate(contract.terminatedAt);
}

/**
 * Derives every date of a contract at `asOf` in one go: Kitos validity, remaining extensions,
 * latest possible end, planned end, notice deadline, tender lead time, decide-by and whether it has
 * passed (decide-by before `asOf`). Each value is known or says why it is not; nothing throws on
 * bad contract data.
 * @throws RangeError when `asOf` is not a valid calendar date or a lead time is misconfigured.
 */
export function deriveContractDates(
  contract: ContractTerms,
  asOf: CalendarDate,
  options: ContractDatesOptions = {},
): ContractDates {
  const deadlines = deriveDeadlines(contract, asOf, options);
  return {
    contractId: contract.id,
    asOf,
    validity: contractValidityAt(contract, asOf, options.getParent ?? (() => null)),
    remainingExtensions: remainingExtensions(contract),
    latestPossibleEnd: latestPossibleEnd(contract),
    ...deadlines,
    decideByPassed: deadlines.decideBy.known ? isBefore(deadlines.decideBy.value, asOf) : null,
  };
}

type DateField = 'validFrom' | 'validTo' | 'terminatedAt' | 'irrevocableUntil';

interface NoticeTerms {
  months: number | null;
  period: CalendarPeriod | null;
  irrevocableUntil: CalendarDate | null;
}

const EXTENSION_OPTION =
  /^(\d+)\s*[x×]\s*(\d+(?:[.,]\d+)?)?\s*([½¼¾])?\s*(år|aar|years?|måneder|måned|mdr|md|months?)\.?$/u;
const YEAR_UNITS = new Set(['år', 'aar', 'year', 'years']);
const FRACTIONS: Readonly<Record<string, number>> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };
const PERIOD_WORDS: Readonly<Record<CalendarPeriod, string>> = {
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'calendar year',
};

function deriveDeadlines(
  contract: ContractTerms,
  asOf: CalendarDate,
  options: ContractDatesOptions,
): Pick<ContractDates, 'plannedEnd' | 'noticeDeadline' | 'tenderLeadTime' | 'decideBy'> {
  const plannedEnd = earliestEnd(contract, asOf);
  const tenderLeadTime = resolveTenderLeadTime(contract.procurementStrategy, options);
  const terminatedAt = readDate(contract, 'terminatedAt');
  const deadline: Derived<CalendarDate> =
    terminatedAt.known && terminatedAt.value !== null
      ? known(terminatedAt.value, `Notice was given on ${terminatedAt.value} (terminatedAt)`)
      : plannedEnd.known
        ? noticeDeadline(contract, plannedEnd.value)
        : plannedEnd;
  const base = guard(contract, () => decisionBase(contract, plannedEnd, deadline));
  const decided = base.known
    ? guard(contract, () =>
        known(
          addMonths(base.value, -tenderLeadTime.months),
          joinNotes(base.note, tenderLeadTime.note),
        ),
      )
    : base;
  return { plannedEnd, noticeDeadline: deadline, tenderLeadTime, decideBy: decided };
}

function decisionBase(
  contract: ContractTerms,
  plannedEnd: Derived<CalendarDate>,
  deadline: Derived<CalendarDate>,
): Derived<CalendarDate> {
  const terminatedAt = readDate(contract, 'terminatedAt');
  if (!terminatedAt.known) return terminatedAt;
  if (terminatedAt.value !== null || contract.ongoing === true) return deadline;
  if (!plannedEnd.known) return plannedEnd;
  const extensions = remainingExtensions(contract);
  if (!extensions.known) return extensions;
  if (extensions.value.remaining === 0) return known(plannedEnd.value);
  if (deadline.known) return deadline;
  if (contract.noticeMonths === null || contract.noticeMonths === undefined) {
    return known(
      plannedEnd.value,
      `${label(contract)} has ${extensions.value.remaining} remaining extension(s) but no notice period (noticeMonths); decide-by counts from validTo ${plannedEnd.value}`,
    );
  }
  return deadline;
}

function validate(
  contract: ContractTerms,
  date: CalendarDate,
  getParent: ParentLookup,
  lineage: ReadonlySet<string>,
): ContractValidity {
  const errors: ContractValidationError[] = [];
  const dataIssues: string[] = [];
  const validFrom = lenientDate(contract, 'validFrom', dataIssues);
  const validTo = lenientDate(contract, 'validTo', dataIssues);
  const terminatedAt = lenientDate(contract, 'terminatedAt', dataIssues);
  if (validFrom !== null && isBefore(date, validFrom)) errors.push('START_DATE_NOT_PASSED');
  if (validTo !== null && isBefore(validTo, date)) errors.push('END_DATE_PASSED');
  if (terminatedAt !== null) {
    const effective = tryAddMonths(terminatedAt, lenientNoticeMonths(contract, dataIssues));
    if (effective !== null && isBefore(effective, date)) errors.push('TERMINATION_PERIOD_EXCEEDED');
  }
  let baseValid = errors.length === 0;
  if (contract.requireValidParent === true) {
    const parent = getParent(contract) ?? null;
    let parentActive = false;
    if (parent !== null && lineage.has(parent.id)) {
      dataIssues.push(`${label(contract)} has a parent cycle through contract ${show(parent.id)}`);
    } else if (parent !== null) {
      parentActive = validate(parent, date, getParent, new Set([...lineage, parent.id])).active;
    }
    if (!parentActive) errors.push('INVALID_PARENT_CONTRACT');
    baseValid = parentActive;
  }
  return { active: contract.enforcedValid === true || baseValid, errors, dataIssues };
}

function terminationEnd(
  contract: ContractTerms,
  terminatedAt: CalendarDate,
): Derived<CalendarDate> {
  const terms = readNoticeTerms(contract);
  if (!terms.known) return terms;
  const notes: (string | undefined)[] = [];
  if (terms.value.months === null) {
    notes.push(
      `${label(contract)} has no notice period (noticeMonths); assumes the termination took effect on ${terminatedAt}, as Kitos does`,
    );
  }
  let end = noticeTakesEffect({ ...terms.value, months: terms.value.months ?? 0 }, terminatedAt);
  if (contract.ongoing === true) {
    notes.push(ongoingNote(contract));
  } else {
    const validTo = readDate(contract, 'validTo');
    if (!validTo.known) return validTo;
    if (validTo.value !== null && isBefore(validTo.value, end)) {
      notes.push(
        `${label(contract)} expires on ${validTo.value} (validTo), before its notice takes effect on ${end}`,
      );
      end = validTo.value;
    }
  }
  return known(end, joinNotes(...notes));
}

function ongoingEnd(contract: ContractTerms, asOf: CalendarDate): Derived<CalendarDate> {
  const terms = readNoticeTerms(contract);
  if (!terms.known) return terms;
  const { months, period, irrevocableUntil } = terms.value;
  if (months === null) {
    return unknown(
      `${label(contract)} is ongoing (løbende) but has no notice period (noticeMonths)`,
    );
  }
  const byNotice = noticeTakesEffect({ months, period, irrevocableUntil: null }, asOf);
  const end = noticeTakesEffect({ months, period, irrevocableUntil }, asOf);
  const irrevocableNote =
    end !== byNotice
      ? `${label(contract)} is irrevocable until ${irrevocableUntil} (irrevocableUntil); notice given on ${asOf} would otherwise end it on ${byNotice}`
      : undefined;
  return known(end, joinNotes(irrevocableNote, ongoingNote(contract)));
}

function fixedTermEnd(contract: ContractTerms): Derived<CalendarDate> {
  const validTo = requireValidTo(contract);
  if (!validTo.known) return validTo;
  const irrevocableUntil = readDate(contract, 'irrevocableUntil');
  const note =
    irrevocableUntil.known &&
    irrevocableUntil.value !== null &&
    isBefore(validTo.value, irrevocableUntil.value)
      ? `${label(contract)} is irrevocable until ${irrevocableUntil.value}, after it expires on ${validTo.value} (validTo); it still ends on validTo`
      : undefined;
  return known(validTo.value, note);
}

// Rounding both candidates up and taking the later equals rounding up the later one, because
// rounding up to a period end never reorders dates.
function noticeTakesEffect(
  terms: NoticeTerms & { months: number },
  givenOn: CalendarDate,
): CalendarDate {
  const roundUp = (date: CalendarDate) =>
    terms.period === null ? date : endOfPeriod(date, terms.period);
  const byNotice = roundUp(addMonths(givenOn, terms.months));
  return terms.irrevocableUntil === null
    ? byNotice
    : maxCalendarDate(byNotice, roundUp(terms.irrevocableUntil));
}

function readNoticeTerms(contract: ContractTerms): Derived<NoticeTerms> {
  const months = contract.noticeMonths;
  if (months !== null && months !== undefined && !(Number.isSafeInteger(months) && months >= 0)) {
    return unknown(
      `${label(contract)} has an invalid noticeMonths ${show(months)} (expected a whole number of months, 0 or more)`,
    );
  }
  const period = contract.noticeByEndOf ?? null;
  if (period !== null && !isCalendarPeriod(period)) {
    return unknown(
      `${label(contract)} has an invalid noticeByEndOf ${show(period)} (expected MONTH, QUARTER or YEAR)`,
    );
  }
  const irrevocableUntil = readDate(contract, 'irrevocableUntil');
  if (!irrevocableUntil.known) return irrevocableUntil;
  return known({
    months: months ?? null,
    period,
    irrevocableUntil: irrevocableUntil.value,
  });
}

function readDate(contract: ContractTerms, field: DateField): Derived<CalendarDate | null> {
  const value: unknown = contract[field];
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return known(null);
  }
  if (isCalendarDate(value)) return known(value);
  return unknown(`${label(contract)} has an invalid ${field} ${show(value)} (expected YYYY-MM-DD)`);
}

function requireValidTo(contract: ContractTerms): Derived<CalendarDate> {
  const validTo = readDate(contract, 'validTo');
  if (!validTo.known) return validTo;
  if (validTo.value === null) {
    return unknown(
      `${label(contract)} has no end date (validTo) and is not marked ongoing (løbende)`,
    );
  }
  return known(validTo.value);
}

function lenientDate(
  contract: ContractTerms,
  field: DateField,
  dataIssues: string[],
): CalendarDate | null {
  const read = readDate(contract, field);
  if (read.known) return read.value;
  dataIssues.push(`${read.reason}; treated as empty`);
  return null;
}

// Kitos adds int.TryParse of the notice option's name, which yields 0 when the name is not a number.
function lenientNoticeMonths(contract: ContractTerms, dataIssues: string[]): number {
  const months = contract.noticeMonths;
  if (months === null || months === undefined) return 0;
  if (Number.isSafeInteger(months) && months >= 0) return months;
  dataIssues.push(`${label(contract)} has an invalid noticeMonths ${show(months)}; treated as 0`);
  return 0;
}

function ongoingNote(contract: ContractTerms): string | undefined {
  const validTo = readDate(contract, 'validTo');
  return validTo.known && validTo.value !== null
    ? `${label(contract)} is ongoing (løbende), so its validTo ${validTo.value} is not treated as its end`
    : undefined;
}

// Dates near 9999-12-31 (the .NET DateTime.MaxValue that Kitos uses for "no end") can overflow the
// calendar when months are added; that is reported as unknown rather than thrown.
function guard<T>(contract: ContractTerms, derive: () => Derived<T>): Derived<T> {
  try {
    return derive();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return unknown(
      `${label(contract)} has dates beyond the supported calendar (years 0001–9999): ${error.message}`,
    );
  }
}

function tryAddMonths(date: CalendarDate, months: number): CalendarDate | null {
  try {
    return addMonths(date, months);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function requireCalendarDate(date: CalendarDate, name: string): void {
  if (!isCalendarDate(date)) {
    throw new RangeError(`Invalid ${name} ${show(date)} (expected a calendar date YYYY-MM-DD)`);
  }
}

function requireLeadTime(months: number, name: string): void {
  if (!(Number.isSafeInteger(months) && months >= 0)) {
    throw new RangeError(
      `Invalid tender lead time ${name}: ${show(months)} (expected a whole number of months, 0 or more)`,
    );
  }
}

function compactStrategy(text: string): string {
  return normaliseProcurementStrategy(text).replaceAll(' ', '');
}

function isCalendarPeriod(value: unknown): value is CalendarPeriod {
  return CALENDAR_PERIODS.some((period) => period === value);
}

function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareCalendarDates(a, b) < 0;
}

function known<T>(value: T, note?: string): Derived<T> {
  return note === undefined ? { known: true, value } : { known: true, value, note };
}

function unknown(reason: string): { known: false; reason: string } {
  return { known: false, reason };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((note): note is string => note !== undefined);
  return present.length === 0 ? undefined : present.join('. ');
}

function label(contract: ContractTerms): string {
  const name = typeof contract.name === 'string' ? contract.name.trim() : '';
  return `Contract ${show(name === '' ? contract.id : name)}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
