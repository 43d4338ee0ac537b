import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { countLandscape } from '../model/landscape.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { createEmptyStore, sourceFiles } from '../import/fixtures/fixture-files.ts';
import { importSources } from '../import/import-sources.ts';
import { buildFixtureLandscape } from '../testing/fixture-landscape.ts';
import { createFixtureStore } from '../testing/fixture-store.ts';
import { exportLandscape } from './export-landscape.ts';
import { readLandscape, sliceAround, sliceMunicipality } from './landscape-slice.ts';
import { writeGraphml } from './write-graphml.ts';
import { landscapeToJson } from './write-landscape-json.ts';

const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'overblik-export-'));
  disposals.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Every node (sorted by id) and relationship (sorted) of a store, for comparing two stores. */
async function snapshot(store: GraphStore) {
  const landscape = await readLandscape(store);
  const nodes = [...landscape.nodes].flatMap(([label, rows]) => rows.map((r) => ({ label, ...r })));
  const relationships = [...landscape.relationships].flatMap(([type, rows]) =>
    rows.map((r) => `${type}|${r.from}|${r.to}`),
  );
  return {
    nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)),
    relationships: relationships.sort(),
  };
}

describe('export to canonical CSV and back', () => {
  let source: GraphStore;
  let target: GraphStore;

  beforeAll(async () => {
    const landscape = generateLandscape({ scale: 'small', seed: 3, referenceDate: '2026-01-01' });
    const fixture = await createFixtureStore(landscape);
    disposals.push(fixture.dispose);
    source = fixture.store;
    const empty = await createEmptyStore();
    disposals.push(empty.dispose);
    target = empty.store;
  });

  it('imports the export of a seeded landscape into an empty store with the same counts and properties', async () => {
    const dir = await temporaryDir();
    const result = await exportLandscape(source, 'csv', dir);
    expect((await readdir(dir)).sort()).toEqual([
      'architecture-components.csv',
      'contracts.csv',
      'data-processings.csv',
      'data-types.csv',
      'interfaces.csv',
      'org-units.csv',
      'organizations.csv',
      'relations.csv',
      'systems.csv',
      'tasks.csv',
      'usages.csv',
    ]);
    const usages = await readFile(join(dir, 'usages.csv'), 'utf8');
    expect(usages.split('\n')[0]).toBe(
      'id,municipalityId,localName,localSystemId,lifecycle,validFrom,validTo,hostedAt,businessCritical,' +
        'criticality,personalData,archiveDuty,userCount,systemId,organizationId,usedByIds,responsibleUnitId,' +
        'addedTaskIds,optedOutTaskIds,mainContractId,componentIds',
    );
    const report = await importSources(target, await sourceFiles(result.files));
    expect(report.issues).toEqual([]);
    expect(report.status).toBe('imported');
    expect(await target.counts()).toEqual(await source.counts());
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('imports the same export again without a change', async () => {
    const dir = await temporaryDir();
    const result = await exportLandscape(source, 'csv', dir);
    const before = await target.changeCounter();
    const report = await importSources(target, await sourceFiles(result.files));
    expect(report.status).toBe('unchanged');
    expect(report.relationships).toEqual({ created: 0, deleted: 0 });
    expect(await target.changeCounter()).toBe(before);
  });
});

describe('export slices and formats', () => {
  const landscape = buildFixtureLandscape();

  it('cuts one municipality with everything its records point to, and nothing of the other', () => {
    const aarby = sliceMunicipality(landscape, 'org-aarby');
    const ids = [...aarby.nodes.values()].flat().map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'org-aarby',
        'use-aarby-esdh',
        'sys-esdh',
        'if-esdh-sag',
        'org-nordlys',
        'task-00',
      ]),
    );
    expect(ids).not.toContain('use-borup-esdh');
    expect(ids).not.toContain('org-borup');
  });

  it('exports a municipality as CSV that imports into an empty store on its own', async () => {
    const fixture = await createFixtureStore(landscape);
    disposals.push(fixture.dispose);
    const dir = await temporaryDir();
    const result = await exportLandscape(fixture.store, 'csv', dir, { municipality: 'org-aarby' });
    const empty = await createEmptyStore();
    disposals.push(empty.dispose);
    const report = await importSources(empty.store, await sourceFiles(result.files));
    expect(report.issues).toEqual([]);
    expect(report.imported.Usage?.created).toBe(2);
    expect(result.nodes).toBe(
      Object.values(countLandscape(sliceMunicipality(landscape, 'org-aarby')).nodes).reduce(
        (a, b) => a + b,
        0,
      ),
    );
  });

  it('cuts the neighbourhood of a record to a given depth', () => {
    const slice = sliceAround(landscape, ['sys-oko'], 1);
    const ids = [...slice.nodes.values()]
      .flat()
      .map((n) => n.id)
      .sort();
    expect(ids).toEqual(['sys-oko', 'use-aarby-oko']);
  });

  it('writes GraphML with every node, property and edge, escaped', () => {
    const xml = writeGraphml(landscape);
    const counts = countLandscape(landscape);
    expect(xml.match(/<node /g)?.length).toBe(
      Object.values(counts.nodes).reduce((a, b) => a + b, 0),
    );
    expect(xml.match(/<edge /g)?.length).toBe(
      Object.values(counts.relationships).reduce((a, b) => a + b, 0),
    );
    expect(xml).toContain(
      '<key id="p_noticeMonths" for="node" attr.name="noticeMonths" attr.type="long"/>',
    );
    expect(xml).toContain('<data key="p_yearlyOperationCost">1250000.5</data>');
    expect(xml).toContain('<data key="type">GOVERNS</data>');
    expect(
      writeGraphml({
        nodes: new Map([['DataType', [{ id: 'a&b', name: '<Sag> "x"' }]]]),
        relationships: new Map(),
      }),
    ).toContain(
      '<node id="a&amp;b">\n      <data key="label">DataType</data>\n      <data key="p_name">&lt;Sag&gt; &quot;x&quot;</data>',
    );
  });

  it('writes the landscape as JSON nodes and relationships', () => {
    const json = landscapeToJson(landscape);
    expect(json.nodes).toContainEqual({
      label: 'Relation',
      properties: {
        id: 'rel-oko-esdh',
        municipalityId: 'org-aarby',
        frequency: 'Dagligt',
        description: null,
      },
    });
    expect(json.relationships).toContainEqual({
      type: 'GOVERNS',
      from: 'con-aarby-esdh',
      to: 'rel-oko-esdh',
    });
  });
});
