import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { exportLandscape } from '../export/export-landscape.ts';
import { FIXTURES } from '../import/fixtures/fixture-files.ts';
import type { ImportReport } from '../import/import-report.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphCounts } from '../store/graph-store.ts';
import { createFixtureStore } from '../testing/fixture-store.ts';
import { OVERBLIK_BIN } from '../bench/bench-server.ts';
import { overblik, OVERBLIK_ENV } from '../testing/run-overblik.ts';

const VALID = join(FIXTURES, 'valid');

/** Starts an import and SIGKILLs it as soon as its progress shows `marker` (it is writing). */
function importKilledAt(
  marker: RegExp,
  ...args: string[]
): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [OVERBLIK_BIN, 'import', ...args], {
      env: OVERBLIK_ENV,
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && marker.test(stderr)) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, stderr }));
  });
}

async function storeState(path: string): Promise<{ counts: GraphCounts; changes: number }> {
  const store = await createStore({ kind: 'embedded', path });
  try {
    return { counts: await store.counts(), changes: await store.changeCounter() };
  } finally {
    await store.close();
  }
}

describe('overblik import and export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overblik-cli-import-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('documents the CSV columns in import --help', async () => {
    const help = await overblik('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: overblik import PATH...');
    expect(help.stdout).toMatch(
      /usages\.csv\s+id\*, municipalityId\*, localName, .*systemId, organizationId, usedByIds/,
    );
    expect(help.stdout).toContain('"Opsigelse (måneder)"');
  });

  it('imports into an empty store by the bulk path and prints a JSON report; again it changes nothing', async () => {
    const db = join(dir, 'valid.kuzu');
    const first = await overblik('import', VALID, '--db', db, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as ImportReport;
    expect(report).toMatchObject({
      status: 'imported',
      written: true,
      writePath: 'bulk',
      errors: 0,
      issues: [],
    });
    expect(report.imported.Usage).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.files).toHaveLength(10);
    const stats = JSON.parse((await overblik('stats', '--db', db, '--json')).stdout) as GraphCounts;
    expect(stats.nodes).toMatchObject({ Usage: 3, Contract: 1, OrgUnit: 3, Organization: 3 });

    const second = await overblik('import', VALID, '--db', db, '--json');
    expect(second.code).toBe(0);
    const again = JSON.parse(second.stdout) as ImportReport;
    expect(again).toMatchObject({ status: 'unchanged', written: false, writePath: 'none' });
    expect(again.imported.Usage).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it('exits 1 on a rejected import with every issue as {file, line, column, code, message}', async () => {
    const db = join(dir, 'valid.kuzu');
    const bad = join(FIXTURES, 'bad', 'unknown-enum.csv');
    const outcome = await overblik('import', bad, '--db', db, '--json');
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout) as ImportReport;
    expect(report.status).toBe('rejected');
    expect(report.issues).toEqual([
      {
        file: 'unknown-enum.csv',
        line: 3,
        column: 'lifecycle',
        code: 'UNKNOWN_VALUE',
        severity: 'error',
        message:
          'column "lifecycle": unknown value "Drift" (expected one of UNDECIDED, NOT_IN_USE, PHASING_IN, OPERATIONAL, PHASING_OUT)',
      },
    ]);
    const human = await overblik('import', bad, '--db', db);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(
      'unknown-enum.csv:3: column "lifecycle": unknown value "Drift" (expected one of UNDECIDED, NOT_IN_USE, PHASING_IN, OPERATIONAL, PHASING_OUT)',
    );
    const dry = await overblik('import', bad, '--db', db, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/^Dry run: nothing was written\./);
  });

  it('with --partial writes the valid rows by the transaction path and exits 0', async () => {
    const db = join(dir, 'valid.kuzu');
    const outcome = await overblik(
      'import',
      join(FIXTURES, 'bad', 'unknown-enum.csv'),
      '--db',
      db,
      '--partial',
      '--json',
    );
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as ImportReport;
    expect(report).toMatchObject({
      status: 'imported',
      writePath: 'transaction',
      partial: true,
      errors: 1,
    });
    expect(report.imported.Usage).toMatchObject({ created: 1, rejected: 1 });
    const stats = JSON.parse((await overblik('stats', '--db', db, '--json')).stdout) as GraphCounts;
    expect(stats.nodes.Usage).toBe(4);
  });

  it('fails with one line for a path that does not exist and for an unknown format', async () => {
    const missing = await overblik('import', join(dir, 'nowhere.csv'), '--db', join(dir, 'x.kuzu'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^overblik: No such file or directory: ".*nowhere\.csv"/);
    const format = await overblik('import', VALID, '--format', 'xlsx', '--db', join(dir, 'x.kuzu'));
    expect(format.stderr.trim()).toBe('overblik: Unknown format "xlsx"; use auto, kitos, kle, csv');
  });

  it('exports CSV, GraphML and JSON of a municipality', async () => {
    const db = join(dir, 'valid.kuzu');
    const out = join(dir, 'aarby-csv');
    const csv = await overblik(
      'export',
      '--format',
      'csv',
      '--municipality',
      'org-aarby',
      '--out',
      out,
      '--db',
      db,
      '--json',
    );
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toMatchObject({ format: 'csv' });
    expect(await readdir(out)).toContain('usages.csv');
    expect(await readFile(join(out, 'usages.csv'), 'utf8')).not.toContain('use-borup-esdh');
    const graphml = join(dir, 'aarby.graphml');
    expect(
      (
        await overblik(
          'export',
          '--format',
          'graphml',
          '--municipality',
          'org-aarby',
          '--out',
          graphml,
          '--db',
          db,
        )
      ).code,
    ).toBe(0);
    expect(await readFile(graphml, 'utf8')).toContain('<graphml');
    const unknown = await overblik(
      'export',
      '--format',
      'json',
      '--municipality',
      'nowhere',
      '--out',
      join(dir, 'x.json'),
      '--db',
      db,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n').at(-1)).toBe(
      'overblik: Municipality "nowhere" not found',
    );
  });
});

describe('overblik import killed mid-write', () => {
  let dir: string;
  let csv: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overblik-cli-kill-'));
    // A whole municipality as canonical CSV: ~5,000 records and ~15,000 relationships to write.
    const fixture = await createFixtureStore(generateLandscape({ scale: 'small', seed: 2 }));
    try {
      csv = join(dir, 'small-csv');
      await exportLandscape(fixture.store, 'csv', csv);
    } finally {
      await fixture.dispose();
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('leaves a store that was written to as it was when killed inside the transaction', async () => {
    const db = join(dir, 'kept.kuzu');
    expect((await overblik('import', VALID, '--db', db)).code).toBe(0);
    const before = await storeState(db);
    const { killed, stderr } = await importKilledAt(/writing \d+ \w+ records/, csv, '--db', db);
    expect(killed, stderr).toBe(true);
    const after = await storeState(db);
    expect(after.counts).toEqual(before.counts);
    expect(after.changes).toBe(before.changes);
    // The store still works: the same import completes afterwards.
    const retry = await overblik('import', csv, '--db', db, '--json');
    expect(retry.code).toBe(0);
    expect((JSON.parse(retry.stdout) as ImportReport).writePath).toBe('transaction');
  });

  it('leaves an empty store empty when killed during the bulk load, and a rerun completes', async () => {
    const db = join(dir, 'fresh.kuzu');
    const { killed, stderr } = await importKilledAt(/loading: \d+\/\d+ tables/, csv, '--db', db);
    expect(killed, stderr).toBe(true);
    if (existsSync(db)) {
      const state = await storeState(db);
      expect(Object.values(state.counts.nodes).every((n) => n === 0)).toBe(true);
    }
    const retry = await overblik('import', csv, '--db', db, '--json');
    expect(retry.code).toBe(0);
    const report = JSON.parse(retry.stdout) as ImportReport;
    expect(report).toMatchObject({ status: 'imported', writePath: 'bulk' });
    expect((await storeState(db)).counts.nodes.Usage).toBe(report.imported.Usage?.created);
  });
});
