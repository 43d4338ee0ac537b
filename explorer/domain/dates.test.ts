import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, formatDate, isIsoDate, today } from './dates.ts';

describe('dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('counts days and formats dates the Danish way', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(formatDate('2026-03-01')).toBe('1. mar. 2026');
    expect(formatDate(null)).toBe('–');
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
