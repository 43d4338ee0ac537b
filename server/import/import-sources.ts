import type { Landscape } from '../model/landscape.ts';
import type { GraphStore, StoredNode } from '../store/graph-store.ts';
import { checkReferences } from './check-references.ts';
import { parseCanonicalCsv } from './csv/parse-canonical-csv.ts';
import { resolveKleNumbers } from './csv/resolve-kle-numbers.ts';
import { importError, type ImportIssue } from './import-issue.ts';
import type { FileReport, ImportFormat, ImportReport } from './import-report.ts';
import { readKleXml } from './kle/read-kle-xml.ts';
import { KitosDocuments, readKitosJson } from './kitos/read-kitos-json.ts';
import { stageKitos } from './kitos/stage-kitos.ts';
import { planAsLandscape, planSize, planWrites, type WritePlan } from './plan-writes.ts';
import { readOwnedRelationships, readStoredNodes } from './read-stored.ts';
import { decodeSourceText, type SourceFile } from './source-file.ts';
import { writePlanInTransaction } from './write-plan.ts';
import { ImportStaging, type StagedNode } from './staging.ts';

/** How an import reads and writes. */
export interface ImportOptions {
  /** Force a format; `auto` tells it from each file's content. @default 'auto' */
  readonly format?: 'auto' | ImportFormat;
  /** Check everything and report, write nothing. @default false */
  readonly dryRun?: boolean;
  /** Write the valid records and report the rest, instead of rejecting the import. @default false */
  readonly partial?: boolean;
  /** The municipality of Kitos organisation units when the import cannot tell. */
  readonly municipality?: string;
  /**
   * Count the stored nodes, to know whether the bulk path into an empty store is open (the CLI
   * does; it costs a query per label and relationship type). @default false
   */
  readonly checkEmpty?: boolean;
  /** Called with a line of progress now and then. */
  readonly onProgress?: (message: string) => void;
  /**
   * Restricts the import to one municipality's local records (an editor's import): other
   * municipalities' records and new or changed catalogue records are NOT_PERMITTED.
   * @default no restriction (local mode, administrators, the CLI)
   */
  readonly onlyMunicipality?: string;
}

/** An import read, checked and compared with the store, ready to write. */
export interface ImportPlan {
  readonly options: ImportOptions;
  readonly files: readonly FileReport[];
  readonly issues: readonly ImportIssue[];
  readonly errors: number;
  readonly writes: WritePlan;
  /** The store held no nodes when the plan was made (only known with `checkEmpty`). */
  readonly storeWasEmpty: boolean;
  /** Records the import may not write were found: nothing is written, even when partial. */
  readonly notPermitted: boolean;
  readonly startedAt: number;
  readonly checkMs: number;
}

type ContentShape = 'json' | 'xml' | 'csv';

function contentShape(text: string): ContentShape {
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'xml';
  return 'csv';
}

function readFile(
  file: SourceFile,
  forced: ImportFormat | undefined,
  staging: ImportStaging,
  kitos: KitosDocuments,
): FileReport {
  const decoded = decodeSourceText(file);
  if ('issue' in decoded) {
    staging.issues.push(decoded.issue);
    return { file: file.name, format: null, kind: null, records: 0 };
  }
  const { text } = decoded;
  const shape = contentShape(text);
  const at = { file: file.name, line: 1 };
  if (forced === 'kitos' && shape !== 'json') {
    staging.issues.push(importError(at, 'UNKNOWN_FORMAT', 'expected Kitos API v2 JSON'));
    return { file: file.name, format: null, kind: null, records: 0 };
  }
  if (forced === 'kle' && shape === 'csv') {
    staging.issues.push(
      importError(
        at,
        'UNKNOWN_FORMAT',
        'expected KLE as Kitos kle-options JSON or KLE-Emneplan XML',
      ),
    );
    return { file: file.name, format: null, kind: null, records: 0 };
  }
  if (forced === 'csv' || (forced === undefined && shape === 'csv')) {
    const result = parseCanonicalCsv(file.name, text, staging);
    return {
      file: file.name,
      format: 'csv',
      kind: result.kind?.label ?? null,
      records: result.rows,
    };
  }
  if (shape === 'xml') {
    const result = readKleXml(file.name, text, staging);
    return { file: file.name, format: 'kle', kind: 'Task', records: result.records };
  }
  const summary = readKitosJson(file.name, text, kitos, staging.issues, forced === 'kle');
  return {
    file: file.name,
    format: summary.format,
    kind: Object.keys(summary.resources).join(', ') || null,
    records: summary.records,
  };
}

function referencedIds(staging: ImportStaging): Set<string> {
  const ids = new Set<string>(staging.nodes.keys());
  for (const edge of staging.edges) {
    ids.add(edge.referenced === 'to' ? edge.to : edge.from);
  }
  for (const node of staging.nodes.values()) {
    const municipality = node.record.municipalityId;
    if (typeof municipality === 'string') ids.add(municipality);
  }
  return ids;
}

function compareIssues(a: ImportIssue, b: ImportIssue): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}

/**
 * The records of a plan one municipality's editor may not write: local records of another
 * municipality, and catalogue records the import would create or change (the shared catalogue
 * is every municipality's, so only an administrator changes it).
 */
function notPermitted(
  staging: ImportStaging,
  writes: WritePlan,
  municipalityId: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const [label, records] of writes.nodes) {
    for (const record of records) {
      const origin = staging.nodes.get(record.id)?.origin ?? { file: '(import)', line: 0 };
      const owner = record.municipalityId;
      if (typeof owner === 'string') {
        if (owner !== municipalityId) {
          issues.push(
            importError(
              origin,
              'NOT_PERMITTED',
              `${label} "${record.id}" belongs to municipality "${owner}"; you may import only ` +
                `municipality "${municipalityId}"'s data`,
              'municipalityId',
            ),
          );
        }
      } else {
        issues.push(
          importError(
            origin,
            'NOT_PERMITTED',
            `${label} "${record.id}" would change the shared catalogue, which only an ` +
              'administrator may do; ask one to import the catalogue first',
          ),
        );
      }
    }
  }
  return issues;
}

/**
 * Reads, parses and checks the files, and compares the result with the store: nothing is
 * written. Issues that arose before the files were read (too large, say) are passed in.
 */
export async function planImport(
  store: GraphStore,
  files: readonly SourceFile[],
  options: ImportOptions = {},
  earlierIssues: readonly ImportIssue[] = [],
): Promise<ImportPlan> {
  const startedAt = performance.now();
  const progress = options.onProgress ?? (() => {});
  const forced = options.format === 'auto' ? undefined : options.format;
  const staging = new ImportStaging([...earlierIssues]);
  const kitos = new KitosDocuments();
  const reports: FileReport[] = [];
  for (const file of files) {
    progress(`reading ${file.name}`);
    reports.push(readFile(file, forced, staging, kitos));
  }
  if (!kitos.empty) {
    progress('mapping the Kitos records');
    stageKitos(kitos, staging, options.municipality ? { municipality: options.municipality } : {});
  }
  progress(`checking ${staging.nodes.size} records and ${staging.edges.length} relationships`);
  let storeWasEmpty = false;
  if (options.checkEmpty) {
    const counts = await store.counts();
    storeWasEmpty = Object.values(counts.nodes).every((n) => n === 0);
  }
  await resolveKleNumbers(staging, storeWasEmpty ? null : store);
  const stored: Map<string, StoredNode> = storeWasEmpty
    ? new Map<string, StoredNode>()
    : await readStoredNodes(
        store,
        () => referencedIds(staging),
        staging.nodes.size * 2 + staging.edges.length,
      );
  checkReferences(staging, stored, options.partial ?? false);
  const owners = new Map<string, StagedNode>();
  for (const node of staging.nodes.values()) {
    if (node.valid && !node.stub && stored.has(node.id) && node.ownedFields.length > 0) {
      owners.set(node.id, node);
    }
  }
  if (owners.size > 0) progress('comparing relationships with the store');
  const ownedStored = await readOwnedRelationships(store, owners);
  const writes = planWrites(staging, stored, ownedStored);
  const denied =
    options.onlyMunicipality === undefined
      ? []
      : notPermitted(staging, writes, options.onlyMunicipality);
  const issues = [...staging.issues, ...denied].sort(compareIssues);
  return {
    options,
    files: reports,
    issues,
    errors: issues.filter((i) => i.severity === 'error').length,
    writes,
    storeWasEmpty,
    notPermitted: denied.length > 0,
    startedAt,
    checkMs: Math.round(performance.now() - startedAt),
  };
}

/**
 * What a plan comes to: a dry run; rejected (records it may not write, or errors and not
 * partial); unchanged (nothing to write); or imported.
 */
function planStatus(plan: ImportPlan): ImportReport['status'] {
  const { options, writes } = plan;
  if (options.dryRun) return 'dry-run';
  if (plan.notPermitted || (plan.errors > 0 && !(options.partial ?? false))) return 'rejected';
  const size = planSize(writes);
  return size.nodes + size.relationships === 0 ? 'unchanged' : 'imported';
}

/** Whether a plan may be written: no errors (or partial), not a dry run, something to write. */
export function planWillWrite(plan: ImportPlan): boolean {
  return planStatus(plan) === 'imported';
}

/** Whether the plan can go through `bulkLoad`: an empty store and nothing rejected. */
export function planCanBulkLoad(plan: ImportPlan): boolean {
  return planWillWrite(plan) && plan.storeWasEmpty && plan.errors === 0;
}

/** The landscape a bulk load of the plan writes. */
export function planLandscape(plan: ImportPlan): Landscape {
  return planAsLandscape(plan.writes);
}

/** How a plan was written, for the report. */
export type WritePath = ImportReport['writePath'];

/** The report of a plan after it was written (or not) by `writePath`. */
export function reportOf(plan: ImportPlan, writePath: WritePath, writeMs: number): ImportReport {
  const written = writePath !== 'none';
  const { options, writes } = plan;
  const imported: ImportReport['imported'] = {};
  for (const [label, counts] of writes.counts) imported[label] = { ...counts };
  let created = 0;
  let deleted = 0;
  for (const rows of writes.newRelationships.values()) created += rows.length;
  for (const rows of writes.staleRelationships.values()) deleted += rows.length;
  return {
    status: planStatus(plan),
    written,
    dryRun: options.dryRun ?? false,
    partial: options.partial ?? false,
    writePath,
    files: plan.files,
    imported,
    relationships: { created, deleted },
    errors: plan.errors,
    warnings: plan.issues.length - plan.errors,
    issues: plan.issues,
    timings: {
      checkMs: plan.checkMs,
      writeMs: Math.round(writeMs),
      totalMs: Math.round(performance.now() - plan.startedAt),
    },
  };
}

/**
 * Imports files into a store: plan, then write in one transaction when the plan may be written.
 * This is the path of the upload endpoint; the CLI adds a crash-safe bulk load for an empty
 * embedded store (see server/cli/import-command.ts).
 */
export async function importSources(
  store: GraphStore,
  files: readonly SourceFile[],
  options: ImportOptions = {},
  earlierIssues: readonly ImportIssue[] = [],
): Promise<ImportReport> {
  const plan = await planImport(store, files, options, earlierIssues);
  if (!planWillWrite(plan)) return reportOf(plan, 'none', 0);
  const started = performance.now();
  await writePlanInTransaction(store, plan.writes, plan.options.onProgress);
  return reportOf(plan, 'transaction', performance.now() - started);
}
