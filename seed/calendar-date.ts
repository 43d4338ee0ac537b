/** A calendar date without time or zone; months are 1-12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30. */
export function parseCalendarDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`Invalid date "${text}": expected an existing date as YYYY-MM-DD`);
  }
  return { year, month, day };
}

/** `YYYY-MM-DD`. */
export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The first day of the month `months` after (or before, when negative) the month of `date`. */
export function monthStart(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/**
 * The date `months` after `date`, clamping the day to the target month's length
 * (31 Jan + 1 month = 28 or 29 Feb).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const start = monthStart(date, months);
  return { ...start, day: Math.min(date.day, daysInMonth(start.year, start.month)) };
}

/** The date `days` after (or before) `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A day of the month, clamped to the month's length. */
export function withDay(date: CalendarDate, day: number): CalendarDate {
  return { ...date, day: Math.min(Math.max(1, day), daysInMonth(date.year, date.month)) };
}

/** The last day of `date`'s month. */
export function monthEnd(date: CalendarDate): CalendarDate {
  return { ...date, day: daysInMonth(date.year, date.month) };
}
