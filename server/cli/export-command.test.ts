import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../import/fixtures/fixture-files.ts';
import { overblik, type Outcome } from '../testing/run-overblik.ts';

const lastLine = (outcome: Outcome) => outcome.stderr.trim().split('\n').at(-1);

describe('overblik export --analysis', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overblik-cli-export-'));
    db = join(dir, 'valid.kuzu');
    const imported = await overblik('import', join(FIXTURES, 'valid'), '--db', db);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the deadlines of the store as JSON with the API field names', async () => {
    const out = join(dir, 'deadlines.json');
    const outcome = await overblik(
      'export',
      '--format',
      'json',
      '--analysis',
      'deadlines',
      '--input',
      '{"asOf":"2026-03-01","municipalityId":"org-aarby"}',
      '--out',
      out,
      '--db',
      db,
      '--json',
    );
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual({
      format: 'json',
      analysis: 'deadlines',
      files: [out],
    });
    const result = JSON.parse(await readFile(out, 'utf8')) as {
      asOf: string;
      total: number;
      items: Record<string, unknown>[];
    };
    expect(result.asOf).toBe('2026-03-01');
    expect(result.total).toBe(1);
    // contracts.csv: valid to 28-02-2027, six months' notice to the end of a quarter.
    expect(result.items[0]).toMatchObject({
      contractId: 'con-aarby-esdh',
      contract: { id: 'con-aarby-esdh', kind: 'CONTRACT', name: 'ESDH-kontrakt 2019' },
      supplier: { id: 'org-nordlys', kind: 'ORGANIZATION' },
      usageIds: ['use-aarby-esdh', 'use-aarby-oko'],
      dates: { plannedEnd: { known: true, value: '2027-02-28' } },
    });
  });

  it('reads the input from a file with @FILE', async () => {
    const input = join(dir, 'who-uses.json');
    await writeFile(input, JSON.stringify({ systemId: 'sys-esdh', asOf: '2026-03-01' }));
    const out = join(dir, 'who-uses-result.json');
    const outcome = await overblik(
      'export',
      '--format',
      'json',
      '--analysis',
      'whoUses',
      '--input',
      `@${input}`,
      '--out',
      out,
      '--db',
      db,
    );
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain(`Exported the whoUses analysis as json:\n  ${out}`);
    const result = JSON.parse(await readFile(out, 'utf8')) as {
      system: unknown;
      rows: { municipalityId: string; usageId: string }[];
    };
    expect(result.system).toEqual({ id: 'sys-esdh', kind: 'SYSTEM', name: 'Akta ESDH' });
    expect(result.rows.map((r) => r.usageId).sort()).toEqual(['use-aarby-esdh', 'use-borup-esdh']);
  });

  it('fails with one line naming the analysis, the argument and the value, and writes nothing', async () => {
    const out = join(dir, 'bad.json');
    const bad = await overblik(
      'export',
      '--format',
      'json',
      '--analysis',
      'blastRadius',
      '--input',
      '{"input":{"contractIds":["con-aarby-esdh"],"asOf":"2026-13-45x"}}',
      '--out',
      out,
      '--db',
      db,
    );
    expect(bad.code).toBe(1);
    expect(lastLine(bad)).toBe(
      'overblik: blastRadius: argument "input.asOf" = "2026-13-45x": Expected type "Date". Date must be YYYY-MM-DD; got "2026-13-45x"',
    );
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);

    const unknown = await overblik(
      'export',
      '--format',
      'json',
      '--analysis',
      'impact',
      '--out',
      out,
      '--db',
      db,
    );
    expect(lastLine(unknown)).toBe(
      'overblik: Unknown analysis "impact"; use blastRadius, deadlines, compare, whoUses, dataQuality, neighbourhood',
    );
    const notJson = await overblik(
      'export',
      '--format',
      'json',
      '--analysis',
      'deadlines',
      '--input',
      'asOf=2026-03-01',
      '--out',
      out,
      '--db',
      db,
    );
    expect(lastLine(notJson)).toMatch(/^overblik: --input: the value is not JSON \(.+\)$/);
    const csv = await overblik(
      'export',
      '--format',
      'csv',
      '--analysis',
      'deadlines',
      '--out',
      out,
      '--db',
      db,
    );
    expect(lastLine(csv)).toBe('overblik: --analysis exports JSON; use --format json (got "csv")');
  });

  it('without --analysis still exports the landscape as JSON', async () => {
    const out = join(dir, 'landscape.json');
    const outcome = await overblik('export', '--format', 'json', '--out', out, '--db', db);
    expect(outcome.code, outcome.stderr).toBe(0);
    const landscape = JSON.parse(await readFile(out, 'utf8')) as {
      nodes: { label: string; properties: { id: string } }[];
      relationships: unknown[];
    };
    expect(landscape.nodes.some((n) => n.properties.id === 'con-aarby-esdh')).toBe(true);
    expect(landscape.relationships.length).toBeGreaterThan(0);
  });

  it('documents --analysis and its names in export --help', async () => {
    const help = await overblik('export', '--help');
    expect(help.stdout).toContain(
      'overblik export --format json --analysis NAME --out FILE [--input JSON|@FILE]',
    );
    expect(help.stdout).toContain(
      'blastRadius, deadlines, compare, whoUses, dataQuality, neighbourhood',
    );
  });
});
