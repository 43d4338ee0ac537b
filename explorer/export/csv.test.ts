import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv } from './csv.ts';

interface Row {
  name: string;
  users: number | null;
  critical: boolean;
}

const columns = [
  { header: 'Navn', value: (r: Row) => r.name },
  { header: 'Brugere', value: (r: Row) => r.users },
  { header: 'Kritisk', value: (r: Row) => r.critical },
];

describe('toCsv', () => {
  it('writes semicolon-separated rows with a BOM for Danish Excel', () => {
    const csv = toCsv(columns, [
      { name: 'Akta ESDH', users: 1.5, critical: true },
      { name: 'Økonomi', users: null, critical: false },
    ]);
    expect(csv).toBe('\uFEFFNavn;Brugere;Kritisk\r\nAkta ESDH;1,5;Ja\r\nØkonomi;;Nej\r\n');
  });

  it('quotes separators, quotes and line breaks', () => {
    const csv = toCsv(columns.slice(0, 1), [{ name: 'A; "B"\nC', users: 0, critical: false }]);
    expect(csv.split('\r\n')[1]).toBe('"A; ""B""\nC"');
  });

  it('defuses cells a spreadsheet would run as formulas, but not negative numbers', () => {
    const csv = toCsv(columns.slice(0, 1), [
      { name: '=HYPERLINK("x")', users: 0, critical: false },
      { name: '-12', users: 0, critical: false },
    ]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['"\'=HYPERLINK(""x"")"', '-12']);
  });
});

describe('exportFileName', () => {
  it('makes a safe, dated file name and keeps Danish letters', () => {
    expect(exportFileName('Berørte systemanvendelser', 'csv', '2026-03-01')).toBe(
      'overblik-berørte-systemanvendelser-2026-03-01.csv',
    );
    expect(exportFileName('  / ', 'png', '2026-03-01')).toBe('overblik-export-2026-03-01.png');
  });
});
