import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { buildMapScenario } from '../testing/map-scenario.ts';
import { GraphIndex } from './graph-index.ts';
import { whoUses } from './who-uses.ts';

const index = GraphIndex.fromLandscape(buildMapScenario());

describe('whoUses', () => {
  it('lists every municipality using the system in Danish name order with its contract', () => {
    const result = whoUses(index, 'sys-esdh', '2025-06-01');
    expect(result.rows).toEqual([
      {
        municipalityId: 'org-askov',
        municipalityName: 'Askov Kommune',
        usageId: 'use-askov-esdh',
        lifecycle: 'NOT_IN_USE',
        supplierIds: [],
        contract: null,
      },
      {
        municipalityId: 'org-borup',
        municipalityName: 'Borup Kommune',
        usageId: 'use-borup-esdh',
        lifecycle: 'PHASING_IN',
        // No main contract: the suppliers of both covering contracts, by name.
        supplierIds: ['org-nordlys', 'org-sydkyst'],
        // The covering contract ending last (the old one ended 2024-12-31); SKI mini-udbud: 4 months.
        contract: {
          contractId: 'con-borup-esdh',
          role: 'COVERING',
          plannedEnd: { known: true, value: '2026-09-30' },
          decideBy: { known: true, value: '2026-05-30' },
          decideByPassed: false,
        },
      },
      {
        // "Aa" sorts as "Å", after "B", in Danish.
        municipalityId: 'org-aarby',
        municipalityName: 'Aarby Kommune',
        usageId: 'use-aarby-esdh',
        lifecycle: 'OPERATIONAL',
        supplierIds: ['org-nordlys'],
        // Fixed term without extensions: validTo 2027-02-28 minus 12 months (EU udbud).
        contract: {
          contractId: 'con-aarby-esdh',
          role: 'MAIN',
          plannedEnd: { known: true, value: '2027-02-28' },
          decideBy: { known: true, value: '2026-02-28' },
          decideByPassed: false,
        },
      },
    ]);
    expect(result.municipalityCount).toBe(3);
  });

  it('says when the decide-by date has passed at the as-of date', () => {
    const row = whoUses(index, 'sys-esdh', '2026-04-01').rows.find(
      (r) => r.usageId === 'use-aarby-esdh',
    );
    expect(row?.contract?.decideByPassed).toBe(true);
  });

  it('totals the usages by lifecycle, zeros included', () => {
    expect(whoUses(index, 'sys-esdh', '2025-06-01').byLifecycle).toEqual([
      { lifecycle: 'UNDECIDED', count: 0 },
      { lifecycle: 'NOT_IN_USE', count: 1 },
      { lifecycle: 'PHASING_IN', count: 1 },
      { lifecycle: 'OPERATIONAL', count: 1 },
      { lifecycle: 'PHASING_OUT', count: 0 },
    ]);
  });

  it('returns no rows for a system nobody uses', () => {
    const result = whoUses(index, 'sys-mesdhi', '2025-06-01');
    expect(result.rows).toEqual([]);
    expect(result.municipalityCount).toBe(0);
  });

  it('rejects an unknown id, an id that is not a system and a bad date', () => {
    const errorOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const unknown = errorOf(() => whoUses(index, 'sys-x', '2025-06-01'));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toHaveProperty('message', 'System "sys-x" not found');
    const usage = errorOf(() => whoUses(index, 'use-aarby-esdh', '2025-06-01'));
    expect(usage).toBeInstanceOf(InvalidInputError);
    expect(usage).toHaveProperty('message', '"use-aarby-esdh" is a Usage, not a System');
    const date = errorOf(() => whoUses(index, 'sys-esdh', '2025-02-30'));
    expect(date).toBeInstanceOf(InvalidInputError);
    expect(date).toHaveProperty('message', 'asOf must be a date YYYY-MM-DD; got "2025-02-30"');
  });
});
