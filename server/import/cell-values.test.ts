import { describe, expect, it } from 'vitest';
import { GRAPH_MODEL } from '../model/graph-model.ts';
import { VALUE_ALIASES, normalizeName } from './aliases.ts';
import {
  CellFailure,
  cellConverter,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseEnum,
  parseInteger,
  parseProcurementPlan,
} from './cell-values.ts';

function property(label: string, name: string) {
  const def = GRAPH_MODEL.labels
    .find((l) => l.name === label)
    ?.properties.find((p) => p.name === name);
  if (!def) throw new Error(`${label}.${name} not in the model`);
  return def;
}

describe('parseProcurementPlan', () => {
  it('reads the Kitos grid form and the other usual ways of writing year and quarter', () => {
    for (const text of [
      '2027 | Q2',
      '2027|Q2',
      '2027 Q2',
      'Q2 2027',
      '2027-Q2',
      'q2-2027',
      '2027 K2',
    ]) {
      expect(parseProcurementPlan(text), text).toEqual({ ok: true, value: [2027, 2] });
    }
    expect(parseProcurementPlan(' 2031 ')).toEqual({ ok: true, value: [2031, null] });
  });

  it('refuses other shapes and quarters outside 1–4, naming the value', () => {
    for (const text of ['2027 | Q5', '2027 | 2', '27 Q2', 'Q2', 'andet kvartal 2027']) {
      expect(parseProcurementPlan(text), text).toMatchObject({
        ok: false,
        code: 'BAD_VALUE',
        message: expect.stringContaining(`bad procurement plan ${JSON.stringify(text)}`) as unknown,
      });
    }
  });
});

describe('parseDate', () => {
  it('reads ISO, Kitos timestamps and Danish day-first dates', () => {
    expect(parseDate('2024-03-01')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate('2024-04-18T00:00:00Z')).toEqual({ ok: true, value: '2024-04-18' });
    expect(parseDate('01-03-2024')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate('1.3.2024')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('refuses impossible days and other shapes, naming the value', () => {
    expect(parseDate('31-02-2024')).toMatchObject({
      ok: false,
      code: 'BAD_DATE',
      message: 'bad date "31-02-2024" (no such day)',
    });
    expect(parseDate('03/2024')).toMatchObject({ ok: false, code: 'BAD_DATE' });
    expect(parseDate('2024-13-01')).toMatchObject({ ok: false, code: 'BAD_DATE' });
  });
});

describe('numbers and booleans', () => {
  it('reads whole numbers with Danish thousands dots and refuses fractions', () => {
    expect(parseInteger('1.500')).toEqual({ ok: true, value: 1500 });
    expect(parseInteger(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseInteger('1,5')).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
  });

  it('reads decimals with a point or a Danish comma', () => {
    expect(parseDecimal('1250000.5')).toEqual({ ok: true, value: 1250000.5 });
    expect(parseDecimal('1.250.000,50')).toEqual({ ok: true, value: 1250000.5 });
    expect(parseDecimal('12 kr')).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
  });

  it('reads yes and no in English and Danish, and "ved ikke" as empty', () => {
    expect([
      parseBoolean('Ja'),
      parseBoolean('nej'),
      parseBoolean('TRUE'),
      parseBoolean('0'),
    ]).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: true },
      { ok: true, value: false },
    ]);
    expect(parseBoolean('Ved ikke')).toEqual({ ok: true, value: null });
    expect(parseBoolean('måske')).toMatchObject({ ok: false, code: 'BAD_BOOLEAN' });
  });
});

describe('parseEnum', () => {
  it('accepts model values, Kitos API names and Danish UI texts', () => {
    expect(parseEnum('Lifecycle', 'OPERATIONAL')).toEqual({ ok: true, value: 'OPERATIONAL' });
    expect(parseEnum('Lifecycle', 'Operational')).toEqual({ ok: true, value: 'OPERATIONAL' });
    expect(parseEnum('Lifecycle', 'i drift')).toEqual({ ok: true, value: 'OPERATIONAL' });
    expect(parseEnum('Lifecycle', 'phasing_in')).toEqual({ ok: true, value: 'PHASING_IN' });
    expect(parseEnum('NoticeByEndOf', 'EndOfCalendarYear')).toEqual({ ok: true, value: 'YEAR' });
    expect(parseEnum('ArchiveDuty', 'B+K')).toEqual({ ok: true, value: 'BK' });
    expect(parseEnum('PersonalDataLevel', 'Følsomme persondata')).toEqual({
      ok: true,
      value: 'SENSITIVE_DATA',
    });
  });

  it('names the unknown value and every allowed one', () => {
    expect(parseEnum('Lifecycle', 'Drift')).toEqual({
      ok: false,
      code: 'UNKNOWN_VALUE',
      message:
        'unknown value "Drift" (expected one of UNDECIDED, NOT_IN_USE, PHASING_IN, OPERATIONAL, PHASING_OUT)',
    });
  });

  it('has aliases only for enums and values of the model, and no alias meaning two values', () => {
    for (const [name, values] of Object.entries(VALUE_ALIASES)) {
      const modelValues = GRAPH_MODEL.enums.get(name);
      expect(modelValues, name).toBeDefined();
      const seen = new Map<string, string>();
      for (const [value, aliases] of Object.entries(values)) {
        expect(modelValues).toContain(value);
        for (const alias of [value, ...aliases]) {
          const key = normalizeName(alias);
          expect(seen.get(key) ?? value, `${name}: "${alias}"`).toBe(value);
          seen.set(key, value);
        }
      }
    }
  });
});

describe('cellConverter', () => {
  it('converts canonical and alias cells alike, empty cells to null', () => {
    const lifecycle = cellConverter(property('Usage', 'lifecycle'));
    const validFrom = cellConverter(property('Usage', 'validFrom'));
    const cost = cellConverter(property('Contract', 'yearlyOperationCost'));
    expect([lifecycle('OPERATIONAL'), lifecycle('I drift'), lifecycle('')]).toEqual([
      'OPERATIONAL',
      'OPERATIONAL',
      null,
    ]);
    expect([validFrom('2019-03-01'), validFrom('01.03.2019')]).toEqual([
      '2019-03-01',
      '2019-03-01',
    ]);
    expect([cost('1250000.5'), cost('1.250.000,50')]).toEqual([1250000.5, 1250000.5]);
  });

  it('fails a required property left empty and a bad value', () => {
    const name = cellConverter(property('Contract', 'name'));
    const notice = cellConverter(property('Contract', 'noticeMonths'));
    expect(name('  ')).toEqual(new CellFailure('MISSING_VALUE', 'a value is required'));
    expect(notice('seks')).toBeInstanceOf(CellFailure);
  });

  it('trims ids and fails one holding a list separator, which no export could reference', () => {
    const id = cellConverter(property('System', 'id'));
    expect(id('  sys-esdh ')).toBe('sys-esdh');
    for (const bad of ['a;b', '|', ' ;']) {
      const failure = id(bad);
      expect(failure).toBeInstanceOf(CellFailure);
      expect(failure).toMatchObject({ code: 'BAD_VALUE' });
      expect((failure as CellFailure).message).toContain(JSON.stringify(bad.trim()));
    }
  });
});
