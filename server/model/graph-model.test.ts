import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { describe, expect, it } from 'vitest';
import { generateModelFiles } from './generate-model-files.ts';
import { GRAPH_MODEL, MODEL_TYPE_DEFS, readGraphModel } from './graph-model.ts';

describe('the model', () => {
  it('is valid @neo4j/graphql type definitions', async () => {
    const schema = await new Neo4jGraphQL({ typeDefs: MODEL_TYPE_DEFS }).getSchema();
    const query = schema.getQueryType()?.getFields() ?? {};
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['systems', 'usages', 'contracts']));
    expect(schema.getType('Contract')).toBeDefined();
  });

  it('holds every node kind of DOMAIN.md, local kinds marked by municipalityId', () => {
    const scopes = Object.fromEntries(GRAPH_MODEL.labels.map((l) => [l.name, l.scope]));
    expect(scopes).toEqual({
      Organization: 'shared',
      OrgUnit: 'local',
      System: 'shared',
      Interface: 'shared',
      DataType: 'shared',
      Task: 'shared',
      ArchitectureComponent: 'shared',
      Usage: 'local',
      Contract: 'local',
      Relation: 'local',
      DataProcessing: 'local',
    });
  });

  it('derives each relationship type with every label pair it joins', () => {
    const covers = GRAPH_MODEL.relationshipTypes.find((r) => r.name === 'COVERS');
    expect(covers?.pairs).toEqual([
      { from: 'Contract', to: 'Usage' },
      { from: 'DataProcessing', to: 'Usage' },
    ]);
    const contract = GRAPH_MODEL.labels.find((l) => l.name === 'Contract');
    expect(contract?.properties.find((p) => p.name === 'noticeByEndOf')).toMatchObject({
      type: 'string',
      enumValues: ['MONTH', 'QUARTER', 'YEAR'],
    });
    expect(contract?.properties.find((p) => p.name === 'validTo')?.type).toBe('date');
  });

  it('rejects a relationship read IN that no type declares OUT', () => {
    const typeDefs = `
      type A @node { id: ID! bs: [B!]! @relationship(type: "LINKS", direction: IN) }
      type B @node { id: ID! }`;
    expect(() => readGraphModel(typeDefs)).toThrow('A.bs reads LINKS from B');
  });

  it('matches the committed files derived from it (run `npm run generate` after a change)', () => {
    for (const file of generateModelFiles()) {
      const committed = readFileSync(new URL(`../../${file.path}`, import.meta.url), 'utf8');
      expect(committed, file.path).toBe(file.content);
    }
  });
});
