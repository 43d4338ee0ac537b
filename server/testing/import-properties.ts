import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { readLandscape } from '../export/landscape-slice.ts';
import { writeCanonicalCsvFiles } from '../export/write-canonical-csv.ts';
import { IMPORT_ISSUE_CODES, type ImportIssue } from '../import/import-issue.ts';
import type { ImportReport } from '../import/import-report.ts';
import { importSources, type ImportOptions } from '../import/import-sources.ts';
import type { SourceFile } from '../import/source-file.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** What a store holds, summed up: totals, and a digest of every record and relationship. */
export interface StoreSnapshot {
  readonly nodes: number;
  readonly relationships: number;
  /** SHA-256 over every node (label, properties in key order) and relationship, sorted. */
  readonly digest: string;
  readonly changeCounter: number;
}

function canonicalJson(record: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}

/** Every node and relationship of a store as one sorted line each. */
async function storeLines(
  store: GraphStore,
): Promise<{ lines: string[]; nodes: number; relationships: number }> {
  const lines: string[] = [];
  let nodes = 0;
  let relationships = 0;
  for await (const batch of store.streamNodes()) {
    for (const node of batch.nodes) lines.push(`N ${batch.label} ${canonicalJson(node)}`);
    nodes += batch.nodes.length;
  }
  for await (const batch of store.streamRelationships()) {
    for (const r of batch.relationships) {
      lines.push(`R ${batch.type} ${JSON.stringify([r.from, r.fromLabel, r.to, r.toLabel])}`);
    }
    relationships += batch.relationships.length;
  }
  lines.sort();
  return { lines, nodes, relationships };
}

/** Reads the whole store (for the small landscapes of property tests) into a snapshot. */
export async function snapshotStore(store: GraphStore): Promise<StoreSnapshot> {
  const { lines, nodes, relationships } = await storeLines(store);
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return {
    nodes,
    relationships,
    digest: hash.digest('hex'),
    changeCounter: await store.changeCounter(),
  };
}

function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return lines;
}

/**
 * What is wrong with a report's issues, as readable lines (empty when nothing is): every issue
 * names an input file and a line inside it, has a code of the closed set, a severity, and a
 * non-empty message short enough to read (a huge cell must not flood the report).
 */
export function issueProblems(report: ImportReport, files: readonly SourceFile[]): string[] {
  const lines = new Map(files.map((f) => [f.name, lineCount(f.bytes)]));
  const problems: string[] = [];
  const codes: readonly string[] = IMPORT_ISSUE_CODES;
  const describe = (issue: ImportIssue) => JSON.stringify(issue).slice(0, 300);
  for (const issue of report.issues) {
    const last = lines.get(issue.file);
    if (last === undefined) problems.push(`names no input file: ${describe(issue)}`);
    if (
      !Number.isInteger(issue.line) ||
      issue.line < 1 ||
      (last !== undefined && issue.line > last)
    )
      problems.push(`line outside the file (1–${last}): ${describe(issue)}`);
    if (!codes.includes(issue.code)) problems.push(`unknown code: ${describe(issue)}`);
    if (issue.severity !== 'error' && issue.severity !== 'warning')
      problems.push(`unknown severity: ${describe(issue)}`);
    if (typeof issue.message !== 'string' || issue.message.trim() === '')
      problems.push(`no message: ${describe(issue)}`);
    else if (issue.message.length > 1000)
      problems.push(`message of ${issue.message.length} characters: ${describe(issue)}`);
  }
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  if (errors !== report.errors) problems.push(`errors ${report.errors}, error issues ${errors}`);
  return problems;
}

/**
 * Imports `files` and checks the import's promises: it does not throw; every issue is well
 * formed ({@link issueProblems}); an import with errors is rejected (unless partial) and a
 * rejected, unchanged or dry-run import leaves the store exactly as it was; an import that wrote
 * changed the node count by what it reports created, importing the same files again changes
 * nothing, and the store's canonical CSV export reads back as exactly what is stored (so what an
 * import wrote can be exported and imported elsewhere). Returns the report and whether the store
 * changed.
 */
export async function checkImport(
  store: GraphStore,
  files: readonly SourceFile[],
  options: ImportOptions = {},
): Promise<{ report: ImportReport; changed: boolean }> {
  const before = await snapshotStore(store);
  const report = await importSources(store, files, options);
  expect(issueProblems(report, files)).toEqual([]);
  const after = await snapshotStore(store);
  if (report.errors > 0 && !options.partial && !options.dryRun) {
    expect(report.status).toBe('rejected');
  }
  if (report.status !== 'imported') {
    expect(report.written).toBe(false);
    expect(after).toEqual(before);
    return { report, changed: false };
  }
  expect(report.written).toBe(true);
  let created = 0;
  for (const counts of Object.values(report.imported)) created += counts.created;
  expect(after.nodes - before.nodes).toBe(created);
  const again = await importSources(store, files, options);
  const unchanged = (label: string, counts: { created: number; updated: number }) =>
    counts.created === 0 && counts.updated === 0 ? null : label;
  expect({
    status: again.status,
    relationships: again.relationships,
    changedLabels: Object.entries(again.imported).flatMap(
      ([label, counts]) => unchanged(label, counts) ?? [],
    ),
  }).toEqual({ status: 'unchanged', relationships: { created: 0, deleted: 0 }, changedLabels: [] });
  expect(await snapshotStore(store)).toEqual(after);
  const exported = [...writeCanonicalCsvFiles(await readLandscape(store))].map(([name, text]) => ({
    name,
    bytes: Buffer.from(text, 'utf8'),
  }));
  const stored = await storeLines(store);
  const roundTrip = await importSources(store, exported);
  const reread = await storeLines(store);
  const lost = stored.lines.filter((line) => !reread.lines.includes(line));
  const gained = reread.lines.filter((line) => !stored.lines.includes(line));
  expect({ status: roundTrip.status, issues: roundTrip.issues, lost, gained }).toEqual({
    status: 'unchanged',
    issues: [],
    lost: [],
    gained: [],
  });
  return { report, changed: true };
}
