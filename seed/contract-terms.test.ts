import { describe, expect, it } from 'vitest';
import { addMonths, parseCalendarDate } from '../server/domain/calendar-date.ts';
import { drawContractTerms, type ContractTerms } from './contract-terms.ts';
import { Random } from './random.ts';

const REFERENCE = '2025-06-01';
const DATE_FIELDS = [
  'validFrom',
  'validTo',
  'irrevocableUntil',
  'terminatedAt',
  'procurementPlanYear',
  'procurementPlanQuarter',
] as const;

function draw(
  count: number,
  reference = REFERENCE,
  cycleMonths: number | null = null,
  seed = 1,
): ContractTerms[] {
  const random = Random.create(seed, 'terms');
  return Array.from({ length: count }, () =>
    drawContractTerms(random, reference, { role: 'primary', cycleMonths }),
  );
}

/** Whole calendar months from the reference month to the month of `iso`. */
const monthsFromReference = (iso: string) => {
  const monthIndex = (date: string) => {
    const parts = parseCalendarDate(date);
    if (!parts) throw new Error(`Not a calendar date: ${date}`);
    return parts.year * 12 + parts.month;
  };
  return monthIndex(iso) - monthIndex(REFERENCE);
};

describe('drawContractTerms', () => {
  it('draws the same numbers whatever the reference date, moving only the dates', () => {
    const a = Random.create(5, 'terms');
    const b = Random.create(5, 'terms');
    const later = '2027-02-17';
    let shifted = 0;
    for (let i = 0; i < 500; i++) {
      const x = drawContractTerms(a, REFERENCE, { role: 'primary', cycleMonths: 12 });
      const y = drawContractTerms(b, later, { role: 'primary', cycleMonths: 12 });
      const withoutDates = (t: ContractTerms) => ({
        ...t,
        ...Object.fromEntries(DATE_FIELDS.map((k) => [k, t[k] === null])),
      });
      expect(withoutDates(y)).toEqual(withoutDates(x));
      if (x.validTo !== y.validTo) shifted++;
    }
    expect(a.uint32()).toBe(b.uint32());
    expect(shifted).toBeGreaterThan(200);
  });

  it('spreads fixed terms from a few months ago to about six years ahead, most of them ahead', () => {
    const terms = draw(4_000);
    const fixed = terms.filter((t) => t.ongoing === false);
    const ongoing = terms.filter((t) => t.ongoing === true);
    expect(fixed.length / terms.length).toBeGreaterThan(0.5);
    expect(ongoing.length / terms.length).toBeGreaterThan(0.25);
    for (const t of fixed) {
      expect(t.validFrom! < t.validTo!).toBe(true);
      expect(t.validFrom! <= REFERENCE).toBe(true);
    }
    const ends = fixed.map((t) => monthsFromReference(t.validTo!));
    expect(Math.min(...ends)).toBeGreaterThanOrEqual(-42);
    expect(Math.max(...ends)).toBeLessThanOrEqual(77);
    expect(ends.filter((m) => m >= 0).length / ends.length).toBeGreaterThan(0.9);
    // Every month of the coming two years sees some ends.
    for (let month = 0; month < 24; month++)
      expect(ends.filter((m) => m === month).length).toBeGreaterThan(3);
    for (const t of ongoing) {
      expect(t.validTo).toBeNull();
      expect(t.durationYears).toBeNull();
      expect(t.validFrom! < REFERENCE).toBe(true);
    }
  });

  it('clusters the ends of one system around its contract cycle', () => {
    const ends = draw(1_000, REFERENCE, 30)
      .filter((t) => t.ongoing === false && t.validTo)
      .map((t) => monthsFromReference(t.validTo!));
    const near = ends.filter((m) => Math.abs(m - 30) <= 4).length;
    expect(near / ends.length).toBeGreaterThan(0.5);
  });

  it('uses realistic notice, extension and procurement values', () => {
    const terms = draw(4_000);
    const notice = terms.map((t) => t.noticeMonths).filter((n): n is number => n !== null);
    expect(notice.every((n) => n >= 1 && n <= 12)).toBe(true);
    const share = (n: number) => notice.filter((x) => x === n).length / notice.length;
    expect(share(3)).toBeGreaterThan(share(1));
    expect(share(6)).toBeGreaterThan(share(12));
    expect(terms.some((t) => t.noticeMonths === null)).toBe(true);
    expect(new Set(terms.map((t) => t.noticeByEndOf))).toEqual(
      new Set(['MONTH', 'QUARTER', 'YEAR', null]),
    );
    const counts: Record<string, number> = {
      '2 x 1 år': 2,
      '1 x 1 år': 1,
      '1 x ½ år': 1,
      '3 x 1 år': 3,
    };
    for (const t of terms.filter((x) => x.extensionOption)) {
      expect(t.extensionsUsed!).toBeLessThanOrEqual(counts[t.extensionOption!]!);
    }
    expect(
      terms.some((t) => t.irrevocableUntil && t.validTo && t.irrevocableUntil > t.validTo),
    ).toBe(true);
    expect(
      terms
        .filter((t) => t.procurementPlanYear !== null)
        .every((t) => t.procurementPlanQuarter! >= 1 && t.procurementPlanQuarter! <= 4),
    ).toBe(true);
    expect(terms.some((t) => t.enforcedValid === true)).toBe(true);
  });

  it('terminates some contracts recently, some still inside their notice period', () => {
    const terminated = draw(6_000).filter((t) => t.terminatedAt);
    expect(terminated.length).toBeGreaterThan(100);
    const today = REFERENCE;
    expect(terminated.every((t) => t.terminatedAt! < today)).toBe(true);
    const noticeEnd = (t: ContractTerms) => addMonths(t.terminatedAt!, t.noticeMonths ?? 0);
    expect(terminated.some((t) => noticeEnd(t) > today)).toBe(true);
    expect(terminated.some((t) => noticeEnd(t) < today)).toBe(true);
  });
});
