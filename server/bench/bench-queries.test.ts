import { describe, expect, it } from 'vitest';
import { listsSelected } from '../api/blast-radius-lists.ts';
import { BENCH_QUERIES, topLevelField } from './bench-queries.ts';

describe('bench queries', () => {
  it('give the in-process baselines the blast-radius lists their scenarios select', () => {
    const lists = (query: string) => [...listsSelected(topLevelField(query, 'blastRadius'))!];
    expect(lists(BENCH_QUERIES.blastRadius).sort()).toEqual([
      'dependentUsages',
      'endingContracts',
      'hitUsages',
    ]);
    expect(lists(BENCH_QUERIES.blastTotals)).toEqual([]);
  });

  it('name a field the query does not select', () => {
    expect(() => topLevelField(BENCH_QUERIES.search, 'blastRadius')).toThrow(
      'The query does not select the field "blastRadius"',
    );
  });
});
