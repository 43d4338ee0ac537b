import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../store/graph-store.ts';
import {
  FIXTURES,
  HAS_KLE,
  KLE_FILE,
  createEmptyStore,
  sourceFiles,
  textFile,
} from './fixtures/fixture-files.ts';
import { formatIssue } from './import-issue.ts';
import { importSources } from './import-sources.ts';

const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

async function emptyStore(): Promise<GraphStore> {
  const created = await createEmptyStore();
  disposals.push(created.dispose);
  return created.store;
}

/** Every task with its number and its parent's number (null for main groups). */
async function taskTree(
  store: GraphStore,
): Promise<Map<string, { number: string; level: string; parent: string | null }>> {
  const numbers = new Map<string, { number: string; level: string }>();
  for await (const batch of store.streamNodes()) {
    if (batch.label !== 'Task') continue;
    for (const t of batch.nodes)
      numbers.set(t.id, { number: String(t.number), level: String(t.level) });
  }
  const parents = new Map<string, string>();
  for await (const batch of store.streamRelationships()) {
    if (batch.type === 'SUBTASK_OF') for (const r of batch.relationships) parents.set(r.from, r.to);
  }
  const tree = new Map<string, { number: string; level: string; parent: string | null }>();
  for (const [id, task] of numbers) {
    const parent = parents.get(id);
    tree.set(id, { ...task, parent: parent ? numbers.get(parent)!.number : null });
  }
  return tree;
}

if (!HAS_KLE)
  console.warn(
    `Real KLE tests skipped: ${KLE_FILE} is absent (../shared/data from the project root).`,
  );

describe.skipIf(!HAS_KLE)('import of the real KLE plan (../shared/data/kle/kles.json)', () => {
  it('imports all 2,913 tasks as a three-level tree under their numbers, and again without a change', async () => {
    const store = await emptyStore();
    const report = await importSources(store, await sourceFiles([KLE_FILE]));
    expect(report.issues).toEqual([]);
    expect(report.files).toEqual([
      { file: 'kles.json', format: 'kle', kind: 'kle-options', records: 2913 },
    ]);
    expect(report.imported.Task).toEqual({ created: 2913, updated: 0, unchanged: 0, rejected: 0 });
    const tree = await taskTree(store);
    const levels = { MAIN_GROUP: 0, GROUP: 0, SUBJECT: 0 } as Record<string, number>;
    for (const task of tree.values()) {
      levels[task.level]!++;
      // Every group hangs under its main group, every subject under its group.
      const expected =
        task.level === 'MAIN_GROUP' ? null : task.number.slice(0, task.number.lastIndexOf('.'));
      expect(task.parent, task.number).toBe(expected);
    }
    expect(levels).toEqual({ MAIN_GROUP: 36, GROUP: 492, SUBJECT: 2385 });
    expect(tree.get('4eba8818-da19-4e37-b3e1-b9b6be2f2f13')).toEqual({
      number: '00',
      level: 'MAIN_GROUP',
      parent: null,
    });
    const again = await importSources(store, await sourceFiles([KLE_FILE]));
    expect(again.status).toBe('unchanged');
    expect(again.imported.Task).toMatchObject({ unchanged: 2913 });
  });
});

describe('import of KLE', () => {
  it('reads the KLE-Emneplan XML, leaving out retired entries', async () => {
    const store = await emptyStore();
    const report = await importSources(
      store,
      await sourceFiles([join(FIXTURES, 'kle', 'kle-emneplan.xml')]),
    );
    expect(report.status).toBe('imported');
    expect(report.issues.map(formatIssue)).toEqual([
      'kle-emneplan.xml:1: warning: 1 retired KLE entries left out',
    ]);
    const tree = [...(await taskTree(store)).values()].sort((a, b) =>
      a.number.localeCompare(b.number),
    );
    expect(tree).toEqual([
      { number: '99', level: 'MAIN_GROUP', parent: null },
      { number: '99.01', level: 'GROUP', parent: '99' },
      { number: '99.01.00', level: 'SUBJECT', parent: '99.01' },
      { number: '99.02', level: 'GROUP', parent: '99' },
      { number: '99.02.00', level: 'SUBJECT', parent: '99.02' },
    ]);
    const [main] = await store.readNodes(['9e000000-0000-4000-8000-000000000001']);
    const [group] = await store.readNodes(['9e000000-0000-4000-8000-000000000005']);
    expect(main?.properties.title).toBe('Prøvegruppe & test');
    expect(group?.properties.title).toBe('Anden gruppe <CDATA>');
  });

  it('reports a malformed KLE number and a CSV file given as KLE', async () => {
    const store = await emptyStore();
    const report = await importSources(
      store,
      [
        textFile(
          'kle.json',
          JSON.stringify({
            payload: [{ uuid: 'k1', kleNumber: '1.2.3', description: 'Forkert', parentKle: null }],
          }),
        ),
        textFile('tasks.csv', 'id,number,title,level\nt1,00,Styrelse,MAIN_GROUP\n'),
      ],
      { format: 'kle' },
    );
    expect(report.issues.map(formatIssue)).toEqual([
      'kle.json:1: field "kleNumber": KLE number "1.2.3" is not NN, NN.NN or NN.NN.NN',
      'tasks.csv:1: expected KLE as Kitos kle-options JSON or KLE-Emneplan XML',
    ]);
  });
});
