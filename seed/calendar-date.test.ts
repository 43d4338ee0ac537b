import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  formatCalendarDate,
  monthEnd,
  monthStart,
  parseCalendarDate,
  withDay,
} from './calendar-date.ts';

const d = parseCalendarDate;
const f = formatCalendarDate;

describe('calendar dates', () => {
  it('parses and formats ISO dates and rejects impossible ones', () => {
    expect(f(d('2024-02-29'))).toBe('2024-02-29');
    expect(() => d('2025-02-29')).toThrow(/Invalid date "2025-02-29"/);
    expect(() => d('2025-13-01')).toThrow(/Invalid date/);
    expect(() => d('1 June 2025')).toThrow(/YYYY-MM-DD/);
  });

  it('adds months, clamping the day to the target month', () => {
    expect(f(addMonths(d('2025-01-31'), 1))).toBe('2025-02-28');
    expect(f(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(f(addMonths(d('2025-03-15'), -15))).toBe('2023-12-15');
    expect(f(addMonths(d('2025-11-30'), 3))).toBe('2026-02-28');
  });

  it('finds month starts and ends and moves by days', () => {
    expect(f(monthStart(d('2025-06-17'), -6))).toBe('2024-12-01');
    expect(f(monthEnd(d('2025-02-03')))).toBe('2025-02-28');
    expect(f(addDays(d('2025-03-01'), -1))).toBe('2025-02-28');
    expect(f(withDay(d('2025-04-01'), 31))).toBe('2025-04-30');
  });
});
