/**
 * An ISO 8601 calendar date, `'YYYY-MM-DD'`: proleptic Gregorian, years 0001–9999, no time and no
 * zone. The graph model stores contract dates this way. Because ISO dates of this fixed width sort
 * like strings, they can be compared with `<`, but the helpers here also validate.
 */
export type CalendarDate = string;

/** A calendar date split into integers (`month` 1–12, `day` 1–31). */
export interface CalendarDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The periods that a notice can run to the end of ("til udgangen af en måned / et kvartal / et
 * kalenderår"; Kitos `YearSegmentOption`).
 */
export const CALENDAR_PERIODS = ['MONTH', 'QUARTER', 'YEAR'] as const;

/** One of {@link CALENDAR_PERIODS}. */
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

const HYPHEN = 0x2d;
const ZERO = 0x30;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** True for leap years of the Gregorian calendar: 2024 and 2000 are, 2023 and 2100 are not. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`, e.g. 29 for February 2028 and 28 for February 2100. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a strict `'YYYY-MM-DD'` string. Returns null for anything else, including impossible days
 * (`'2023-02-29'`, `'2024-04-31'`), timestamps (`'2024-01-01T00:00:00Z'`) and surrounding spaces,
 * so that callers can report the bad value instead of guessing what it meant.
 */
export function parseCalendarDate(text: string): CalendarDateParts | null {
  // Read digit by digit rather than with a regular expression: contract analyses parse tens of
  // thousands of dates per request, and the match arrays were most of their cost.
  if (text.length !== 10 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) {
    return null;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

// The number written by `width` ASCII digits from `start`; −1 when one of them is not a digit.
function digitsAt(text: string, start: number, width: number): number {
  let value = 0;
  for (let i = start; i < start + width; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Type guard: true when `value` is a string that {@link parseCalendarDate} accepts. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parseCalendarDate(value) !== null;
}

/**
 * Formats parts as `'YYYY-MM-DD'`.
 * @throws RangeError when the parts are not a real date in years 0001–9999.
 */
export function formatCalendarDate(parts: CalendarDateParts): CalendarDate {
  const { year, month, day } = parts;
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) {
    throw new RangeError(
      `Calendar date out of range: ${year}-${month}-${day} (supported: 0001-01-01 to 9999-12-31)`,
    );
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Compares two dates: negative when `a` is earlier, 0 when equal, positive when later. Usable as an
 * `Array.prototype.sort` comparator.
 * @throws RangeError when either argument is not a valid calendar date.
 */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(requireParts(a)) - dayNumber(requireParts(b));
}

/** The later of two dates. @throws RangeError on an invalid date. */
export function maxCalendarDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareCalendarDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. @throws RangeError on an invalid date. */
export function minCalendarDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareCalendarDates(a, b) <= 0 ? a : b;
}

/**
 * Adds a whole number of days (negative to go back), across month, year and leap-day boundaries.
 * @throws RangeError on an invalid date, a non-integer count, or a result outside 0001–9999.
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireInteger(days, 'days');
  return formatCalendarDate(partsFromDayNumber(dayNumber(requireParts(date)) + days));
}

/**
 * Adds a whole number of calendar months (negative to go back), clamping the day to the end of the
 * target month: 31 Jan + 1 month is 28 Feb (29 Feb in a leap year), 31 Mar − 1 month is 28/29 Feb,
 * 29 Feb 2028 + 12 months is 28 Feb 2029. This is how notice periods and .NET's `AddMonths` count.
 * Clamping makes the operation lossy: add the whole span in one call rather than month by month.
 * @throws RangeError on an invalid date, a non-integer count, or a result outside 0001–9999.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const target = monthAway(date, months);
  const { day } = requireParts(date);
  return formatCalendarDate({
    ...target,
    day: Math.min(day, daysInMonth(target.year, target.month)),
  });
}

/**
 * First day of the month `monthsAway` calendar months after (negative: before) the date's month:
 * `startOfMonth('2025-06-17')` is `'2025-06-01'`, `startOfMonth('2025-06-17', -6)` is
 * `'2024-12-01'`. Counting from the first of the month sidesteps the end-of-month clamping of
 * {@link addMonths}, so a series of month starts never drifts.
 * @throws RangeError on an invalid date, a non-integer count, or a result outside 0001–9999.
 */
export function startOfMonth(date: CalendarDate, monthsAway = 0): CalendarDate {
  return formatCalendarDate({ ...monthAway(date, monthsAway), day: 1 });
}

/**
 * The same month with the day set to `day`, clamped to the month's length: day 31 of
 * `'2025-04-10'` is `'2025-04-30'` and day 30 of `'2024-02-01'` is `'2024-02-29'`. Clamping, as in
 * {@link addMonths}, lets "the 31st of every month" mean the last day of each month; a day no
 * month has (below 1, above 31 or fractional) is a mistake and throws instead.
 * @throws RangeError on an invalid date or a day that is not a whole number from 1 to 31.
 */
export function withDayOfMonth(date: CalendarDate, day: number): CalendarDate {
  const { year, month } = requireParts(date);
  if (!Number.isInteger(day) || day < 1 || day > 31) {
    throw new RangeError(`Day of month must be a whole number from 1 to 31, got ${day}`);
  }
  return formatCalendarDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @throws RangeError on an invalid date. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(requireParts(to)) - dayNumber(requireParts(from));
}

/** Last day of the date's month, e.g. `'2100-02-28'` for `'2100-02-10'`. @throws RangeError on an invalid date. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = requireParts(date);
  return formatCalendarDate({ year, month, day: daysInMonth(year, month) });
}

/** Last day of the date's quarter: 31 Mar, 30 Jun, 30 Sep or 31 Dec. @throws RangeError on an invalid date. */
export function endOfQuarter(date: CalendarDate): CalendarDate {
  const { year, month } = requireParts(date);
  const lastMonth = Math.ceil(month / 3) * 3;
  return formatCalendarDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) });
}

/** 31 December of the date's year. @throws RangeError on an invalid date. */
export function endOfYear(date: CalendarDate): CalendarDate {
  const { year } = requireParts(date);
  return formatCalendarDate({ year, month: 12, day: 31 });
}

/**
 * Rounds a date up to the end of its month, quarter or calendar year; a date that already is such
 * an end is returned unchanged. Notice "til udgangen af et kvartal" ends a contract this way.
 * @throws RangeError on an invalid date.
 */
export function endOfPeriod(date: CalendarDate, period: CalendarPeriod): CalendarDate {
  switch (period) {
    case 'MONTH':
      return endOfMonth(date);
    case 'QUARTER':
      return endOfQuarter(date);
    case 'YEAR':
      return endOfYear(date);
  }
}

/**
 * Rounds a date down to the latest end of a month, quarter or year on or before it:
 * `'2025-05-15'` → `'2025-03-31'` for QUARTER, `'2025-06-30'` stays. This is the last day on which a
 * contract with period-end notice can end if it must be gone by `date`.
 * @throws RangeError on an invalid date or a result before 0001-01-01.
 */
export function lastPeriodEndOnOrBefore(date: CalendarDate, period: CalendarPeriod): CalendarDate {
  const end = endOfPeriod(date, period);
  if (end === date) return date;
  const periodMonths = period === 'MONTH' ? 1 : period === 'QUARTER' ? 3 : 12;
  return endOfPeriod(addMonths(date, -periodMonths), period);
}

function requireParts(date: CalendarDate): CalendarDateParts {
  const parts = parseCalendarDate(date);
  if (!parts) {
    throw new RangeError(`Invalid calendar date ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  }
  return parts;
}

// The year and month `months` calendar months from the date's month, checked against the supported
// years here so that the error names the caller's date rather than an intermediate one.
function monthAway(date: CalendarDate, months: number): { year: number; month: number } {
  requireInteger(months, 'months');
  const { year, month } = requireParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`${date} plus ${months} months is outside the years 0001–9999`);
  }
  return { year: targetYear, month: monthIndex - targetYear * 12 + 1 };
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Number of ${what} must be a whole number, got ${value}`);
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

// Days since 1970-01-01 by pure integer arithmetic (H. Hinnant's days_from_civil), so no time zone
// or daylight-saving shift can move a date.
function dayNumber({ year, month, day }: CalendarDateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function partsFromDayNumber(days: number): CalendarDateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}
