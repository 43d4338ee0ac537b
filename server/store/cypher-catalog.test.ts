import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CYPHER_ROOT, CypherCatalog, QUERY_NAMES, listOverrides } from './cypher-catalog.ts';

describe('CypherCatalog', () => {
  it('has exactly these dialect overrides', () => {
    expect(listOverrides()).toEqual({
      embedded: [
        'as-text',
        'bulk-load-nodes',
        'bulk-load-relationships',
        'index-relationships',
        'join-text',
        'node-key',
        'schema',
        'value-boolean',
        'value-float',
        'value-int',
      ],
      neo4j: ['schema'],
    });
  });

  it('uses every query file and resolves every query name', () => {
    const shared = readdirSync(new URL('shared/', CYPHER_ROOT)).map((f) =>
      f.replace(/\.cypher$/, ''),
    );
    const names = new Set<string>(QUERY_NAMES);
    expect(shared.filter((f) => !names.has(f))).toEqual([]);
    for (const dialect of ['embedded', 'neo4j'] as const) {
      const catalog = new CypherCatalog({ name: dialect });
      for (const name of QUERY_NAMES) expect(catalog.text(name), `${dialect}/${name}`).not.toBe('');
    }
  });

  it('fills labels and property assignments from the model, casting per dialect', () => {
    const embedded = new CypherCatalog({ name: 'embedded' }).render('upsert-nodes', {
      label: 'Contract',
    });
    expect(embedded).toContain('MERGE (n:Contract {id: r.id})');
    expect(embedded).toContain('n.noticeMonths = CAST(r.noticeMonths AS INT64)');
    expect(embedded).toContain('n.validTo = date(r.validTo)');
    const neo4j = new CypherCatalog({ name: 'neo4j' }).render('upsert-nodes', {
      label: 'Contract',
    });
    expect(neo4j).toContain('n.noticeMonths = toInteger(r.noticeMonths)');
  });

  it('packs index rows from the model, keyed and joined per dialect', () => {
    const embedded = new CypherCatalog({ name: 'embedded' }).render('index-nodes', {
      label: 'Contract',
    });
    expect(embedded).toContain('collect(offset(id(n))) AS keys');
    expect(embedded).toContain('collect(concat(CAST(');
    expect(embedded).toContain("coalesce(CAST(n.noticeMonths AS STRING), '')");
    expect(embedded).toContain('collect([n.acquisitionCost, n.yearlyOperationCost]) AS floats');
    const neo4j = new CypherCatalog({ name: 'neo4j' }).render('index-nodes', { label: 'Task' });
    expect(neo4j).toContain('collect(n.id) AS keys');
    expect(neo4j).toContain('reduce(text =');
    expect(neo4j).toContain('null AS floats');
    expect(
      new CypherCatalog({ name: 'neo4j' }).render('index-relationships', {
        type: 'COVERS',
        from: 'Contract',
        to: 'Usage',
      }),
    ).toContain('collect(a.id) AS from, collect(b.id) AS to');
    expect(
      new CypherCatalog({ name: 'embedded' }).render('index-relationships', {
        type: 'COVERS',
        from: 'Contract',
        to: 'Usage',
      }),
    ).toContain("list_to_string(',', collect(offset(id(a)) * 67108864 + offset(id(b)))) AS pairs");
  });

  it('refuses names outside the model and unfilled placeholders', () => {
    const catalog = new CypherCatalog({ name: 'neo4j' });
    expect(() =>
      catalog.render('read-nodes', { label: 'Person) DETACH DELETE (x' as never }),
    ).toThrow('Unknown label');
    expect(() => catalog.render('read-nodes')).toThrow('still has the placeholder __LABEL__');
  });
});
