import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareCalendarDates,
  daysBetween,
  daysInMonth,
  endOfMonth,
  endOfPeriod,
  endOfQuarter,
  endOfYear,
  formatCalendarDate,
  isCalendarDate,
  isLeapYear,
  lastPeriodEndOnOrBefore,
  maxCalendarDate,
  minCalendarDate,
  parseCalendarDate,
  startOfMonth,
  withDayOfMonth,
} from './calendar-date.ts';

describe('isLeapYear', () => {
  it('follows the Gregorian rule for centuries', () => {
    expect([2023, 2024, 1900, 2000, 2100, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('daysInMonth', () => {
  it('gives February 29 days only in leap years', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2029, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('gives 30 days to April, June, September and November', () => {
    expect([4, 6, 9, 11].map((month) => daysInMonth(2025, month))).toEqual([30, 30, 30, 30]);
    expect([1, 3, 5, 7, 8, 10, 12].map((month) => daysInMonth(2025, month))).toEqual([
      31, 31, 31, 31, 31, 31, 31,
    ]);
  });
});

describe('parseCalendarDate', () => {
  it('splits a valid date into integers', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('0001-01-01')).toEqual({ year: 1, month: 1, day: 1 });
  });

  it.each([
    ['2023-02-29', 'a 29 February outside a leap year'],
    ['2100-02-29', 'a 29 February in 2100'],
    ['2024-04-31', 'a 31st in a 30-day month'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['0000-01-01', 'year 0'],
    ['2024-1-01', 'a one-digit month'],
    ['2024-01-01T00:00:00Z', 'a timestamp'],
    [' 2024-01-01', 'leading space'],
    ['01-02-2024', 'Danish day-first order'],
    ['', 'an empty string'],
    ['2024/01/01', 'slashes'],
    ['2024-0a-01', 'a letter in the month'],
    ['+202-01-01', 'a sign in the year'],
    ['2024-01-1 ', 'a trailing space in place of a digit'],
    ['２０２４-01-01', 'full-width digits'],
    ['2024-01-01\n', 'a trailing newline'],
  ])('rejects %s (%s)', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
});

describe('isCalendarDate', () => {
  it('accepts only strings that parse', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate(20240101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});

describe('formatCalendarDate', () => {
  it('pads year, month and day', () => {
    expect(formatCalendarDate({ year: 987, month: 3, day: 7 })).toBe('0987-03-07');
  });

  it('throws RangeError on impossible parts', () => {
    expect(() => formatCalendarDate({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => formatCalendarDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
  });
});

describe('compareCalendarDates', () => {
  it('orders dates across months and years', () => {
    expect(compareCalendarDates('2025-01-31', '2025-02-01')).toBeLessThan(0);
    expect(compareCalendarDates('2026-01-01', '2025-12-31')).toBeGreaterThan(0);
    expect(compareCalendarDates('2025-06-30', '2025-06-30')).toBe(0);
  });

  it('sorts a list when used as a comparator', () => {
    expect(['2025-03-01', '2024-12-31', '2025-02-28'].sort(compareCalendarDates)).toEqual([
      '2024-12-31',
      '2025-02-28',
      '2025-03-01',
    ]);
  });

  it('throws RangeError on an invalid date instead of comparing strings', () => {
    expect(() => compareCalendarDates('2025-02-30', '2025-03-01')).toThrow(RangeError);
  });
});

describe('maxCalendarDate and minCalendarDate', () => {
  it('pick the later and the earlier date', () => {
    expect(maxCalendarDate('2025-12-31', '2026-01-01')).toBe('2026-01-01');
    expect(minCalendarDate('2025-12-31', '2026-01-01')).toBe('2025-12-31');
  });
});

describe('addMonths', () => {
  it('clamps 31 January + 1 month to the end of February', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('clamps 31 March − 1 month to the end of February', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
  });

  it('clamps 31 August − 6 months to the end of February', () => {
    expect(addMonths('2025-08-31', -6)).toBe('2025-02-28');
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
  });

  it('moves 29 February 2028 + 12 months to 28 February 2029', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('treats 2100 as a common year and 2000 as a leap year', () => {
    expect(addMonths('2096-02-29', 48)).toBe('2100-02-28');
    expect(addMonths('1996-02-29', 48)).toBe('2000-02-29');
  });

  it('keeps the day when the target month has it', () => {
    expect(addMonths('2025-01-30', 2)).toBe('2025-03-30');
    expect(addMonths('2025-02-28', 1)).toBe('2025-03-28');
  });

  it('crosses year boundaries in both directions', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-31', -13)).toBe('2023-12-31');
    expect(addMonths('2025-05-20', 0)).toBe('2025-05-20');
  });

  it('throws RangeError past year 9999 or on a fractional month count', () => {
    expect(() => addMonths('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-31', -1)).toThrow(RangeError);
    expect(() => addMonths('2025-01-31', 0.5)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses leap days, month ends and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('agrees with UTC day arithmetic for every day from 1999 to 2102', () => {
    const start = Date.UTC(1999, 0, 1);
    const mismatches: string[] = [];
    for (let offset = 0; offset < 37_985; offset += 1) {
      const expected = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
      const actual = addDays('1999-01-01', offset);
      if (actual !== expected) mismatches.push(`${offset}: ${actual} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
    expect(addDays('1999-01-01', 37_984)).toBe('2102-12-31');
  });

  it('throws RangeError before 0001-01-01', () => {
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts the leap day in leap years only', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });
});

describe('endOfMonth', () => {
  it('returns the last day of the month', () => {
    expect(endOfMonth('2100-02-10')).toBe('2100-02-28');
    expect(endOfMonth('2000-02-01')).toBe('2000-02-29');
    expect(endOfMonth('2025-04-30')).toBe('2025-04-30');
    expect(endOfMonth('2025-12-01')).toBe('2025-12-31');
  });
});

describe('startOfMonth', () => {
  it('returns the first day of the same month by default', () => {
    expect(startOfMonth('2025-06-17')).toBe('2025-06-01');
    expect(startOfMonth('2025-06-01')).toBe('2025-06-01');
    expect(startOfMonth('2024-02-29')).toBe('2024-02-01');
  });

  it('moves whole months from the first, so month ends do not clamp or drift', () => {
    expect(startOfMonth('2025-01-31', 1)).toBe('2025-02-01');
    expect(startOfMonth('2025-03-31', -1)).toBe('2025-02-01');
    expect(startOfMonth('2025-06-17', -6)).toBe('2024-12-01');
    expect(startOfMonth('2025-11-30', 14)).toBe('2027-01-01');
    expect(startOfMonth('2025-01-15', -13)).toBe('2023-12-01');
  });

  it('throws RangeError on an invalid date, a fractional count or a result outside 0001–9999', () => {
    expect(() => startOfMonth('2025-02-30')).toThrow(RangeError);
    expect(() => startOfMonth('2025-06-17', 1.5)).toThrow(RangeError);
    expect(() => startOfMonth('9999-12-31', 1)).toThrow(RangeError);
    expect(() => startOfMonth('0001-01-31', -1)).toThrow(RangeError);
    expect(startOfMonth('0001-12-31', -11)).toBe('0001-01-01');
  });
});

describe('withDayOfMonth', () => {
  it('sets the day within the same month', () => {
    expect(withDayOfMonth('2025-06-01', 17)).toBe('2025-06-17');
    expect(withDayOfMonth('2025-06-30', 1)).toBe('2025-06-01');
  });

  it("clamps a day past the month's end to its last day", () => {
    expect(withDayOfMonth('2025-04-01', 31)).toBe('2025-04-30');
    expect(withDayOfMonth('2025-02-10', 29)).toBe('2025-02-28');
    expect(withDayOfMonth('2024-02-10', 30)).toBe('2024-02-29');
    expect(withDayOfMonth('2100-02-10', 29)).toBe('2100-02-28');
    expect(withDayOfMonth('2025-12-01', 31)).toBe('2025-12-31');
  });

  it('throws RangeError on an invalid date or a day no month has', () => {
    expect(() => withDayOfMonth('2025-02-29', 1)).toThrow(RangeError);
    expect(() => withDayOfMonth('2025-06-01', 0)).toThrow(RangeError);
    expect(() => withDayOfMonth('2025-06-01', 32)).toThrow(RangeError);
    expect(() => withDayOfMonth('2025-06-01', 1.5)).toThrow(RangeError);
    expect(() => withDayOfMonth('2025-06-01', Number.NaN)).toThrow(RangeError);
  });
});

describe('endOfQuarter', () => {
  it('returns 31 March, 30 June, 30 September or 31 December', () => {
    expect(endOfQuarter('2025-01-01')).toBe('2025-03-31');
    expect(endOfQuarter('2025-04-01')).toBe('2025-06-30');
    expect(endOfQuarter('2025-06-30')).toBe('2025-06-30');
    expect(endOfQuarter('2025-08-15')).toBe('2025-09-30');
    expect(endOfQuarter('2025-11-30')).toBe('2025-12-31');
  });
});

describe('endOfYear', () => {
  it('returns 31 December of the same year', () => {
    expect(endOfYear('2025-01-01')).toBe('2025-12-31');
    expect(endOfYear('2025-12-31')).toBe('2025-12-31');
  });
});

describe('endOfPeriod', () => {
  it('rounds up to the end of the given period', () => {
    expect(endOfPeriod('2025-05-10', 'MONTH')).toBe('2025-05-31');
    expect(endOfPeriod('2025-05-10', 'QUARTER')).toBe('2025-06-30');
    expect(endOfPeriod('2025-05-10', 'YEAR')).toBe('2025-12-31');
  });
});

describe('lastPeriodEndOnOrBefore', () => {
  it('keeps a date that already ends its period', () => {
    expect(lastPeriodEndOnOrBefore('2025-06-30', 'QUARTER')).toBe('2025-06-30');
    expect(lastPeriodEndOnOrBefore('2024-02-29', 'MONTH')).toBe('2024-02-29');
    expect(lastPeriodEndOnOrBefore('2025-12-31', 'YEAR')).toBe('2025-12-31');
  });

  it('rounds down to the end of the previous period', () => {
    expect(lastPeriodEndOnOrBefore('2025-05-15', 'QUARTER')).toBe('2025-03-31');
    expect(lastPeriodEndOnOrBefore('2025-01-15', 'QUARTER')).toBe('2024-12-31');
    expect(lastPeriodEndOnOrBefore('2025-03-15', 'MONTH')).toBe('2025-02-28');
    expect(lastPeriodEndOnOrBefore('2028-03-30', 'MONTH')).toBe('2028-02-29');
    expect(lastPeriodEndOnOrBefore('2025-12-30', 'YEAR')).toBe('2024-12-31');
  });
});
