import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLandscape } from '../../export/landscape-slice.ts';
import { writeCanonicalCsvFiles } from '../../export/write-canonical-csv.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import {
  FIXTURES,
  VALID_FILES,
  createEmptyStore,
  related,
  sourceFiles,
  textFile,
} from '../fixtures/fixture-files.ts';
import { formatIssue } from '../import-issue.ts';
import { importSources } from '../import-sources.ts';

const FORMS = (file: string) => join(FIXTURES, 'kitos-forms', file);

const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

async function emptyStore(): Promise<GraphStore> {
  const created = await createEmptyStore();
  disposals.push(created.dispose);
  return created.store;
}

describe('KLE tasks by number in CSV cells', () => {
  let store: GraphStore;
  const files = ['tasks.csv', 'systems.csv', 'usages.csv'].map(FORMS);

  beforeAll(async () => {
    store = await emptyStore();
    // The valid fixtures store task-00 (00) and task-00-05 (00.05 "Besøg, repræsentation mv.").
    await importSources(store, await sourceFiles(VALID_FILES));
  });

  it('resolves numbers against the tasks of the import and of the store, as Kitos writes them', async () => {
    const report = await importSources(store, await sourceFiles(files));
    expect(report.status).toBe('imported');
    expect(report.issues.map(formatIssue)).toEqual([
      'usages.csv:3: warning: column "Lokalt fravalgte KLE": KLE 27.24.00 is "Sygedagpenge i almindelighed", not "Bibliotekssystemer"; the number was used',
    ]);
    // "27.24.00, 27.24.03": Kitos's list of a system's KLE numbers.
    expect(await related(store, 'SUPPORTS', 'sys-syg')).toEqual(['kle-27-24-00', 'kle-27-24-03']);
    // 00.05 is stored; 27.24.00 named by number and title and again by id is one relationship.
    expect(await related(store, 'SUPPORTS', 'sys-jour')).toEqual(['kle-27-24-00', 'task-00-05']);
    expect(await related(store, 'ADDS_TASK', 'use-aarby-syg')).toEqual(['kle-27-24']);
    expect(await related(store, 'OPTS_OUT_TASK', 'use-aarby-jour')).toEqual(['kle-27-24-00']);
    // tasks.csv names parents by number too ("27.24 Sygedagpenge").
    expect(await related(store, 'SUBTASK_OF', 'kle-27-24-00')).toEqual(['kle-27-24']);
    expect(await related(store, 'SUBTASK_OF', 'kle-27-24')).toEqual(['kle-27']);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await store.changeCounter();
    const report = await importSources(store, await sourceFiles(files));
    expect(report).toMatchObject({
      status: 'unchanged',
      relationships: { created: 0, deleted: 0 },
    });
    expect(await store.changeCounter()).toBe(before);
  });

  it('resolves numbers against the stored tasks alone, and exports ids that import back unchanged', async () => {
    const report = await importSources(store, [
      textFile(
        'systems.csv',
        'id,name,scope,taskIds\nsys-syg,Fagsystem Sygedagpenge,PUBLIC,27.24.03\n',
      ),
    ]);
    expect(report.issues).toEqual([]);
    expect(report.relationships).toEqual({ created: 0, deleted: 1 });
    expect(await related(store, 'SUPPORTS', 'sys-syg')).toEqual(['kle-27-24-03']);

    const exported = writeCanonicalCsvFiles(await readLandscape(store));
    const systems = exported.get('systems.csv')!;
    expect(systems.split('\n').find((l) => l.startsWith('sys-jour,'))).toMatch(
      /,kle-27-24-00;task-00-05|,task-00-05;kle-27-24-00/,
    );
    const again = await importSources(
      store,
      [...exported].map(([name, text]) => textFile(name, text)),
    );
    expect(again).toMatchObject({ status: 'unchanged', errors: 0 });
  });

  it('reports an unknown number with file, line, column and value, and writes nothing', async () => {
    const before = await store.changeCounter();
    const report = await importSources(
      store,
      await sourceFiles([join(FIXTURES, 'bad', 'unknown-kle-number.csv')]),
    );
    expect(report).toMatchObject({ status: 'rejected', written: false });
    expect(report.issues).toEqual([
      expect.objectContaining({
        file: 'unknown-kle-number.csv',
        line: 2,
        column: 'taskIds',
        code: 'UNKNOWN_REFERENCE',
      }),
      expect.objectContaining({ line: 3, column: 'taskIds', code: 'UNKNOWN_REFERENCE' }),
    ]);
    expect(report.issues.map(formatIssue)).toEqual([
      'unknown-kle-number.csv:2: column "taskIds": unknown KLE number "27.99.00": no task has it in the import or the store; give a task id or a number of the KLE plan',
      'unknown-kle-number.csv:3: column "taskIds": unknown KLE number "99" (in "99 Ingen hovedgruppe"): no task has it in the import or the store; give a task id or a number of the KLE plan',
    ]);
    expect(await store.changeCounter()).toBe(before);
  });

  it('reports a number two tasks share instead of picking one', async () => {
    const report = await importSources(store, [
      textFile('tasks.csv', 'id,number,title,level\nkle-27-24-03-copy,27.24.03,Kopi,SUBJECT\n'),
      textFile('systems.csv', 'id,name,scope,taskIds\nsys-kopi,Kopi,PUBLIC,27.24.03\n'),
      textFile(
        'more-tasks.csv',
        'id,number,title,level\nkle-27-24-03-copy2,27.24.03,Kopi,SUBJECT\n',
      ),
    ]);
    expect(report.issues.map(formatIssue)).toContain(
      'systems.csv:2: column "taskIds": KLE number "27.24.03" names 2 tasks ("kle-27-24-03-copy", "kle-27-24-03-copy2"); give the task id instead',
    );
  });
});

describe('KLE tasks by number into an empty store', () => {
  it('resolves numbers against the import alone', async () => {
    const store = await emptyStore();
    const files = [
      ...(await sourceFiles([FORMS('tasks.csv')])),
      textFile(
        'systems.csv',
        'id,name,scope,KLE\nsys-syg,Fagsystem Sygedagpenge,PUBLIC,27.24.00 | 27.24.03\n',
      ),
    ];
    const report = await importSources(store, files, { checkEmpty: true });
    expect(report.issues).toEqual([]);
    expect(report.status).toBe('imported');
    expect(await related(store, 'SUPPORTS', 'sys-syg')).toEqual(['kle-27-24-00', 'kle-27-24-03']);
  });
});
