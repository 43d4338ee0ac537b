import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../store/graph-store.ts';
import {
  FIXTURES,
  HAS_KITOS_SAMPLES,
  KITOS_SAMPLES,
  createEmptyStore,
  sourceFiles,
  textFile,
} from './fixtures/fixture-files.ts';
import { formatIssue } from './import-issue.ts';
import { importSources } from './import-sources.ts';

/** The UUIDs of fixtures/kitos (written for these tests in the Kitos API v2 shapes). */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG = id(1);
const SUPPLIER = id(2);
const [SYSTEM_A, SYSTEM_B, INTERFACE, DATA_TYPE] = [id(20), id(21), id(30), id(31)];
const [UNIT_ROOT, UNIT_IT, USAGE_1, USAGE_2, RELATION, CONTRACT, DPR] = [
  id(40),
  id(41),
  id(50),
  id(51),
  id(60),
  id(70),
  id(80),
];
const KITOS_DIR = join(FIXTURES, 'kitos');

const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

async function emptyStore(): Promise<{ store: GraphStore; dir: string }> {
  const created = await createEmptyStore();
  disposals.push(created.dispose);
  return created;
}

async function kitosFiles() {
  const names = (await readdir(KITOS_DIR)).sort();
  return sourceFiles(names.map((n) => join(KITOS_DIR, n)));
}

async function properties(store: GraphStore, key: string) {
  const [node] = await store.readNodes([key]);
  return node?.properties;
}

async function edges(store: GraphStore, type: string): Promise<string[]> {
  const found: string[] = [];
  for await (const batch of store.streamRelationships()) {
    if (batch.type === type) for (const r of batch.relationships) found.push(`${r.from}>${r.to}`);
  }
  return found.sort();
}

describe('import of Kitos API v2 JSON', () => {
  let store: GraphStore;
  let dir: string;

  beforeAll(async () => {
    ({ store, dir } = await emptyStore());
  });

  it('maps a download of every resource into records and relationships, keeping Kitos UUIDs', async () => {
    const report = await importSources(store, await kitosFiles());
    expect(report.issues).toEqual([]);
    expect(report.status).toBe('imported');
    expect(report.files.find((f) => f.file === 'it-system-usages-1.json')).toMatchObject({
      format: 'kitos',
      kind: 'it-system-usages',
      records: 1,
    });
    expect(report.files.find((f) => f.file === 'kle-options.json')?.format).toBe('kle');
    expect(await properties(store, USAGE_1)).toEqual({
      id: USAGE_1,
      municipalityId: ORG,
      localName: 'ESDH',
      localSystemId: 'L-Akta',
      lifecycle: 'OPERATIONAL',
      validFrom: '2019-03-01',
      validTo: null,
      hostedAt: 'ON_PREMISE',
      businessCritical: true,
      criticality: 'HIGH',
      personalData: 'SENSITIVE_DATA',
      archiveDuty: 'K',
      userCount: 'TEN_TO_FIFTY',
    });
    expect(await properties(store, CONTRACT)).toMatchObject({
      municipalityId: ORG,
      contractNumber: 'K-2019-01',
      contractType: 'Hovedkontrakt',
      validFrom: '2019-03-01',
      validTo: '2027-02-28',
      durationYears: 4,
      ongoing: false,
      extensionOption: '2 x 1 år',
      extensionsUsed: 1,
      irrevocableUntil: '2023-02-28',
      noticeMonths: 6,
      noticeByEndOf: 'QUARTER',
      terminatedAt: null,
      enforcedValid: false,
      procurementPlanYear: 2026,
      procurementPlanQuarter: 2,
      procurementStrategy: 'EU udbud',
      purchaseForm: 'SKI',
      procurementInitiated: false,
      criticality: 'Kritikalitet 1',
      acquisitionCost: 100000,
      yearlyOperationCost: 300000,
    });
    expect(await properties(store, SYSTEM_A)).toMatchObject({
      scope: 'PUBLIC',
      businessType: 'ESDH og Journalisering (STORM)',
      recommendedArchiveDuty: 'B',
      disabled: false,
      ownerId: null,
    });
    expect(await properties(store, SYSTEM_B)).toMatchObject({ scope: 'LOCAL', ownerId: ORG });
    expect(await properties(store, INTERFACE)).toMatchObject({
      technology: 'WS REST',
      interfaceId: 'AKTA-01',
    });
    expect(await properties(store, DATA_TYPE)).toEqual({ id: DATA_TYPE, name: 'Sag' });
    expect(await properties(store, RELATION)).toMatchObject({
      municipalityId: ORG,
      frequency: 'Ugentligt',
    });
    expect(await properties(store, DPR)).toMatchObject({
      agreementConcluded: 'YES',
      thirdCountryTransfer: false,
      oversightInterval: 'YEARLY',
    });
    expect(await properties(store, ORG)).toMatchObject({ kind: 'MUNICIPALITY', cvr: '29189900' });
    expect(await properties(store, SUPPLIER)).toMatchObject({ kind: 'SUPPLIER' });
    // Units name no organisation; the usages that use them put them in Aarby.
    expect(await properties(store, UNIT_IT)).toMatchObject({
      municipalityId: ORG,
      name: 'IT og Digitalisering',
    });
    expect(await properties(store, UNIT_ROOT)).toMatchObject({ ean: '5798000000001' });
    expect(await edges(store, 'UNIT_OF')).toEqual([`${UNIT_ROOT}>${ORG}`, `${UNIT_IT}>${ORG}`]);
    expect(await edges(store, 'FROM_USAGE')).toEqual([`${RELATION}>${USAGE_1}`]);
    expect(await edges(store, 'TO_USAGE')).toEqual([`${RELATION}>${USAGE_2}`]);
    expect(await edges(store, 'VIA')).toEqual([`${RELATION}>${INTERFACE}`]);
    expect(await edges(store, 'GOVERNS')).toEqual([`${CONTRACT}>${RELATION}`]);
    expect(await edges(store, 'EXPOSES')).toEqual([`${SYSTEM_A}>${INTERFACE}`]);
    expect(await edges(store, 'COVERS')).toEqual(
      [`${CONTRACT}>${USAGE_1}`, `${CONTRACT}>${USAGE_2}`, `${DPR}>${USAGE_1}`].sort(),
    );
    expect(await edges(store, 'SUPPLIED_BY')).toEqual([`${CONTRACT}>${SUPPLIER}`]);
    expect(await edges(store, 'ADDS_TASK')).toEqual([`${USAGE_1}>${id(12)}`]);
    expect((await store.counts()).relationships.SUBTASK_OF).toBe(2);
  });

  it('changes nothing when the same download is imported again', async () => {
    const before = await store.changeCounter();
    const report = await importSources(store, await kitosFiles());
    expect(report.status).toBe('unchanged');
    expect(Object.values(report.imported).every((c) => c.created + c.updated === 0)).toBe(true);
    expect(await store.changeCounter()).toBe(before);
  });

  it('keeps a lone surrogate escaped in JSON as U+FFFD, and a re-import changes nothing', async () => {
    const systems = JSON.parse(
      (await sourceFiles([join(KITOS_DIR, 'it-systems.json')]))[0]!.bytes.toString(),
    ) as { description: string | null }[];
    systems[0]!.description = 'Sager \ud800 og dokumenter';
    const path = join(dir, 'lone-surrogate.json');
    // JSON.stringify escapes the lone surrogate, as a Kitos client may.
    await writeFile(path, JSON.stringify(systems));
    const first = await importSources(store, await sourceFiles([path]));
    expect(first.imported.System).toMatchObject({ updated: 1 });
    expect((await properties(store, SYSTEM_A))?.description).toBe('Sager \ufffd og dokumenter');
    const again = await importSources(store, await sourceFiles([path]));
    expect(again.status).toBe('unchanged');
  });

  it('trims uuids as the CSV import trims ids, and refuses a blank one by file and field', async () => {
    const { store: fresh } = await emptyStore();
    const organization = (uuid: string) =>
      JSON.stringify([{ uuid, name: 'Aarby Kommune', organizationType: 'Municipality' }]);
    const blank = await importSources(fresh, [textFile('organizations.json', organization(' '))]);
    expect(blank.status).toBe('rejected');
    expect(blank.issues.map(formatIssue)).toEqual([
      'organizations.json:1: field "uuid": a uuid is required (organizations)',
    ]);
    const padded = await importSources(fresh, [
      textFile('organizations.json', organization(` ${ORG}\t`)),
    ]);
    expect(padded.status).toBe('imported');
    expect(await properties(fresh, ORG)).toMatchObject({ id: ORG, name: 'Aarby Kommune' });
  });

  it('updates a usage in place and drops the unit it no longer lists', async () => {
    const usage = JSON.parse(
      (await sourceFiles([join(KITOS_DIR, 'it-system-usages-1.json')]))[0]!.bytes.toString(),
    ) as { payload: Record<string, unknown>[] };
    const dto = usage.payload[0] as {
      general: { validity: { lifeCycleStatus: string } };
      organizationUsage: { usingOrganizationUnits: unknown[] };
    };
    dto.general.validity.lifeCycleStatus = 'PhasingOut';
    dto.organizationUsage.usingOrganizationUnits = [{ uuid: UNIT_IT, name: 'IT' }];
    const path = join(dir, 'changed-usage.json');
    await writeFile(path, JSON.stringify(usage));
    const report = await importSources(store, await sourceFiles([path]));
    expect(report.issues).toEqual([]);
    expect(report.imported.Usage).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(report.imported.Relation).toMatchObject({ unchanged: 1 });
    expect(report.relationships).toEqual({ created: 0, deleted: 1 });
    expect((await properties(store, USAGE_1))?.lifecycle).toBe('PHASING_OUT');
    expect((await edges(store, 'USED_BY')).filter((e) => e.startsWith(USAGE_1))).toEqual([
      `${USAGE_1}>${UNIT_IT}`,
    ]);
  });
});

if (!HAS_KITOS_SAMPLES) {
  console.warn(
    `Kitos sample tests skipped: ${KITOS_SAMPLES} is absent (../shared/data from the project root).`,
  );
}

describe.skipIf(!HAS_KITOS_SAMPLES)(
  'import of the real-shaped Kitos samples (../shared/data/kitos-api-v2)',
  () => {
    it('reads every sample, tells the resources apart, and reports the references that dangle', async () => {
      const { store } = await emptyStore();
      const samples = await readdir(KITOS_SAMPLES);
      const report = await importSources(
        store,
        await sourceFiles(samples.map((f) => join(KITOS_SAMPLES, f))),
      );
      expect(report.status).toBe('rejected');
      expect(Object.fromEntries(report.files.map((f) => [f.file, f.kind]))).toEqual({
        'data-processing-registration.json': 'data-processing-registrations',
        'it-contract.json': 'it-contracts',
        'it-interfaces-v2.json': 'it-interfaces',
        'it-system-usage-incoming-relations.json': 'incoming-system-relations',
        'it-system-usage.json': 'it-system-usages',
        'it-system.json': 'it-systems',
        'organization-units.json': 'organization-units',
      });
      const lines = report.issues.map(formatIssue);
      expect(lines).toEqual(
        expect.arrayContaining([
          'it-system-usage.json:1: field "systemContext": unknown System id "9c8ddc3f-ffdd-47e5-9e46-1d37826d25a7" (not in the import, not in the store)',
          'it-system-usage.json:1: field "organizationUsage.usingOrganizationUnits": unknown OrgUnit id "803fd406-27e2-4785-b162-02ee6ea876d1" (not in the import, not in the store)',
          'it-system.json:1: field "parentSystem": unknown System id "bbb11fff-cf8d-4fb4-8b89-d8822cce64b0" (not in the import, not in the store)',
          'it-system.json:1: field "kle": unknown Task id "fc3a0c79-3f0c-41cc-a217-633c72f3ebbc" (not in the import, not in the store)',
          'it-contract.json:1: field "systemUsages": unknown Usage id "3e9ebd8b-b37e-4019-9b33-906cac65011b" (not in the import, not in the store)',
          'it-system-usage.json:159: warning: field "relationFrequency": unknown option "Kvartal2" kept as text',
        ]),
      );
      expect(
        lines.find((l) =>
          l.startsWith(
            'organization-units.json:2: organisation units "test1", "test2", "test3" do not name their municipality',
          ),
        ),
      ).toBeDefined();
      expect(report.issues.find((i) => i.code === 'IGNORED')).toMatchObject({
        file: 'it-system-usage-incoming-relations.json',
        severity: 'warning',
      });
      const codes = new Set(report.issues.filter((i) => i.severity === 'error').map((i) => i.code));
      expect([...codes].sort()).toEqual(['AMBIGUOUS_MUNICIPALITY', 'UNKNOWN_REFERENCE']);
      expect(await store.changeCounter()).toBe(0);
    });

    it('with --municipality and --partial writes the complete records and leaves out the rest', async () => {
      const { store } = await emptyStore();
      const samples = await readdir(KITOS_SAMPLES);
      const municipality = 'b971f663-2c0e-44d2-9da2-fbf9cdd8df85';
      const report = await importSources(
        store,
        await sourceFiles(samples.map((f) => join(KITOS_SAMPLES, f))),
        {
          partial: true,
          municipality,
        },
      );
      expect(report.status).toBe('imported');
      expect(report.imported).toMatchObject({
        OrgUnit: { created: 3, rejected: 0 },
        Interface: { created: 1 },
        DataProcessing: { created: 1 },
        Usage: { created: 0, rejected: 1 },
        Contract: { created: 0, rejected: 1 },
        System: { created: 0, rejected: 1 },
        Relation: { created: 0, rejected: 2 },
      });
      expect(
        (await store.readNodes(['f1a0ac85-825f-421c-8b94-92b833a3a788']))[0]?.properties,
      ).toEqual({
        id: 'f1a0ac85-825f-421c-8b94-92b833a3a788',
        municipalityId: municipality,
        name: 'test3',
        ean: '55',
      });
      expect(
        (await store.readNodes(['10759456-569b-44a5-8c1a-96716ce141f5']))[0]?.properties,
      ).toMatchObject({
        name: 'DefaultDpa',
        agreementConcluded: 'NO',
        thirdCountryTransfer: false,
        municipalityId: '9081238b-7d42-45fa-bf0a-672fdcf8c602',
      });
      // The organisations the written records name, and only those, became organisation records.
      const organizations = (await store.counts()).nodes.Organization;
      expect(organizations).toBe(2);
    });
  },
);
