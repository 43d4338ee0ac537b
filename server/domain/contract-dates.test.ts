import { describe, expect, it } from 'vitest';
import { addDays, compareCalendarDates } from './calendar-date.ts';
import type { CalendarPeriod } from './calendar-date.ts';
import {
  contractValidityAt,
  decideBy,
  deadlinesDependOnAsOf,
  DEFAULT_TENDER_LEAD_TIMES,
  deriveContractDates,
  earliestEnd,
  latestPossibleEnd,
  noticeDeadline,
  normaliseProcurementStrategy,
  parseExtensionOption,
  remainingExtensions,
  resolveTenderLeadTime,
} from './contract-dates.ts';
import type { ContractTerms, Derived, ParentLookup } from './contract-dates.ts';

function aContract(terms: Partial<ContractTerms> = {}): ContractTerms {
  return { id: 'c-esdh', name: 'ESDH', ...terms };
}

function byId(...contracts: ContractTerms[]): Map<string, ContractTerms> {
  return new Map(contracts.map((contract) => [contract.id, contract]));
}

function parentsFrom(contracts: Map<string, ContractTerms>, parentOf: Record<string, string>) {
  const lookup: ParentLookup = (contract) => {
    const parentId = parentOf[contract.id];
    return parentId === undefined ? null : (contracts.get(parentId) ?? null);
  };
  return lookup;
}

const noParent: ParentLookup = () => null;

function valueOf<T>(derived: Derived<T>): T {
  if (!derived.known) throw new Error(`Expected a known value, got: ${derived.reason}`);
  return derived.value;
}

function noteOf<T>(derived: Derived<T>): string {
  if (!derived.known) throw new Error(`Expected a known value, got: ${derived.reason}`);
  return derived.note ?? '';
}

function reasonOf<T>(derived: Derived<T>): string {
  if (derived.known) throw new Error(`Expected unknown, got: ${String(derived.value)}`);
  return derived.reason;
}

describe('contractValidityAt', () => {
  const fixedTerm = aContract({ validFrom: '2024-01-01', validTo: '2026-12-31' });

  it('counts validFrom and validTo as active days', () => {
    expect(contractValidityAt(fixedTerm, '2024-01-01', noParent)).toMatchObject({
      active: true,
      errors: [],
    });
    expect(contractValidityAt(fixedTerm, '2026-12-31', noParent)).toMatchObject({
      active: true,
      errors: [],
    });
  });

  it('reports START_DATE_NOT_PASSED before validFrom', () => {
    expect(contractValidityAt(fixedTerm, '2023-12-31', noParent)).toMatchObject({
      active: false,
      errors: ['START_DATE_NOT_PASSED'],
    });
  });

  it('reports END_DATE_PASSED after validTo', () => {
    expect(contractValidityAt(fixedTerm, '2027-01-01', noParent)).toMatchObject({
      active: false,
      errors: ['END_DATE_PASSED'],
    });
  });

  it('treats missing dates as open, as Kitos does', () => {
    expect(contractValidityAt(aContract(), '1990-01-01', noParent)).toEqual({
      active: true,
      errors: [],
      dataIssues: [],
    });
  });

  describe('terminated contract', () => {
    const terminated = aContract({
      validTo: '2030-12-31',
      terminatedAt: '2025-01-31',
      noticeMonths: 1,
      noticeByEndOf: 'QUARTER',
      irrevocableUntil: '2025-12-31',
    });

    it('stays active until terminatedAt + noticeMonths, ignoring noticeByEndOf and irrevocableUntil', () => {
      expect(contractValidityAt(terminated, '2025-02-28', noParent)).toMatchObject({
        active: true,
        errors: [],
      });
    });

    it('reports TERMINATION_PERIOD_EXCEEDED the day after the notice period', () => {
      expect(contractValidityAt(terminated, '2025-03-01', noParent)).toMatchObject({
        active: false,
        errors: ['TERMINATION_PERIOD_EXCEEDED'],
      });
    });

    it('counts a missing notice period as 0 months', () => {
      const immediate = aContract({ terminatedAt: '2025-03-10' });
      expect(contractValidityAt(immediate, '2025-03-10', noParent).active).toBe(true);
      expect(contractValidityAt(immediate, '2025-03-11', noParent).errors).toEqual([
        'TERMINATION_PERIOD_EXCEEDED',
      ]);
    });
  });

  it('lets enforcedValid win over every error while still listing them', () => {
    const forced = aContract({
      validTo: '2020-12-31',
      terminatedAt: '2020-06-01',
      noticeMonths: 3,
      enforcedValid: true,
    });
    expect(contractValidityAt(forced, '2025-01-01', noParent)).toMatchObject({
      active: true,
      errors: ['END_DATE_PASSED', 'TERMINATION_PERIOD_EXCEEDED'],
    });
  });

  describe('requireValidParent', () => {
    const activeParent = aContract({ id: 'parent', name: 'Rammeaftale', validTo: '2030-12-31' });
    const expiredParent = aContract({ id: 'parent', name: 'Rammeaftale', validTo: '2020-12-31' });

    it('follows an active parent even when the contract itself has expired', () => {
      const child = aContract({ id: 'child', validTo: '2020-12-31', requireValidParent: true });
      const getParent = parentsFrom(byId(child, activeParent), { child: 'parent' });
      expect(contractValidityAt(child, '2025-01-01', getParent)).toMatchObject({
        active: true,
        errors: ['END_DATE_PASSED'],
      });
    });

    it('reports INVALID_PARENT_CONTRACT when the parent is inactive', () => {
      const child = aContract({ id: 'child', validTo: '2030-12-31', requireValidParent: true });
      const getParent = parentsFrom(byId(child, expiredParent), { child: 'parent' });
      expect(contractValidityAt(child, '2025-01-01', getParent)).toMatchObject({
        active: false,
        errors: ['INVALID_PARENT_CONTRACT'],
      });
    });

    it('reports INVALID_PARENT_CONTRACT when the parent is missing', () => {
      const child = aContract({ id: 'child', requireValidParent: true });
      expect(contractValidityAt(child, '2025-01-01', noParent)).toMatchObject({
        active: false,
        errors: ['INVALID_PARENT_CONTRACT'],
      });
    });

    it('accepts a parent that is only active because it is enforced valid', () => {
      const child = aContract({ id: 'child', requireValidParent: true });
      const forcedParent = { ...expiredParent, enforcedValid: true };
      const getParent = parentsFrom(byId(child, forcedParent), { child: 'parent' });
      expect(contractValidityAt(child, '2025-01-01', getParent).active).toBe(true);
    });

    it('follows the parent chain to an inactive grandparent', () => {
      const grandparent = aContract({ id: 'a', validTo: '2020-12-31' });
      const parent = aContract({ id: 'b', requireValidParent: true });
      const child = aContract({ id: 'c', requireValidParent: true });
      const getParent = parentsFrom(byId(grandparent, parent, child), { c: 'b', b: 'a' });
      expect(contractValidityAt(child, '2025-01-01', getParent)).toMatchObject({
        active: false,
        errors: ['INVALID_PARENT_CONTRACT'],
      });
    });

    it('treats a parent cycle as an invalid parent instead of looping', () => {
      const first = aContract({ id: 'a', name: 'A', requireValidParent: true });
      const second = aContract({ id: 'b', name: 'B', requireValidParent: true });
      const getParent = parentsFrom(byId(first, second), { a: 'b', b: 'a' });
      const validity = contractValidityAt(first, '2025-01-01', getParent);
      expect(validity).toMatchObject({ active: false, errors: ['INVALID_PARENT_CONTRACT'] });
    });

    it('reports a contract that is its own parent as a cycle', () => {
      const selfParent = aContract({ id: 'a', name: 'A', requireValidParent: true });
      const validity = contractValidityAt(selfParent, '2025-01-01', () => selfParent);
      expect(validity.active).toBe(false);
      expect(validity.dataIssues).toEqual(['Contract "A" has a parent cycle through contract "a"']);
    });

    it('lets enforcedValid win over a missing parent', () => {
      const child = aContract({ requireValidParent: true, enforcedValid: true });
      expect(contractValidityAt(child, '2025-01-01', noParent)).toMatchObject({
        active: true,
        errors: ['INVALID_PARENT_CONTRACT'],
      });
    });

    it('ignores the parent when requireValidParent is off', () => {
      const child = aContract({ id: 'child', validTo: '2030-12-31' });
      const getParent = parentsFrom(byId(child, expiredParent), { child: 'parent' });
      expect(contractValidityAt(child, '2025-01-01', getParent)).toMatchObject({
        active: true,
        errors: [],
      });
    });
  });

  it('treats a malformed date as empty and reports it as a data issue', () => {
    const validity = contractValidityAt(
      aContract({ validTo: '2025-02-30' }),
      '2026-01-01',
      noParent,
    );
    expect(validity).toEqual({
      active: true,
      errors: [],
      dataIssues: [
        'Contract "ESDH" has an invalid validTo "2025-02-30" (expected YYYY-MM-DD); treated as empty',
      ],
    });
  });

  it('throws RangeError when the date argument is not a calendar date', () => {
    expect(() => contractValidityAt(aContract(), '01-01-2025', noParent)).toThrow(RangeError);
  });
});

describe('parseExtensionOption', () => {
  it.each([
    ['2 x 1 år', { count: 2, monthsEach: 12 }],
    ['1 x 1 år', { count: 1, monthsEach: 12 }],
    ['3 x 1 år', { count: 3, monthsEach: 12 }],
    ['1 x ½ år', { count: 1, monthsEach: 6 }],
    ['1 x 0,5 år', { count: 1, monthsEach: 6 }],
    ['2 X 1½ ÅR', { count: 2, monthsEach: 18 }],
    ['1x6 måneder', { count: 1, monthsEach: 6 }],
    ['4 × 3 mdr.', { count: 4, monthsEach: 3 }],
    ['1 x 1.5 years', { count: 1, monthsEach: 18 }],
  ])('reads %s', (text, expected) => {
    expect(parseExtensionOption(text)).toEqual(expected);
  });

  it.each(['Forlængelse efter aftale', '2 x år', 'x 1 år', '2 x 1 uge', '1 x 0,3 år', '1 x 0 år'])(
    'rejects %s',
    (text) => {
      expect(parseExtensionOption(text)).toBeNull();
    },
  );
});

describe('remainingExtensions', () => {
  it('subtracts used extensions from "2 x 1 år"', () => {
    const contract = aContract({ extensionOption: '2 x 1 år', extensionsUsed: 1 });
    expect(remainingExtensions(contract)).toEqual({
      known: true,
      value: { offered: 2, used: 1, remaining: 1, monthsEach: 12, remainingMonths: 12 },
    });
  });

  it('reads "1 x ½ år" as one six-month extension', () => {
    const contract = aContract({ extensionOption: '1 x ½ år' });
    expect(valueOf(remainingExtensions(contract))).toEqual({
      offered: 1,
      used: 0,
      remaining: 1,
      monthsEach: 6,
      remainingMonths: 6,
    });
  });

  it('gives zero remaining without an option', () => {
    expect(valueOf(remainingExtensions(aContract({ extensionsUsed: 2 })))).toMatchObject({
      remaining: 0,
      remainingMonths: 0,
    });
  });

  it('never goes below zero and notes the over-use', () => {
    const contract = aContract({ extensionOption: '1 x ½ år', extensionsUsed: 20 });
    const result = remainingExtensions(contract);
    expect(valueOf(result)).toMatchObject({ remaining: 0, remainingMonths: 0 });
    expect(result).toMatchObject({
      note: 'Contract "ESDH" has used 20 extensions but the option "1 x ½ år" offers 1',
    });
  });

  it('is unknown, naming the contract and the text, when the option does not parse', () => {
    const contract = aContract({ extensionOption: 'efter aftale' });
    expect(reasonOf(remainingExtensions(contract))).toBe(
      'Contract "ESDH" has an extension option that cannot be read: "efter aftale" (expected e.g. "2 x 1 år")',
    );
  });

  it('is unknown when extensionsUsed is negative', () => {
    const contract = aContract({ extensionOption: '2 x 1 år', extensionsUsed: -1 });
    expect(reasonOf(remainingExtensions(contract))).toContain('invalid extensionsUsed -1');
  });
});

describe('latestPossibleEnd', () => {
  it('adds the remaining extensions of "2 x 1 år" with one used', () => {
    const contract = aContract({
      validTo: '2026-06-30',
      extensionOption: '2 x 1 år',
      extensionsUsed: 1,
    });
    expect(valueOf(latestPossibleEnd(contract))).toBe('2027-06-30');
  });

  it('clamps a six-month extension from 31 August to the end of February', () => {
    const contract = aContract({ validTo: '2025-08-31', extensionOption: '1 x ½ år' });
    expect(valueOf(latestPossibleEnd(contract))).toBe('2026-02-28');
  });

  it('adds several extensions from validTo in one step so month ends do not drift', () => {
    const contract = aContract({ validTo: '2025-08-31', extensionOption: '2 x ½ år' });
    expect(valueOf(latestPossibleEnd(contract))).toBe('2026-08-31');
  });

  it('moves 29 February 2028 by one year to 28 February 2029', () => {
    const contract = aContract({ validTo: '2028-02-29', extensionOption: '1 x 1 år' });
    expect(valueOf(latestPossibleEnd(contract))).toBe('2029-02-28');
  });

  it('is validTo when no extensions remain', () => {
    const contract = aContract({
      validTo: '2026-06-30',
      extensionOption: '2 x 1 år',
      extensionsUsed: 2,
    });
    expect(valueOf(latestPossibleEnd(contract))).toBe('2026-06-30');
  });

  it('is known to be open for an ongoing contract', () => {
    expect(latestPossibleEnd(aContract({ ongoing: true, noticeMonths: 3 }))).toEqual({
      known: true,
      value: null,
      note: 'Contract "ESDH" is ongoing (løbende): it has no latest end',
    });
  });

  it('is the end of the notice period for a terminated contract', () => {
    const contract = aContract({
      validTo: '2027-12-31',
      extensionOption: '2 x 1 år',
      terminatedAt: '2025-01-15',
      noticeMonths: 3,
    });
    expect(valueOf(latestPossibleEnd(contract))).toBe('2025-04-15');
  });

  it('is unknown for a fixed-term contract without validTo', () => {
    expect(reasonOf(latestPossibleEnd(aContract({ extensionOption: '2 x 1 år' })))).toBe(
      'Contract "ESDH" has no end date (validTo) and is not marked ongoing (løbende)',
    );
  });

  it('is unknown when the extension option does not parse', () => {
    const contract = aContract({ validTo: '2026-06-30', extensionOption: '2 gange 1 år' });
    expect(reasonOf(latestPossibleEnd(contract))).toContain('"2 gange 1 år"');
  });

  it('is unknown instead of throwing when extensions pass year 9999', () => {
    const contract = aContract({ validTo: '9999-12-31', extensionOption: '1 x 1 år' });
    expect(reasonOf(latestPossibleEnd(contract))).toContain('beyond the supported calendar');
  });
});

describe('earliestEnd', () => {
  describe('ongoing contract', () => {
    const quarterly = aContract({ ongoing: true, noticeMonths: 3, noticeByEndOf: 'QUARTER' });

    it('rounds notice up to the end of the quarter', () => {
      expect(valueOf(earliestEnd(quarterly, '2025-02-10'))).toBe('2025-06-30');
    });

    it('reaches the quarter end exactly from its last possible day', () => {
      expect(valueOf(earliestEnd(quarterly, '2025-03-31'))).toBe('2025-06-30');
      expect(valueOf(earliestEnd(quarterly, '2025-04-01'))).toBe('2025-09-30');
    });

    it('rounds notice up to the end of the calendar year', () => {
      const yearly = aContract({ ongoing: true, noticeMonths: 6, noticeByEndOf: 'YEAR' });
      expect(valueOf(earliestEnd(yearly, '2025-06-30'))).toBe('2025-12-31');
      expect(valueOf(earliestEnd(yearly, '2025-07-01'))).toBe('2026-12-31');
    });

    it('rounds notice up to the end of the month, clamping from 31 January', () => {
      const monthly = aContract({ ongoing: true, noticeMonths: 1, noticeByEndOf: 'MONTH' });
      expect(valueOf(earliestEnd(monthly, '2025-01-31'))).toBe('2025-02-28');
      expect(valueOf(earliestEnd(monthly, '2025-02-01'))).toBe('2025-03-31');
    });

    it('ends exactly noticeMonths later without an end-of-period rule', () => {
      const plain = aContract({ ongoing: true, noticeMonths: 1 });
      expect(valueOf(earliestEnd(plain, '2028-01-31'))).toBe('2028-02-29');
    });

    it('waits for irrevocableUntil after the natural earliest end, rounded up the same way', () => {
      const irrevocable = { ...quarterly, irrevocableUntil: '2026-08-15' };
      expect(earliestEnd(irrevocable, '2025-02-10')).toEqual({
        known: true,
        value: '2026-09-30',
        note: 'Contract "ESDH" is irrevocable until 2026-08-15 (irrevocableUntil); notice given on 2025-02-10 would otherwise end it on 2025-06-30',
      });
    });

    it('ends on irrevocableUntil itself without an end-of-period rule', () => {
      const irrevocable = aContract({
        ongoing: true,
        noticeMonths: 3,
        irrevocableUntil: '2026-08-15',
      });
      expect(valueOf(earliestEnd(irrevocable, '2025-02-10'))).toBe('2026-08-15');
    });

    it('ignores an irrevocableUntil that has passed by the natural earliest end', () => {
      const lapsed = { ...quarterly, irrevocableUntil: '2025-04-01' };
      expect(earliestEnd(lapsed, '2025-02-10')).toEqual({ known: true, value: '2025-06-30' });
    });

    it('is unknown without notice terms', () => {
      expect(earliestEnd(aContract({ ongoing: true }), '2025-02-10')).toEqual({
        known: false,
        reason: 'Contract "ESDH" is ongoing (løbende) but has no notice period (noticeMonths)',
      });
    });

    it('is unknown when noticeMonths is not a whole number', () => {
      const fractional = aContract({ ongoing: true, noticeMonths: 2.5 });
      expect(reasonOf(earliestEnd(fractional, '2025-02-10'))).toBe(
        'Contract "ESDH" has an invalid noticeMonths 2.5 (expected a whole number of months, 0 or more)',
      );
    });

    it('is unknown when noticeByEndOf is not a known period', () => {
      const weekly = aContract({
        ongoing: true,
        noticeMonths: 1,
        noticeByEndOf: 'WEEK' as unknown as CalendarPeriod,
      });
      expect(reasonOf(earliestEnd(weekly, '2025-02-10'))).toContain('invalid noticeByEndOf "WEEK"');
    });

    it('notes a validTo that it does not treat as the end', () => {
      const withValidTo = { ...quarterly, validTo: '2025-04-30' };
      const result = earliestEnd(withValidTo, '2025-02-10');
      expect(valueOf(result)).toBe('2025-06-30');
      expect(noteOf(result)).toContain('validTo 2025-04-30');
    });
  });

  describe('terminated contract', () => {
    it('ends at terminatedAt + noticeMonths rounded up, whatever the as-of date', () => {
      const terminated = aContract({
        ongoing: true,
        terminatedAt: '2025-02-10',
        noticeMonths: 3,
        noticeByEndOf: 'QUARTER',
      });
      expect(valueOf(earliestEnd(terminated, '2025-02-10'))).toBe('2025-06-30');
      expect(valueOf(earliestEnd(terminated, '2025-08-01'))).toBe('2025-06-30');
    });

    it('does not end before irrevocableUntil', () => {
      const terminated = aContract({
        ongoing: true,
        terminatedAt: '2025-02-10',
        noticeMonths: 3,
        noticeByEndOf: 'MONTH',
        irrevocableUntil: '2025-12-15',
      });
      expect(valueOf(earliestEnd(terminated, '2025-03-01'))).toBe('2025-12-31');
    });

    it('ends at validTo when a fixed term runs out before the notice does', () => {
      const terminated = aContract({
        validTo: '2025-04-30',
        terminatedAt: '2025-02-10',
        noticeMonths: 3,
      });
      const result = earliestEnd(terminated, '2025-03-01');
      expect(valueOf(result)).toBe('2025-04-30');
      expect(result).toMatchObject({
        note: 'Contract "ESDH" expires on 2025-04-30 (validTo), before its notice takes effect on 2025-05-10',
      });
    });

    it('ends on terminatedAt without a notice period, as Kitos assumes', () => {
      const terminated = aContract({ ongoing: true, terminatedAt: '2025-02-10' });
      const result = earliestEnd(terminated, '2025-03-01');
      expect(valueOf(result)).toBe('2025-02-10');
      expect(noteOf(result)).toContain('as Kitos does');
    });

    it('is unknown when terminatedAt is malformed', () => {
      const terminated = aContract({ ongoing: true, terminatedAt: '10-02-2025', noticeMonths: 3 });
      expect(reasonOf(earliestEnd(terminated, '2025-03-01'))).toBe(
        'Contract "ESDH" has an invalid terminatedAt "10-02-2025" (expected YYYY-MM-DD)',
      );
    });
  });

  describe('fixed-term contract', () => {
    it('ends at validTo even with notice terms', () => {
      const fixed = aContract({ validTo: '2026-12-31', noticeMonths: 3, noticeByEndOf: 'QUARTER' });
      expect(earliestEnd(fixed, '2025-01-01')).toEqual({ known: true, value: '2026-12-31' });
    });

    it('still ends at validTo when irrevocableUntil is after the expiry, with a note', () => {
      const fixed = aContract({ validTo: '2026-12-31', irrevocableUntil: '2027-06-30' });
      expect(earliestEnd(fixed, '2025-01-01')).toEqual({
        known: true,
        value: '2026-12-31',
        note: 'Contract "ESDH" is irrevocable until 2027-06-30, after it expires on 2026-12-31 (validTo); it still ends on validTo',
      });
    });

    it('is unknown without validTo', () => {
      expect(reasonOf(earliestEnd(aContract({ noticeMonths: 3 }), '2025-01-01'))).toBe(
        'Contract "ESDH" has no end date (validTo) and is not marked ongoing (løbende)',
      );
    });
  });

  it('throws RangeError when asOf is not a calendar date', () => {
    expect(() => earliestEnd(aContract({ validTo: '2026-12-31' }), '2025-1-1')).toThrow(RangeError);
  });
});

describe('noticeDeadline', () => {
  it('gives 31 March for three months to the end of the quarter ending 30 June', () => {
    const contract = aContract({ noticeMonths: 3, noticeByEndOf: 'QUARTER' });
    expect(noticeDeadline(contract, '2025-06-30')).toEqual({ known: true, value: '2025-03-31' });
  });

  it('gives 31 January for one month ending 28 February', () => {
    expect(valueOf(noticeDeadline(aContract({ noticeMonths: 1 }), '2025-02-28'))).toBe(
      '2025-01-31',
    );
  });

  it('gives 31 January for one month to the end of February in a leap year', () => {
    const contract = aContract({ noticeMonths: 1, noticeByEndOf: 'MONTH' });
    expect(valueOf(noticeDeadline(contract, '2024-02-29'))).toBe('2024-01-31');
  });

  it('gives the end of February for six months ending 31 August', () => {
    const contract = aContract({ noticeMonths: 6 });
    expect(valueOf(noticeDeadline(contract, '2025-08-31'))).toBe('2025-02-28');
    expect(valueOf(noticeDeadline(contract, '2024-08-31'))).toBe('2024-02-29');
  });

  it('gives 30 September for three months to the end of the year', () => {
    const contract = aContract({ noticeMonths: 3, noticeByEndOf: 'YEAR' });
    expect(valueOf(noticeDeadline(contract, '2026-12-31'))).toBe('2026-09-30');
  });

  it('aims at the last period end on or before an end date inside a period, with a note', () => {
    const contract = aContract({ noticeMonths: 3, noticeByEndOf: 'MONTH' });
    expect(noticeDeadline(contract, '2025-05-15')).toEqual({
      known: true,
      value: '2025-01-31',
      note: 'Notice runs to the end of a month; the last such end on or before 2025-05-15 is 2025-04-30',
    });
    const quarterly = aContract({ noticeMonths: 3, noticeByEndOf: 'QUARTER' });
    expect(valueOf(noticeDeadline(quarterly, '2025-05-15'))).toBe('2024-12-31');
  });

  it('is the end date itself with zero months of notice', () => {
    expect(valueOf(noticeDeadline(aContract({ noticeMonths: 0 }), '2025-05-15'))).toBe(
      '2025-05-15',
    );
  });

  it('is unknown when irrevocableUntil is after the end date', () => {
    const contract = aContract({
      noticeMonths: 3,
      noticeByEndOf: 'QUARTER',
      irrevocableUntil: '2026-08-15',
    });
    expect(reasonOf(noticeDeadline(contract, '2026-06-30'))).toBe(
      'Contract "ESDH" cannot end by 2026-06-30: it is irrevocable until 2026-08-15 (irrevocableUntil) and notice runs to the end of a quarter',
    );
    expect(valueOf(noticeDeadline(contract, '2026-09-30'))).toBe('2026-06-30');
  });

  it('allows ending on the irrevocableUntil date itself', () => {
    const contract = aContract({ noticeMonths: 3, irrevocableUntil: '2026-06-30' });
    expect(valueOf(noticeDeadline(contract, '2026-06-30'))).toBe('2026-03-31');
  });

  it('is unknown without a notice period', () => {
    expect(noticeDeadline(aContract(), '2026-06-30')).toEqual({
      known: false,
      reason: 'Contract "ESDH" has no notice period (noticeMonths)',
    });
  });

  it('is the latest notice day that still ends the contract in time, for every end date of 2027–2028', () => {
    const failures: string[] = [];
    const periods: (CalendarPeriod | null)[] = [null, 'MONTH', 'QUARTER', 'YEAR'];
    for (const noticeByEndOf of periods) {
      for (const noticeMonths of [0, 1, 2, 3, 6, 12]) {
        const contract = aContract({ ongoing: true, noticeMonths, noticeByEndOf });
        for (let endDate = '2027-01-01'; endDate <= '2028-12-31'; endDate = addDays(endDate, 1)) {
          const deadline = valueOf(noticeDeadline(contract, endDate));
          const endIfGiven = valueOf(earliestEnd(contract, deadline));
          const endIfLate = valueOf(earliestEnd(contract, addDays(deadline, 1)));
          if (
            compareCalendarDates(endIfGiven, endDate) > 0 ||
            compareCalendarDates(endIfLate, endDate) <= 0
          ) {
            failures.push(`${noticeByEndOf} ${noticeMonths} ${endDate}: ${deadline}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('normaliseProcurementStrategy', () => {
  it('lower-cases and turns dashes and spacing into single spaces', () => {
    expect(normaliseProcurementStrategy('  SKI – Mini‑udbud ')).toBe('ski mini udbud');
    expect(normaliseProcurementStrategy('Underhåndsbud')).toBe('underhåndsbud');
  });

  it('produces the keys of DEFAULT_TENDER_LEAD_TIMES from the Kitos option names', () => {
    const kitosNames = [
      'Direkte tildeling',
      'Annoncering',
      'Udbud',
      'EU udbud',
      'Mini-udbud',
      'SKI - direkte tildeling',
      'SKI - mini-udbud',
      'Underhåndsbud',
    ];
    expect(kitosNames.map(normaliseProcurementStrategy).sort()).toEqual(
      Object.keys(DEFAULT_TENDER_LEAD_TIMES).sort(),
    );
  });
});

describe('resolveTenderLeadTime', () => {
  it.each([
    ['EU udbud', 12],
    ['Udbud', 9],
    ['Mini-udbud', 4],
    ['SKI - mini-udbud', 4],
    ['Annoncering', 3],
    ['Underhåndsbud', 2],
    ['SKI - direkte tildeling', 2],
    ['Direkte tildeling', 1],
  ])('gives %s a lead time of %i months', (strategy, months) => {
    expect(resolveTenderLeadTime(strategy)).toEqual({ months, assumed: false });
  });

  it.each([
    ['EU-udbud', 12],
    ['ski – MINI udbud', 4],
    ['Miniudbud', 4],
    ['  direkte   tildeling ', 1],
  ])('matches the spelling variant %s', (strategy, months) => {
    expect(resolveTenderLeadTime(strategy).months).toBe(months);
  });

  it('assumes six months for a missing strategy and says so', () => {
    expect(resolveTenderLeadTime(null)).toEqual({
      months: 6,
      assumed: true,
      note: 'No procurement strategy; assumes a tender lead time of 6 months',
    });
  });

  it('assumes six months for an unknown strategy and names it', () => {
    expect(resolveTenderLeadTime('Dynamisk indkøbssystem')).toEqual({
      months: 6,
      assumed: true,
      note: 'Unknown procurement strategy "Dynamisk indkøbssystem"; assumes a tender lead time of 6 months',
    });
  });

  it('merges a custom table over the defaults and uses a custom default', () => {
    const options = {
      leadTimesMonths: { 'EU-UDBUD': 15, 'Dynamisk indkøbssystem': 5 },
      defaultLeadTimeMonths: 8,
    };
    expect(resolveTenderLeadTime('EU udbud', options).months).toBe(15);
    expect(resolveTenderLeadTime('Dynamisk indkøbssystem', options).months).toBe(5);
    expect(resolveTenderLeadTime('Udbud', options).months).toBe(9);
    expect(resolveTenderLeadTime('Konkurrencepræget dialog', options)).toMatchObject({
      months: 8,
      assumed: true,
    });
  });

  it('throws RangeError on a misconfigured lead time', () => {
    expect(() => resolveTenderLeadTime('Udbud', { leadTimesMonths: { Udbud: -1 } })).toThrow(
      RangeError,
    );
    expect(() => resolveTenderLeadTime('Udbud', { defaultLeadTimeMonths: 1.5 })).toThrow(
      RangeError,
    );
  });
});

describe('decideBy', () => {
  describe('fixed-term contract without remaining extensions', () => {
    it.each([
      ['EU udbud', '2025-08-31'],
      ['Udbud', '2025-11-30'],
      ['Mini-udbud', '2026-04-30'],
      ['SKI - mini-udbud', '2026-04-30'],
      ['Annoncering', '2026-05-31'],
      ['Underhåndsbud', '2026-06-30'],
      ['SKI - direkte tildeling', '2026-06-30'],
      ['Direkte tildeling', '2026-07-31'],
    ])('counts the %s lead time back from validTo 31 August 2026 to %s', (strategy, expected) => {
      const contract = aContract({ validTo: '2026-08-31', procurementStrategy: strategy });
      expect(decideBy(contract, '2025-01-01')).toEqual({ known: true, value: expected });
    });

    it('assumes the default lead time for a missing strategy, with a note', () => {
      expect(decideBy(aContract({ validTo: '2026-08-31' }), '2025-01-01')).toEqual({
        known: true,
        value: '2026-02-28',
        note: 'No procurement strategy; assumes a tender lead time of 6 months',
      });
    });

    it('uses a custom lead-time table', () => {
      const contract = aContract({ validTo: '2026-12-31', procurementStrategy: 'EU udbud' });
      const options = { leadTimesMonths: { 'EU udbud': 18 } };
      expect(valueOf(decideBy(contract, '2025-01-01', options))).toBe('2025-06-30');
    });
  });

  it('counts from the notice deadline of a fixed-term contract with remaining extensions', () => {
    const contract = aContract({
      validTo: '2026-12-31',
      extensionOption: '2 x 1 år',
      extensionsUsed: 1,
      noticeMonths: 6,
      procurementStrategy: 'SKI - mini-udbud',
    });
    expect(decideBy(contract, '2025-01-01')).toEqual({ known: true, value: '2026-02-28' });
  });

  it('counts from validTo once every extension is used, even with a notice period', () => {
    const contract = aContract({
      validTo: '2026-12-31',
      extensionOption: '2 x 1 år',
      extensionsUsed: 2,
      noticeMonths: 6,
      procurementStrategy: 'Direkte tildeling',
    });
    expect(decideBy(contract, '2025-01-01')).toEqual({ known: true, value: '2026-11-30' });
  });

  it('falls back to validTo for remaining extensions without a notice period, with a note', () => {
    const contract = aContract({
      validTo: '2026-12-31',
      extensionOption: '1 x 1 år',
      procurementStrategy: 'Udbud',
    });
    expect(decideBy(contract, '2025-01-01')).toEqual({
      known: true,
      value: '2026-03-31',
      note: 'Contract "ESDH" has 1 remaining extension(s) but no notice period (noticeMonths); decide-by counts from validTo 2026-12-31',
    });
  });

  it('is unknown when irrevocableUntil keeps an extendable contract alive past validTo', () => {
    const contract = aContract({
      validTo: '2026-12-31',
      extensionOption: '1 x 1 år',
      noticeMonths: 3,
      irrevocableUntil: '2027-06-30',
    });
    expect(reasonOf(decideBy(contract, '2025-01-01'))).toBe(
      'Contract "ESDH" cannot end by 2026-12-31: it is irrevocable until 2027-06-30 (irrevocableUntil)',
    );
  });

  it('is unknown when the extension option cannot be read', () => {
    const contract = aContract({ validTo: '2026-12-31', extensionOption: 'efter aftale' });
    expect(reasonOf(decideBy(contract, '2025-01-01'))).toContain('"efter aftale"');
  });

  it('counts from the notice deadline for the earliest end of an ongoing contract', () => {
    const contract = aContract({
      ongoing: true,
      noticeMonths: 3,
      noticeByEndOf: 'QUARTER',
      procurementStrategy: 'Direkte tildeling',
    });
    expect(valueOf(decideBy(contract, '2025-02-10'))).toBe('2025-02-28');
  });

  it('is unknown for an ongoing contract without notice terms', () => {
    const contract = aContract({ ongoing: true, procurementStrategy: 'Udbud' });
    expect(reasonOf(decideBy(contract, '2025-02-10'))).toBe(
      'Contract "ESDH" is ongoing (løbende) but has no notice period (noticeMonths)',
    );
  });
});

describe('deadlinesDependOnAsOf', () => {
  const contracts: ContractTerms[] = [
    aContract({ validTo: '2027-06-30', noticeMonths: 3 }),
    aContract({ validTo: '2027-06-30', noticeMonths: 6, noticeByEndOf: 'QUARTER' }),
    aContract({ validTo: '2026-12-31', extensionOption: '2 x 1 år', extensionsUsed: 1 }),
    aContract({ validTo: '2026-12-31', procurementStrategy: 'EU udbud', noticeMonths: 1 }),
    aContract({ validTo: '2026-02-28', irrevocableUntil: '2027-01-01', noticeMonths: 2 }),
    aContract({ terminatedAt: '2026-03-15', noticeMonths: 3, noticeByEndOf: 'MONTH' }),
    aContract({ ongoing: true, terminatedAt: '2026-05-31', noticeMonths: 6 }),
    aContract({ ongoing: true, terminatedAt: 'soon', noticeMonths: 6 }),
    aContract({ ongoing: true, noticeMonths: 3, noticeByEndOf: 'YEAR' }),
    aContract({ ongoing: true, noticeMonths: 1, irrevocableUntil: '2027-03-31' }),
    aContract({ ongoing: true, terminatedAt: '  ', noticeMonths: 2 }),
    aContract({ ongoing: true }),
    aContract({}),
  ];
  const dates = ['2025-01-31', '2026-02-28', '2026-11-22', '2028-02-29', '2031-07-01'];
  const deadlinesAt = (contract: ContractTerms, asOf: string) => {
    const { plannedEnd, noticeDeadline, tenderLeadTime, decideBy } = deriveContractDates(
      contract,
      asOf,
    );
    return { plannedEnd, noticeDeadline, tenderLeadTime, decideBy };
  };

  it('is false only where every deadline is the same at any asOf', () => {
    for (const contract of contracts.filter((c) => !deadlinesDependOnAsOf(c))) {
      const first = deadlinesAt(contract, dates[0]!);
      for (const asOf of dates.slice(1)) expect(deadlinesAt(contract, asOf)).toEqual(first);
    }
  });

  it('is true for ongoing contracts without notice given, whose deadlines move with asOf', () => {
    expect(contracts.map(deadlinesDependOnAsOf)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    const moving = aContract({ ongoing: true, noticeMonths: 3, noticeByEndOf: 'YEAR' });
    expect(deadlinesAt(moving, '2026-02-28')).not.toEqual(deadlinesAt(moving, '2028-02-29'));
  });
});

describe('deriveContractDates', () => {
  it('derives every date of an extendable fixed-term contract', () => {
    const contract = aContract({
      validFrom: '2022-01-01',
      validTo: '2026-12-31',
      extensionOption: '2 x 1 år',
      extensionsUsed: 1,
      noticeMonths: 6,
      procurementStrategy: 'SKI - mini-udbud',
    });
    expect(deriveContractDates(contract, '2025-01-01')).toEqual({
      contractId: 'c-esdh',
      asOf: '2025-01-01',
      validity: { active: true, errors: [], dataIssues: [] },
      remainingExtensions: {
        known: true,
        value: { offered: 2, used: 1, remaining: 1, monthsEach: 12, remainingMonths: 12 },
      },
      latestPossibleEnd: { known: true, value: '2027-12-31' },
      plannedEnd: { known: true, value: '2026-12-31' },
      noticeDeadline: { known: true, value: '2026-06-30' },
      tenderLeadTime: { months: 4, assumed: false },
      decideBy: { known: true, value: '2026-02-28' },
      decideByPassed: false,
    });
  });

  it('waits for irrevocableUntil in every date of an ongoing contract', () => {
    const contract = aContract({
      ongoing: true,
      noticeMonths: 3,
      noticeByEndOf: 'QUARTER',
      irrevocableUntil: '2026-08-15',
      procurementStrategy: 'EU udbud',
    });
    const dates = deriveContractDates(contract, '2025-02-10');
    expect(valueOf(dates.plannedEnd)).toBe('2026-09-30');
    expect(valueOf(dates.noticeDeadline)).toBe('2026-06-30');
    expect(valueOf(dates.decideBy)).toBe('2025-06-30');
    expect(dates.decideByPassed).toBe(false);
    expect(dates.latestPossibleEnd).toMatchObject({ known: true, value: null });
  });

  it('flags a passed decide-by date for an ongoing contract with a long tender', () => {
    const contract = aContract({
      ongoing: true,
      noticeMonths: 3,
      noticeByEndOf: 'QUARTER',
      procurementStrategy: 'EU udbud',
    });
    const dates = deriveContractDates(contract, '2025-02-10');
    expect(valueOf(dates.plannedEnd)).toBe('2025-06-30');
    expect(valueOf(dates.noticeDeadline)).toBe('2025-03-31');
    expect(valueOf(dates.decideBy)).toBe('2024-03-31');
    expect(dates.decideByPassed).toBe(true);
  });

  it('counts a terminated contract from the day notice was given', () => {
    const contract = aContract({
      validTo: '2030-12-31',
      terminatedAt: '2025-01-15',
      noticeMonths: 3,
      procurementStrategy: 'Annoncering',
    });
    const dates = deriveContractDates(contract, '2025-03-01');
    expect(dates.validity).toMatchObject({ active: true, errors: [] });
    expect(dates.plannedEnd).toEqual({ known: true, value: '2025-04-15' });
    expect(dates.noticeDeadline).toEqual({
      known: true,
      value: '2025-01-15',
      note: 'Notice was given on 2025-01-15 (terminatedAt)',
    });
    expect(valueOf(dates.decideBy)).toBe('2024-10-15');
    expect(dates.decideByPassed).toBe(true);
    expect(deriveContractDates(contract, '2025-04-16').validity).toMatchObject({
      active: false,
      errors: ['TERMINATION_PERIOD_EXCEEDED'],
    });
  });

  it('does not count the decide-by day itself as passed', () => {
    const contract = aContract({ validTo: '2026-08-31', procurementStrategy: 'Direkte tildeling' });
    expect(deriveContractDates(contract, '2026-07-31').decideByPassed).toBe(false);
    expect(deriveContractDates(contract, '2026-08-01').decideByPassed).toBe(true);
  });

  it('leaves decideByPassed null when the decide-by date is unknown', () => {
    const dates = deriveContractDates(aContract({ ongoing: true }), '2025-02-10');
    expect(dates.decideBy.known).toBe(false);
    expect(dates.decideByPassed).toBeNull();
  });

  it('checks the parent through options.getParent', () => {
    const parent = aContract({ id: 'frame', validTo: '2020-12-31' });
    const child = aContract({ validTo: '2030-12-31', requireValidParent: true });
    const getParent = parentsFrom(byId(parent, child), { 'c-esdh': 'frame' });
    expect(deriveContractDates(child, '2025-01-01', { getParent }).validity).toMatchObject({
      active: false,
      errors: ['INVALID_PARENT_CONTRACT'],
    });
    expect(deriveContractDates(child, '2019-01-01', { getParent }).validity.active).toBe(true);
  });

  it('applies a custom lead-time table and default', () => {
    const options = { leadTimesMonths: { Udbud: 10 }, defaultLeadTimeMonths: 3 };
    const tendered = aContract({ validTo: '2026-12-31', procurementStrategy: 'Udbud' });
    const unplanned = aContract({ validTo: '2026-12-31' });
    expect(valueOf(deriveContractDates(tendered, '2025-01-01', options).decideBy)).toBe(
      '2026-02-28',
    );
    expect(deriveContractDates(unplanned, '2025-01-01', options)).toMatchObject({
      tenderLeadTime: { months: 3, assumed: true },
      decideBy: { known: true, value: '2026-09-30' },
    });
  });
});
