import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../domain/errors.ts';
import { countLandscape, type NodeRecord, type RelationshipRecord } from '../model/landscape.ts';
import { buildFixtureLandscape } from '../testing/fixture-landscape.ts';
import { GRAPH_MODEL } from '../model/graph-model.ts';
import type { Label } from '../model/model-types.ts';
import type { GraphStore } from './graph-store.ts';

/** A store under test plus how to empty it between tests and dispose of it. */
export interface StoreHarness {
  readonly store: GraphStore;
  reset(): Promise<void>;
  close(): Promise<void>;
}

function system(id: string, name: string, extra: Partial<NodeRecord> = {}): NodeRecord {
  return {
    id,
    name,
    description: null,
    scope: 'PUBLIC',
    businessType: null,
    disabled: null,
    recommendedArchiveDuty: null,
    ownerId: null,
    ...extra,
  };
}

function rel(
  from: string,
  to: string,
  fromLabel: RelationshipRecord['fromLabel'],
  toLabel: RelationshipRecord['toLabel'],
): RelationshipRecord {
  return { from, to, fromLabel, toLabel };
}

/** What readGraph yields, with positions turned back into ids: records and `type|from|to` keys. */
async function readWholeGraph(store: GraphStore) {
  const nodes = new Map<Label, NodeRecord[]>();
  const relationships: string[] = [];
  for await (const batch of store.readGraph()) {
    if (batch.kind === 'nodes') {
      nodes.set(batch.label, [...(nodes.get(batch.label) ?? []), ...batch.nodes]);
      continue;
    }
    expect(batch.from).toHaveLength(batch.to.length);
    batch.from.forEach((from, i) => {
      const start = nodes.get(batch.fromLabel)![from]!.id;
      const end = nodes.get(batch.toLabel)![batch.to[i]!]!.id;
      relationships.push(`${batch.type}|${start}|${end}`);
    });
  }
  return { nodes, relationships: relationships.sort() };
}

async function streamedRelationships(store: GraphStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of store.streamRelationships()) {
    for (const r of batch.relationships) keys.push(`${batch.type}|${r.from}|${r.to}`);
  }
  return keys.sort();
}

function sum(record: Record<string, number>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}

/** The behaviour every GraphStore adapter must have, run against each of them. */
export function describeGraphStoreContract(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`${name}: GraphStore`, () => {
    let harness: StoreHarness;
    let store: GraphStore;

    beforeAll(async () => {
      harness = await setup();
      store = harness.store;
    });
    beforeEach(() => harness.reset());
    afterAll(() => harness?.close());

    describe('applySchema', () => {
      it('can run again on a store that has it', async () => {
        await store.applySchema();
        await store.upsertNodes('System', [system('sys-a', 'Alfa')]);
        await store.applySchema();
        expect((await store.counts()).nodes.System).toBe(1);
      });
    });

    describe('upsertNodes', () => {
      it('creates nodes and updates them in place by id', async () => {
        await store.upsertNodes('System', [system('sys-a', 'Alfa'), system('sys-b', 'Beta')]);
        await store.upsertNodes('System', [system('sys-a', 'Alfa 2', { disabled: true })]);
        const counts = await store.counts();
        expect(counts.nodes.System).toBe(2);
        const [a] = await store.readNodes(['sys-a']);
        expect(a?.properties).toMatchObject({ name: 'Alfa 2', disabled: true, description: null });
      });

      it('round-trips every property type, nulls included', async () => {
        const landscape = buildFixtureLandscape();
        const contract = landscape.nodes.get('Contract')!.find((c) => c.id === 'con-aarby-esdh')!;
        await store.upsertNodes('Contract', [contract]);
        await store.upsertNodes('Contract', [contract]);
        const [read] = await store.readNodes(['con-aarby-esdh'], ['Contract']);
        expect(read).toEqual({ label: 'Contract', properties: contract });
        expect(read?.properties).toMatchObject({
          validTo: '2027-02-28',
          noticeMonths: 6,
          yearlyOperationCost: 1250000.5,
          enforcedValid: false,
          terminatedAt: null,
        });
      });

      it('accepts a batch in which a column is null in every row', async () => {
        const landscape = buildFixtureLandscape();
        const drift = landscape.nodes.get('Contract')!.find((c) => c.id === 'con-aarby-drift')!;
        await store.upsertNodes('Contract', [drift]);
        const [read] = await store.readNodes(['con-aarby-drift']);
        expect(read?.properties).toMatchObject({
          validFrom: null,
          acquisitionCost: null,
          ongoing: true,
        });
      });

      it('accepts a batch whose first row is null where later rows have values', async () => {
        const landscape = buildFixtureLandscape();
        const contracts = landscape.nodes.get('Contract')!;
        const drift = contracts.find((c) => c.id === 'con-aarby-drift')!;
        const esdh = contracts.find((c) => c.id === 'con-aarby-esdh')!;
        await store.upsertNodes('Contract', [drift, esdh]);
        const read = await store.readNodes(['con-aarby-esdh'], ['Contract']);
        expect(read[0]?.properties).toEqual(esdh);
      });
    });

    describe('upsertRelationships', () => {
      it('creates each relationship once however often it is written', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const before = (await store.counts()).relationships.COVERS;
        const covers = [rel('con-aarby-esdh', 'use-aarby-esdh', 'Contract', 'Usage')];
        await store.upsertRelationships('COVERS', covers);
        await store.upsertRelationships('COVERS', covers);
        expect((await store.counts()).relationships.COVERS).toBe(before);
      });

      it('joins every label pair a type allows', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        await store.upsertRelationships('COVERS', [
          rel('con-aarby-esdh', 'use-borup-esdh', 'Contract', 'Usage'),
          rel('dpr-aarby-esdh', 'use-aarby-oko', 'DataProcessing', 'Usage'),
        ]);
        const all: RelationshipRecord[] = [];
        for await (const batch of store.streamRelationships()) {
          if (batch.type === 'COVERS') all.push(...batch.relationships);
        }
        expect(all).toContainEqual(rel('con-aarby-esdh', 'use-borup-esdh', 'Contract', 'Usage'));
        expect(all).toContainEqual(
          rel('dpr-aarby-esdh', 'use-aarby-oko', 'DataProcessing', 'Usage'),
        );
      });
    });

    describe('delete', () => {
      it('removes nodes together with their relationships', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const before = await store.counts();
        expect(await store.deleteNodes('Relation', ['rel-oko-esdh', 'no-such-id'])).toBe(1);
        const after = await store.counts();
        expect(after.nodes.Relation).toBe(before.nodes.Relation - 1);
        expect(after.relationships.VIA).toBe(before.relationships.VIA - 1);
        expect(after.relationships.GOVERNS).toBe(before.relationships.GOVERNS - 1);
      });

      it('removes single relationships and keeps their ends', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const removed = await store.deleteRelationships('USED_BY', [
          rel('use-aarby-esdh', 'unit-aarby-it', 'Usage', 'OrgUnit'),
        ]);
        expect(removed).toBe(1);
        const counts = await store.counts();
        expect(counts.relationships.USED_BY).toBe(0);
        expect(counts.nodes.OrgUnit).toBe(2);
      });
    });

    describe('readNodes', () => {
      it('reads nodes of any label by id and leaves unknown ids out', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const nodes = await store.readNodes(['sys-esdh', 'use-aarby-esdh', 'missing']);
        expect(nodes.map((n) => [n.label, n.properties.id]).sort()).toEqual([
          ['System', 'sys-esdh'],
          ['Usage', 'use-aarby-esdh'],
        ]);
        expect(await store.readNodes([])).toEqual([]);
      });
    });

    describe('searchByName', () => {
      it('finds names case-insensitively by substring, shortest first', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const found = await store.searchByName('AKTA');
        expect(found.map((n) => n.properties.id)).toEqual(['sys-esdh', 'if-esdh-sag']);
      });

      it('searches task titles and honours labels and limit', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        expect((await store.searchByName('styrelse')).map((n) => n.label)).toEqual(['Task']);
        expect(await store.searchByName('akta', { labels: ['Interface'] })).toHaveLength(1);
        expect(await store.searchByName('a', { limit: 2 })).toHaveLength(2);
      });

      it("keeps another municipality's local nodes out of a municipality search", async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const aarby = await store.searchByName('aarby', { municipalityId: 'org-borup' });
        expect(aarby.map((n) => n.label)).toEqual(['Organization']);
        const own = await store.searchByName('aarby', { municipalityId: 'org-aarby' });
        expect(own.map((n) => n.properties.id)).toContain('unit-aarby');
      });
    });

    describe('bulkLoad and streams', () => {
      it('loads a landscape whose counts and records stream back unchanged', async () => {
        const landscape = buildFixtureLandscape();
        await store.bulkLoad(landscape);
        const expected = countLandscape(landscape);
        const counts = await store.counts();
        for (const [label, n] of Object.entries(expected.nodes)) {
          expect(counts.nodes[label as keyof typeof counts.nodes]).toBe(n);
        }
        expect(sum(counts.relationships)).toBe(sum(expected.relationships));
        const streamed = new Map<string, NodeRecord>();
        for await (const batch of store.streamNodes()) {
          for (const node of batch.nodes) streamed.set(node.id, node);
        }
        for (const rows of landscape.nodes.values()) {
          for (const row of rows) expect(streamed.get(row.id)).toEqual(row);
        }
        let relationships = 0;
        for await (const batch of store.streamRelationships())
          relationships += batch.relationships.length;
        expect(relationships).toBe(sum(expected.relationships));
      });

      it('reads the graph for the index: exact records in model order, ends as positions', async () => {
        const landscape = buildFixtureLandscape();
        await store.bulkLoad(landscape);
        const { nodes, relationships } = await readWholeGraph(store);
        for (const [label, rows] of landscape.nodes) {
          const read = nodes.get(label) ?? [];
          expect(read).toHaveLength(rows.length);
          const byId = new Map(read.map((r) => [r.id, r]));
          const order = GRAPH_MODEL.labels
            .find((l) => l.name === label)!
            .properties.map((p) => p.name);
          for (const row of rows) {
            expect(byId.get(row.id)).toEqual(row);
            expect(Object.keys(byId.get(row.id)!)).toEqual(order);
          }
        }
        const expected = [...landscape.relationships].flatMap(([type, rows]) =>
          rows.map((r) => `${type}|${r.from}|${r.to}`),
        );
        expect(relationships).toEqual(expected.sort());
      });

      it('reads every text exactly, the packing separator, empty texts and nulls included', async () => {
        const odd = [
          system('sys-sep', 'Alfa\u001fBeta', { description: '', ownerId: null, disabled: true }),
          system('sys-ctl', '\u0001', { description: 'Æble → ø', disabled: false }),
          system('sys-end', 'Gamma\u001f', { description: null, businessType: '-12' }),
        ];
        await store.upsertNodes('System', odd);
        const { nodes } = await readWholeGraph(store);
        expect(nodes.get('System')).toEqual(expect.arrayContaining(odd));
        expect(nodes.get('System')).toHaveLength(odd.length);
      });

      it('reads relationships as positions when deletions left gaps between nodes', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const usages = (await readWholeGraph(store)).nodes.get('Usage')!;
        await store.deleteNodes(
          'Usage',
          usages.filter((_, i) => i % 2 === 0).map((u) => u.id),
        );
        const { nodes, relationships } = await readWholeGraph(store);
        expect(nodes.get('Usage')).toHaveLength(Math.floor(usages.length / 2));
        expect(relationships).toEqual(await streamedRelationships(store));
      });

      it('refuses to bulk-load into a store that holds data', async () => {
        await store.upsertNodes('System', [system('sys-a', 'Alfa')]);
        await expect(store.bulkLoad(buildFixtureLandscape())).rejects.toBeInstanceOf(ConflictError);
        expect((await store.counts()).nodes.System).toBe(1);
      });
    });

    describe('transactions and the change counter', () => {
      it('counts writes and not reads', async () => {
        const start = await store.changeCounter();
        await store.upsertNodes('System', [system('sys-a', 'Alfa')]);
        await store.readNodes(['sys-a']);
        await store.counts();
        const afterOne = await store.changeCounter();
        expect(afterOne).toBeGreaterThan(start);
        await store.deleteNodes('System', ['sys-a']);
        expect(await store.changeCounter()).toBeGreaterThan(afterOne);
      });

      it('commits all writes of a transaction together', async () => {
        const start = await store.changeCounter();
        await store.transaction(async (w) => {
          await w.upsertNodes('System', [system('sys-a', 'Alfa')]);
          await w.upsertNodes('Interface', [
            {
              id: 'if-a',
              name: 'Alfa API',
              interfaceId: null,
              version: null,
              technology: 'CSV',
              description: null,
            },
          ]);
          await w.upsertRelationships('EXPOSES', [rel('sys-a', 'if-a', 'System', 'Interface')]);
        });
        const counts = await store.counts();
        expect([counts.nodes.System, counts.nodes.Interface, counts.relationships.EXPOSES]).toEqual(
          [1, 1, 1],
        );
        expect(await store.changeCounter()).toBe(start + 1);
      });

      it('writes nothing when the work fails part-way', async () => {
        await store.upsertNodes('System', [system('sys-a', 'Alfa')]);
        const start = await store.changeCounter();
        await expect(
          store.transaction(async (w) => {
            await w.upsertNodes('System', [system('sys-b', 'Beta'), system('sys-a', 'Changed')]);
            throw new Error('import failed half-way');
          }),
        ).rejects.toThrow('import failed half-way');
        expect((await store.counts()).nodes.System).toBe(1);
        expect((await store.readNodes(['sys-a']))[0]?.properties.name).toBe('Alfa');
        expect(await store.changeCounter()).toBe(start);
      });
    });

    describe('query', () => {
      it('runs an ad-hoc read statement with parameters and decodes its rows', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        const rows = await store.query(
          'MATCH (c:Contract {id: $id}) RETURN c.validTo AS validTo, c.noticeMonths AS months',
          { id: 'con-aarby-esdh' },
        );
        expect(rows).toEqual([{ validTo: '2027-02-28', months: 6 }]);
      });
    });

    describe('clear', () => {
      it('empties the store and keeps the schema', async () => {
        await store.bulkLoad(buildFixtureLandscape());
        await store.clear();
        const counts = await store.counts();
        expect(sum(counts.nodes) + sum(counts.relationships)).toBe(0);
        await store.upsertNodes('System', [system('sys-a', 'Alfa')]);
        expect((await store.counts()).nodes.System).toBe(1);
      });
    });
  });
}
