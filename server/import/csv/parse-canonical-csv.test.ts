import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLandscape } from '../../export/landscape-slice.ts';
import { writeCanonicalCsvFiles } from '../../export/write-canonical-csv.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import {
  FIXTURES,
  VALID_FILES,
  createEmptyStore,
  sourceFiles,
  textFile,
} from '../fixtures/fixture-files.ts';
import { formatIssue } from '../import-issue.ts';
import { importSources } from '../import-sources.ts';

let store: GraphStore;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ store, dispose } = await createEmptyStore());
  await importSources(store, await sourceFiles(VALID_FILES));
});
afterAll(() => dispose());

async function plan(id: string) {
  const [node] = await store.readNodes([id]);
  return node && [node.properties.procurementPlanYear, node.properties.procurementPlanQuarter];
}

describe('the combined Genanskaffelsesplan column of contracts.csv', () => {
  it('reads year and quarter from the forms Kitos and people write', async () => {
    const report = await importSources(
      store,
      await sourceFiles([join(FIXTURES, 'kitos-forms', 'contracts.csv')]),
    );
    expect(report.issues).toEqual([]);
    expect(report.imported.Contract).toMatchObject({ created: 5 });
    expect(await plan('con-aarby-a')).toEqual([2027, 2]); // "2027 | Q2", as Kitos's grid shows it
    expect(await plan('con-aarby-b')).toEqual([2028, 3]); // "Q3 2028", agreeing with (år) 2028
    expect(await plan('con-aarby-c')).toEqual([2029, 1]); // "2029-Q1"
    expect(await plan('con-aarby-d')).toEqual([2030, 4]); // "2030 q4"
    expect(await plan('con-aarby-e')).toEqual([2031, null]); // only "Genanskaffelsesplan (år)"
  });

  it('reports a bad value and a disagreement with the separate column at file:line, column and value', async () => {
    const before = await store.changeCounter();
    const report = await importSources(
      store,
      await sourceFiles([join(FIXTURES, 'bad', 'bad-procurement-plan.csv')]),
    );
    expect(report).toMatchObject({ status: 'rejected', written: false, errors: 2 });
    expect(report.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'Genanskaffelsesplan', 'BAD_VALUE'],
      [3, 'Genanskaffelsesplan', 'BAD_VALUE'],
    ]);
    expect(report.issues.map(formatIssue)).toEqual([
      'bad-procurement-plan.csv:2: column "Genanskaffelsesplan": bad procurement plan "2027 | Q5" (use year and quarter as Kitos shows them, "2027 | Q2"; also "2027 Q2", "Q2 2027" or "2027-Q2")',
      'bad-procurement-plan.csv:3: column "Genanskaffelsesplan": "2027 | Q2" gives procurementPlanQuarter 2, but column "Genanskaffelsesplan (kvartal)" says 3',
    ]);
    expect(await store.changeCounter()).toBe(before);
  });

  it('updates both properties of a stored contract and keeps the columns the file leaves out', async () => {
    const report = await importSources(store, [
      textFile(
        'contracts.csv',
        'id,municipalityId,name,Genanskaffelsesplan\ncon-aarby-esdh,org-aarby,ESDH-kontrakt 2019,Q1 2026\n',
      ),
    ]);
    expect(report.issues).toEqual([]);
    expect(report.imported.Contract).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await plan('con-aarby-esdh')).toEqual([2026, 1]);
    const [node] = await store.readNodes(['con-aarby-esdh']);
    expect(node?.properties).toMatchObject({ validTo: '2027-02-28', noticeMonths: 6 });
  });

  it('is never exported: the export writes the separate columns, which import back unchanged', async () => {
    const files = writeCanonicalCsvFiles(await readLandscape(store));
    const contracts = files.get('contracts.csv')!;
    const header = contracts.split('\n')[0]!.split(',');
    expect(header).toContain('procurementPlanYear');
    expect(header).toContain('procurementPlanQuarter');
    expect(header).not.toContain('procurementPlan');
    expect(contracts.split('\n').find((l) => l.startsWith('con-aarby-a,'))).toContain(',2027,2,');
    const again = await importSources(
      store,
      [...files].map(([name, text]) => textFile(name, text)),
    );
    expect(again).toMatchObject({ status: 'unchanged', errors: 0 });
  });
});
