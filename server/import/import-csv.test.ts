import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../store/graph-store.ts';
import {
  FIXTURES,
  VALID_FILES,
  createEmptyStore,
  related,
  sourceFiles,
  textFile,
} from './fixtures/fixture-files.ts';
import { formatIssue } from './import-issue.ts';
import { importSources } from './import-sources.ts';
import { readSourceFiles } from './source-file.ts';

async function read(store: GraphStore, id: string) {
  const [node] = await store.readNodes([id]);
  return node?.properties;
}

// Each group of tests gets its own store, all closed when the file is done.
const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

async function storeFor(load = false): Promise<{ store: GraphStore; dir: string }> {
  const created = await createEmptyStore();
  disposals.push(created.dispose);
  if (load) await importSources(created.store, await sourceFiles(VALID_FILES));
  return created;
}

describe('import of canonical CSV', () => {
  let store: GraphStore;

  beforeAll(async () => {
    ({ store } = await storeFor());
  });

  it('imports Danish headers, dates, numbers, enum names and lists into model records', async () => {
    const report = await importSources(store, await sourceFiles(VALID_FILES));
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ status: 'imported', written: true, writePath: 'transaction' });
    expect(report.imported.Usage).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.relationships).toEqual({ created: 34, deleted: 0 });
    expect(await read(store, 'use-aarby-esdh')).toMatchObject({
      lifecycle: 'OPERATIONAL', // "I drift"
      validFrom: '2019-03-01', // "01-03-2019"
      businessCritical: true, // "ja"
      personalData: 'SENSITIVE_DATA', // "Følsomme persondata"
    });
    expect(await read(store, 'use-aarby-oko')).toMatchObject({
      validTo: '2030-12-31',
      businessCritical: false,
    });
    expect(await read(store, 'con-aarby-esdh')).toMatchObject({
      name: 'ESDH-kontrakt 2019', // "Kontraktnavn"
      validTo: '2027-02-28', // "Gyldig til" 28-02-2027
      noticeMonths: 6, // "Opsigelse (måneder)"
      noticeByEndOf: 'QUARTER', // "Kvartal"
      irrevocableUntil: '2024-12-31', // "Uopsigelig til"
      yearlyOperationCost: 1250000.5, // "1.250.000,50"
      ongoing: false,
    });
    expect(await related(store, 'USED_BY', 'use-aarby-esdh')).toEqual([
      'unit-aarby',
      'unit-aarby-it',
    ]);
    expect(await related(store, 'COVERS', 'con-aarby-esdh')).toEqual([
      'use-aarby-esdh',
      'use-aarby-oko',
    ]);
    // org-units.csv has no organizationId column: each unit is linked to its municipality.
    expect(await related(store, 'UNIT_OF', 'unit-aarby-it')).toEqual(['org-aarby']);
  });

  it('changes nothing when the same files are imported again, and runs no transaction', async () => {
    const before = { counts: await store.counts(), changes: await store.changeCounter() };
    const report = await importSources(store, await sourceFiles(VALID_FILES));
    expect(report).toMatchObject({ status: 'unchanged', written: false, writePath: 'none' });
    for (const counts of Object.values(report.imported)) {
      expect(counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    }
    expect(report.imported.Usage?.unchanged).toBe(3);
    expect(report.relationships).toEqual({ created: 0, deleted: 0 });
    expect(await store.counts()).toEqual(before.counts);
    expect(await store.changeCounter()).toBe(before.changes);
  });
});

describe('import of canonical CSV: bad input', () => {
  let store: GraphStore;

  beforeAll(async () => {
    ({ store } = await storeFor(true));
  });

  const badCases = [
    [
      'broken-quoting.csv',
      'BROKEN_CSV',
      'broken-quoting.csv:3: broken quoting: Invalid Closing Quote: got "k"',
    ],
    [
      'unclosed-quote.csv',
      'BROKEN_CSV',
      'unclosed-quote.csv:3: a quoted field opened on this line is never closed',
    ],
    [
      'wrong-field-count.csv',
      'BROKEN_CSV',
      'wrong-field-count.csv:3: the row has 4 fields but the header has 3',
    ],
    [
      'missing-column.csv',
      'MISSING_COLUMN',
      'missing-column.csv:1: column "name": required column is missing from the header of contracts.csv',
    ],
    [
      'unknown-enum.csv',
      'UNKNOWN_VALUE',
      'unknown-enum.csv:3: column "lifecycle": unknown value "Drift" (expected one of UNDECIDED, NOT_IN_USE, PHASING_IN, OPERATIONAL, PHASING_OUT)',
    ],
    [
      'bad-date.csv',
      'BAD_DATE',
      'bad-date.csv:2: column "validFrom": bad date "31-02-2024" (no such day)',
    ],
    [
      'duplicate-id.csv',
      'DUPLICATE_ID',
      'duplicate-id.csv:4: column "id": id "sys-dup" is already defined at duplicate-id.csv:2',
    ],
    [
      'unknown-reference.csv',
      'UNKNOWN_REFERENCE',
      'unknown-reference.csv:2: column "systemId": unknown System id "sys-missing" (not in the import, not in the store)',
    ],
    [
      'wrong-reference.csv',
      'WRONG_REFERENCE',
      'wrong-reference.csv:2: column "systemId": "unit-aarby" is a stored OrgUnit, not a System',
    ],
    [
      'cross-municipality.csv',
      'CROSS_MUNICIPALITY',
      'cross-municipality.csv:2: column "usedByIds": OrgUnit "unit-aarby-it" belongs to municipality "org-aarby", this record to "org-borup"',
    ],
    [
      'latin1.csv',
      'BAD_ENCODING',
      'latin1.csv:2: the file is not UTF-8 (byte 0xD8 is "Ø" in Windows-1252/ISO-8859-1); save it as UTF-8',
    ],
    ['utf16.csv', 'BAD_ENCODING', 'utf16.csv:1: the file is UTF-16; save it as UTF-8'],
    ['empty.csv', 'EMPTY_FILE', 'empty.csv:1: the file is empty'],
    [
      'unknown-kind.csv',
      'UNKNOWN_KIND',
      'unknown-kind.csv:1: cannot tell what this file holds from its name or header',
    ],
    ['bad-json.txt', 'BAD_JSON', 'bad-json.txt:3: not valid JSON'],
    [
      'bad-xml.xml',
      'BAD_XML',
      'bad-xml.xml:5: not well-formed XML: </Gruppe> closes <Hovedgruppe>',
    ],
  ] as const;

  it.each(badCases)('reports %s as %s at its line and writes nothing', async (file, code, line) => {
    const before = await store.changeCounter();
    const report = await importSources(store, await sourceFiles([join(FIXTURES, 'bad', file)]));
    expect(report.status).toBe('rejected');
    expect(report.written).toBe(false);
    const issue = report.issues.find((i) => i.code === code);
    expect(issue?.severity).toBe('error');
    expect(formatIssue(issue!)).toContain(line);
    expect(await store.changeCounter()).toBe(before);
  });

  it('reports every bad reference of a row, not only the first', async () => {
    const report = await importSources(
      store,
      await sourceFiles([join(FIXTURES, 'bad', 'unknown-reference.csv')]),
    );
    expect(report.issues.map(formatIssue)).toEqual([
      'unknown-reference.csv:2: column "systemId": unknown System id "sys-missing" (not in the import, not in the store)',
      'unknown-reference.csv:3: column "usedByIds": unknown OrgUnit id "unit-nowhere" (not in the import, not in the store)',
    ]);
  });

  it('rejects the whole import when one file of several has an error', async () => {
    const files = await sourceFiles([join(FIXTURES, 'bad', 'unknown-enum.csv')]);
    files.push(textFile('data-types.csv', 'id,name\ndt-dok,Dokument\n'));
    const report = await importSources(store, files);
    expect(report.status).toBe('rejected');
    expect(report.imported.DataType).toMatchObject({ created: 1 });
    expect(await store.readNodes(['dt-dok'])).toEqual([]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = join(FIXTURES, 'valid', 'usages.csv');
    const { files, issues } = await readSourceFiles([big], 100);
    expect(files).toEqual([]);
    const report = await importSources(store, files, {}, issues);
    expect(report.status).toBe('rejected');
    expect(formatIssue(report.issues[0]!)).toMatch(
      /^usages\.csv:1: the file is 0\.0 MB, over the import limit/,
    );
    expect(report.issues[0]!.code).toBe('FILE_TOO_LARGE');
  });

  it('warns about columns it does not know and ignores them', async () => {
    const report = await importSources(store, [
      textFile('data-types.csv', 'id,name,farve\ndt-sag,Sag,blå\n'),
    ]);
    expect(report.status).toBe('unchanged');
    expect(report.issues.map(formatIssue)).toEqual([
      'data-types.csv:1: warning: column "farve": not a column of data-types.csv; ignored',
    ]);
  });
});

describe('import of canonical CSV: writes', () => {
  let store: GraphStore;
  let dir: string;

  beforeAll(async () => {
    ({ store, dir } = await storeFor(true));
  });

  it('checks a dry run completely and writes nothing', async () => {
    const before = await store.changeCounter();
    const report = await importSources(
      store,
      [textFile('data-types.csv', 'id,name\ndt-person,Person\ndt-sag,Sag\n')],
      { dryRun: true },
    );
    expect(report).toMatchObject({ status: 'dry-run', written: false, dryRun: true });
    expect(report.imported.DataType).toMatchObject({ created: 1, unchanged: 1 });
    expect(await store.readNodes(['dt-person'])).toEqual([]);
    expect(await store.changeCounter()).toBe(before);
  });

  it('with --partial writes the valid rows and rejects the rest, and rows that reference them', async () => {
    const files = await sourceFiles([join(FIXTURES, 'bad', 'unknown-enum.csv')]);
    files.push(
      textFile(
        'relations.csv',
        'id,municipalityId,fromId,toId\nrel-ok,org-aarby,use-e1,use-aarby-esdh\nrel-bad,org-aarby,use-e2,use-aarby-esdh\n',
      ),
    );
    const report = await importSources(store, files, { partial: true });
    expect(report).toMatchObject({ status: 'imported', written: true, partial: true });
    expect(report.imported.Usage).toMatchObject({ created: 1, rejected: 1 });
    expect(report.imported.Relation).toMatchObject({ created: 1, rejected: 1 });
    expect(report.issues.map(formatIssue)).toEqual([
      'relations.csv:3: column "fromId": references Usage "use-e2", which was rejected (unknown-enum.csv:3)',
      'unknown-enum.csv:3: column "lifecycle": unknown value "Drift" (expected one of UNDECIDED, NOT_IN_USE, PHASING_IN, OPERATIONAL, PHASING_OUT)',
    ]);
    expect(
      (await store.readNodes(['use-e1', 'use-e2', 'rel-ok', 'rel-bad']))
        .map((n) => n.properties.id)
        .sort(),
    ).toEqual(['rel-ok', 'use-e1']);
  });

  it('updates changed records and replaces the relationships a row states', async () => {
    const path = join(dir, 'usages.csv');
    await writeFile(
      path,
      'id,municipalityId,systemId,lifecycle,usedByIds\n' +
        'use-aarby-esdh,org-aarby,sys-esdh,PHASING_OUT,unit-aarby-it\n',
    );
    const report = await importSources(store, await sourceFiles([path]));
    expect(report.imported.Usage).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(report.relationships).toEqual({ created: 0, deleted: 1 });
    expect(await related(store, 'USED_BY', 'use-aarby-esdh')).toEqual(['unit-aarby-it']);
    // Columns the file leaves out keep what is stored: properties and relationships.
    expect(await read(store, 'use-aarby-esdh')).toMatchObject({
      lifecycle: 'PHASING_OUT',
      localName: 'ESDH',
      validFrom: '2019-03-01',
    });
    expect(await related(store, 'RESPONSIBLE', 'use-aarby-esdh')).toEqual(['unit-aarby-it']);
  });
});
