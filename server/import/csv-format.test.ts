import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPH_MODEL } from '../model/graph-model.ts';
import { HEADER_ALIASES, normalizeName } from './aliases.ts';
import { CSV_KINDS, kindForFileName, kindForHeader } from './csv-format.ts';

describe('canonical CSV format', () => {
  it('has one file per label, named after it', () => {
    expect(CSV_KINDS.map((k) => k.file)).toEqual([
      'organizations.csv',
      'org-units.csv',
      'systems.csv',
      'interfaces.csv',
      'data-types.csv',
      'tasks.csv',
      'architecture-components.csv',
      'usages.csv',
      'contracts.csv',
      'relations.csv',
      'data-processings.csv',
    ]);
  });

  it('derives the columns from the model: every property, then one per outgoing relationship field', () => {
    for (const kind of CSV_KINDS) {
      const label = GRAPH_MODEL.labels.find((l) => l.name === kind.label)!;
      const outFields = GRAPH_MODEL.relationshipFields.filter(
        (f) => f.owner === kind.label && f.direction === 'OUT',
      );
      expect(kind.columns.length).toBe(label.properties.length + outFields.length);
    }
    const usages = CSV_KINDS.find((k) => k.label === 'Usage')!;
    expect(usages.columns.map((c) => c.name)).toEqual([
      'id',
      'municipalityId',
      'localName',
      'localSystemId',
      'lifecycle',
      'validFrom',
      'validTo',
      'hostedAt',
      'businessCritical',
      'criticality',
      'personalData',
      'archiveDuty',
      'userCount',
      'systemId',
      'organizationId',
      'usedByIds',
      'responsibleUnitId',
      'addedTaskIds',
      'optedOutTaskIds',
      'mainContractId',
      'componentIds',
    ]);
  });

  it('has aliases only for real columns, and no header meaning two columns of one file', () => {
    for (const kind of CSV_KINDS) {
      const all = [...kind.columns, ...kind.combinedColumns];
      const names = new Set(all.map((c) => c.name));
      for (const column of Object.keys(HEADER_ALIASES[kind.label])) {
        expect(names, `${kind.file}: ${column}`).toContain(column);
      }
      const meaning = new Map<string, string>();
      for (const column of all) {
        for (const name of [column.name, ...(HEADER_ALIASES[kind.label][column.name] ?? [])]) {
          const key = normalizeName(name);
          expect(meaning.get(key) ?? column.name, `${kind.file}: "${name}"`).toBe(column.name);
          meaning.set(key, column.name);
        }
      }
    }
  });

  it('recognises a file by its name or else by its header', () => {
    expect(kindForFileName('kommune/Usages.csv')?.label).toBe('Usage');
    expect(kindForFileName('brugere.csv')).toBeUndefined();
    expect(kindForHeader(['UUID', 'Kommune', 'Kontraktnavn', 'Leverandør'])?.label).toBe(
      'Contract',
    );
    expect(kindForHeader(['id', 'municipalityId', 'fromId', 'toId'])?.label).toBe('Relation');
    expect(kindForHeader(['foo', 'bar'])).toBeUndefined();
  });

  it('reads the combined Genanskaffelsesplan of contracts.csv into year and quarter, import only', () => {
    const contracts = CSV_KINDS.find((k) => k.label === 'Contract')!;
    const plan = contracts.lookup.get(normalizeName('Genanskaffelsesplan'));
    expect(plan).toMatchObject({
      kind: 'combined',
      name: 'procurementPlan',
      properties: ['procurementPlanYear', 'procurementPlanQuarter'],
    });
    expect(contracts.columns).not.toContain(plan);
  });

  it('is documented column by column in server/import/README.md', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const kind of CSV_KINDS) {
      expect(readme).toContain(`\`${kind.file}\``);
      for (const column of [...kind.columns, ...kind.combinedColumns]) {
        expect(readme, `${kind.file}: ${column.name}`).toMatch(
          new RegExp(`\\| +\`${column.name}\` +\\|`),
        );
        for (const alias of HEADER_ALIASES[kind.label][column.name] ?? []) {
          expect(readme, `${kind.file}: ${alias}`).toContain(`"${alias}"`);
        }
      }
    }
  });
});
