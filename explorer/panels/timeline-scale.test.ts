import { describe, expect, it } from 'vitest';
import { timeScale } from './timeline-scale.ts';

describe('timeScale', () => {
  it('spans whole years with a yearly tick each for long periods', () => {
    const scale = timeScale(['2025-03-31', '2028-06-30', '2026-01-01'], 0, 400);
    expect(scale.from).toBe('2025-01-01');
    expect(scale.to).toBe('2029-01-01');
    expect(scale.ticks.map((t) => t.label)).toEqual(['2025', '2026', '2027', '2028', '2029']);
    expect(scale.x('2025-01-01')).toBe(0);
    expect(scale.x('2029-01-01')).toBe(400);
    expect(scale.x('2027-01-01')).toBeCloseTo(200, 0);
  });

  it('ticks quarters for short periods and keeps dates in order', () => {
    const scale = timeScale(['2026-05-10', '2026-11-30'], 100, 300);
    expect(scale.from).toBe('2026-04-01');
    expect(scale.ticks[0]).toEqual({ date: '2026-04-01', label: '4/26' });
    expect(scale.x('2026-05-10')).toBeLessThan(scale.x('2026-11-30'));
  });

  it('copes with no dates', () => {
    expect(timeScale([], 0, 10).ticks.length).toBeGreaterThan(0);
  });
});
