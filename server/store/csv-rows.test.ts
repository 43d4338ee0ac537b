import { describe, expect, it } from 'vitest';
import { parseCsvRows } from './csv-rows.ts';

function rows(text: string): (string | null)[][] {
  const out: (string | null)[][] = [];
  parseCsvRows(text, (fields) => out.push(fields));
  return out;
}

describe('parseCsvRows', () => {
  it('splits plain lines and reads unquoted empty fields as null', () => {
    expect(rows('a,b\nc,,e\n')).toEqual([
      ['a', 'b'],
      ['c', null, 'e'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(rows('a,"he said ""hi"", ok\nnext line",x\nb,"",\n')).toEqual([
      ['a', 'he said "hi", ok\nnext line', 'x'],
      ['b', '', null],
    ]);
  });

  it('accepts CRLF line ends and a last line without one', () => {
    expect(rows('a,b\r\n"c",d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('names the offset of an unterminated quote', () => {
    expect(() => rows('a,"open\n')).toThrow('Unterminated quoted field at offset 2');
  });
});
