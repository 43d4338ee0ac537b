import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessPolicy } from '../access/access-policy.ts';
import { overblik, type Outcome } from '../testing/run-overblik.ts';

describe('overblik CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overblik-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('seeds the small landscape and reports the counts it wrote as JSON', async () => {
    const db = join(dir, 'small.kuzu');
    const seeded = await overblik('seed', '--scale', 'small', '--seed', '7', '--db', db, '--json');
    expect(seeded.code).toBe(0);
    const result = JSON.parse(seeded.stdout) as {
      scale: string;
      counts: { nodes: Record<string, number>; relationships: Record<string, number> };
    };
    expect(result.scale).toBe('small');
    expect(result.counts.nodes.Organization).toBeGreaterThan(1);
    expect(result.counts.nodes.Usage).toBeGreaterThan(300);

    const stats = await overblik('stats', '--db', db, '--json');
    expect(stats.code).toBe(0);
    const counts = JSON.parse(stats.stdout) as typeof result.counts;
    expect(counts.nodes).toEqual(result.counts.nodes);
    expect(counts.relationships).toEqual(result.counts.relationships);
  });

  it('replaces the store on a second seed instead of adding to it', async () => {
    const db = join(dir, 'twice.kuzu');
    const first = await overblik('seed', '--scale', 'small', '--db', db, '--json');
    const second = await overblik('seed', '--scale', 'small', '--db', db, '--json');
    expect(second.code).toBe(0);
    const counts = (outcome: Outcome) => (JSON.parse(outcome.stdout) as { counts: unknown }).counts;
    expect(counts(second)).toEqual(counts(first));
  });

  it('prints human tables by default', async () => {
    const db = join(dir, 'human.kuzu');
    await overblik('seed', '--scale', 'small', '--db', db);
    const stats = await overblik('stats', '--db', db);
    expect(stats.stdout).toMatch(/Nodes:\n(.|\n)*Usage\s+\d+/);
  });

  it('fails with one line naming the bad value', async () => {
    const outcome = await overblik('seed', '--scale', 'huge', '--db', join(dir, 'x.kuzu'));
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim()).toBe(
      'overblik: Unknown scale "huge"; use small, medium, national',
    );
  });

  it('reports every configuration problem at once', async () => {
    const outcome = await overblik('stats', '--store', 'neo4j', '--port', 'x');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim()).toBe(
      'overblik: Invalid configuration: PORT must be a number; NEO4J_URI is required when ' +
        'STORE=neo4j; NEO4J_PASSWORD is required when STORE=neo4j',
    );
  });

  it('makes an API token whose access-file entry admits it', async () => {
    const outcome = await overblik(
      'token',
      '--name',
      'ib',
      '--municipality',
      'org-aarby',
      '--role',
      'editor',
      '--json',
    );
    expect(outcome.code, outcome.stderr).toBe(0);
    const { token, entry } = JSON.parse(outcome.stdout) as {
      token: string;
      entry: Record<string, unknown>;
    };
    const policy = AccessPolicy.parse({ tokens: [entry] }, 'printed entry');
    expect(policy.authenticate(`Bearer ${token}`)).toMatchObject({ id: 'ib', role: 'EDITOR' });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('refuses to serve on a shared address without access control', async () => {
    const outcome = await overblik('serve', '--host', '0.0.0.0', '--db', join(dir, 'none.kuzu'));
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('HOST 0.0.0.0 makes a shared server');
  });

  it('rejects an unknown command', async () => {
    const outcome = await overblik('frobnicate');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('Unknown command "frobnicate"');
  });
});
