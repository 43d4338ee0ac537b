import { describe, expect, it } from 'vitest';
import { landscapeSize } from './landscape-size.ts';
import {
  MUNICIPALITIES,
  municipalityByCode,
  municipalityOrganizationName,
} from './municipalities.ts';

describe('landscapeSize', () => {
  it('follows population: about 1,000 usages for København, 500 for a typical and 300 for the smallest', () => {
    expect(landscapeSize(municipalityByCode(101)).usages).toBe(1000);
    expect(landscapeSize({ population: 50_000 }).usages).toBe(500);
    expect(landscapeSize(municipalityByCode(825)).usages).toBe(300);
    expect(landscapeSize(municipalityByCode(751)).usages).toBeGreaterThan(
      landscapeSize(municipalityByCode(630)).usages,
    );
  });

  it('keeps every municipality within 300-1,000 usages and 300-720 units', () => {
    for (const m of MUNICIPALITIES) {
      const size = landscapeSize(m);
      expect(size.usages).toBeGreaterThanOrEqual(300);
      expect(size.usages).toBeLessThanOrEqual(1000);
      expect(size.orgUnits).toBeGreaterThanOrEqual(300);
      expect(size.orgUnits).toBeLessThanOrEqual(720);
    }
  });
});

describe('MUNICIPALITIES', () => {
  it('lists all 98 municipalities with unique codes in five regions', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.region)).size).toBe(5);
    expect(municipalityOrganizationName(municipalityByCode(101))).toBe('Københavns Kommune');
    expect(municipalityOrganizationName(municipalityByCode(751))).toBe('Aarhus Kommune');
    expect(() => municipalityByCode(999)).toThrow(/Unknown municipality code 999/);
  });
});
