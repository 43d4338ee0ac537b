import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { LandscapeBuilder } from '../model/landscape.ts';
import { buildMapScenario } from '../testing/map-scenario.ts';
import { GraphIndex } from './graph-index.ts';
import { entityName, foldSearchText, searchEntities, type SearchOptions } from './search-index.ts';

const index = GraphIndex.fromLandscape(buildMapScenario());
const search = (text: string, options: SearchOptions = {}) =>
  searchEntities(index, text, { first: 100, ...options });
const hitIds = (text: string, options: SearchOptions = {}) =>
  search(text, options).hits.map((h) => h.id);

describe('foldSearchText', () => {
  it('folds Danish letters and their ASCII spellings to one form', () => {
    expect(foldSearchText('Økonomi')).toBe('okonomi');
    expect(foldSearchText('oekonomi')).toBe('okonomi');
    expect(foldSearchText('Århus')).toBe('arhus');
    expect(foldSearchText('Aarhus')).toBe('arhus');
    expect(foldSearchText('Æble')).toBe('able');
    expect(foldSearchText('aeble')).toBe('able');
    expect(foldSearchText('  Café\tØst – Nord ')).toBe('cafe ost nord');
  });
});

describe('searchEntities', () => {
  it('ranks exact, then prefix, then word-prefix, then substring matches', () => {
    expect(search('esdh', { kinds: ['System'] }).hits.map((h) => h.name)).toEqual([
      'ESDH',
      'ESDH Light',
      'Akta ESDH',
      'Mesdhi Arkiv',
    ]);
  });

  it('ranks a name as a word-prefix match when a later occurrence starts a word', () => {
    const b = new LandscapeBuilder();
    b.node('System', { id: 'sys-bogsag', name: 'Bogsag Sag', scope: 'PUBLIC' });
    b.node('System', { id: 'sys-ansagt', name: 'Ansagt', scope: 'PUBLIC' });
    b.node('System', { id: 'sys-sagsag', name: 'Sagsagsag', scope: 'PUBLIC' });
    const small = GraphIndex.fromLandscape(b.build());
    // "Ansagt" is shorter but holds "sag" only inside a word.
    expect(searchEntities(small, 'sag').hits.map((h) => h.id)).toEqual([
      'sys-sagsag',
      'sys-bogsag',
      'sys-ansagt',
    ]);
  });

  it('puts shorter names first within a level and shared entities before local ones', () => {
    const result = search('esdh');
    expect(result.total).toBe(11);
    expect(result.hits.map((h) => h.id)).toEqual([
      'sys-esdh-plain',
      'con-borup-esdh',
      'sys-esdh-light',
      'con-borup-esdh-old',
      'con-aarby-esdh',
      'sys-esdh',
      'use-aarby-esdh',
      'use-askov-esdh',
      'use-borup-esdh',
      'dpr-aarby-esdh',
      'sys-mesdhi',
    ]);
    expect(result.hits[6]).toEqual({
      id: 'use-aarby-esdh',
      label: 'Usage',
      name: 'Akta ESDH',
      municipalityId: 'org-aarby',
      matchedOn: 'systemName',
    });
  });

  it('finds Danish letters typed without them', () => {
    const expected = [
      'use-aarby-oko',
      'con-borup-oko',
      'unit-borup-oko',
      'sys-oko',
      'use-borup-oko',
    ];
    expect(hitIds('okonomi')).toEqual(expected);
    expect(hitIds('oekonomi')).toEqual(expected);
    expect(hitIds('ØKONOMI')).toEqual(expected);
    expect(search('okonomi').hits[0]?.matchedOn).toBe('localName');
    expect(hitIds('årby')).toEqual(['org-aarby']);
  });

  it('finds a KLE group and its subjects by number prefix only', () => {
    const result = search('27.24');
    expect(result.total).toBe(3);
    expect(result.hits.map((h) => [h.id, h.matchedOn, h.name])).toEqual([
      ['task-27-24', 'number', '27.24 Sygedagpenge'],
      ['task-27-24-00', 'number', '27.24.00 Sygedagpenge i almindelighed'],
      ['task-27-24-02', 'number', '27.24.02 Refusion'],
    ]);
    expect(search('24.00').total).toBe(0);
  });

  it('finds an entity by exact id and a contract by its number', () => {
    expect(search('con-borup-oko').hits[0]).toMatchObject({
      id: 'con-borup-oko',
      matchedOn: 'id',
    });
    expect(search('rel-aarby-oko-esdh').hits[0]).toMatchObject({
      label: 'Relation',
      name: 'Økonomi → Akta ESDH',
    });
    expect(search('AAR-2019').hits).toEqual([
      expect.objectContaining({ id: 'con-aarby-esdh', matchedOn: 'contractNumber' }),
    ]);
  });

  it('tells punctuation marks apart, though its lookup tables share one code for them', () => {
    expect(hitIds('aar-2019')).toEqual(['con-aarby-esdh']);
    expect(hitIds('aar/2019')).toEqual([]);
    expect(hitIds('27,24')).toEqual([]);
  });

  it('keeps shared entities and one municipality with the municipality filter', () => {
    const result = search('okonomi', { municipalityId: 'org-aarby' });
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.id)).toEqual(['use-aarby-oko', 'sys-oko']);
    expect(search('use-borup-oko', { municipalityId: 'org-aarby' }).total).toBe(0);
    expect(search('sys-oko', { municipalityId: 'org-aarby' }).hits[0]?.matchedOn).toBe('id');
  });

  it('returns the first hits and the total count of matches', () => {
    const result = searchEntities(index, 'esdh', { first: 2 });
    expect(result.hits.map((h) => h.id)).toEqual(['sys-esdh-plain', 'con-borup-esdh']);
    expect(result.total).toBe(11);
  });

  it('counts an entity matching by name and by contract number once, at its best', () => {
    const result = search('esdh');
    // "ESDH-B-2015" is shorter than "ESDH Borup (gammel)", so the number ranks the contract.
    expect(result.hits.filter((h) => h.id === 'con-borup-esdh-old')).toEqual([
      expect.objectContaining({ matchedOn: 'contractNumber', name: 'ESDH Borup (gammel)' }),
    ]);
    expect(new Set(result.hits.map((h) => h.id)).size).toBe(result.total);
  });

  it('matches a single character only at the start of a word', () => {
    const found = hitIds('a');
    expect(found).toContain('sys-mesdhi');
    expect(found).toContain('org-aarby');
    expect(found).not.toContain('dt-sag');
  });

  it('rejects empty text, a page over 100 and an unknown municipality', () => {
    expect(() => search('  ')).toThrow(InvalidInputError);
    expect(() => search('  ')).toThrow('Search text must not be empty');
    expect(() => search('esdh', { first: 101 })).toThrow('first must be 0–100; got 101');
    expect(() => search('esdh', { municipalityId: 'org-x' })).toThrow(NotFoundError);
    expect(() => search('esdh', { municipalityId: 'org-x' })).toThrow(
      'Municipality "org-x" not found',
    );
  });
});

describe('entityName', () => {
  it('names a usage by its local name or else its system', () => {
    expect(entityName(index, index.indexOf('use-aarby-oko')!)).toBe('Økonomi');
    expect(entityName(index, index.indexOf('use-askov-esdh')!)).toBe('Akta ESDH');
  });
});
