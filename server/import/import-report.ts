import { InvalidInputError } from '../domain/errors.ts';
import type { Label } from '../model/model-types.ts';
import { formatIssue, type ImportIssue } from './import-issue.ts';
import type { LabelCounts } from './plan-writes.ts';

/** The formats an import reads. */
export const IMPORT_FORMATS = ['kitos', 'kle', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A format option as given (`auto` or none: told from each file's content); throws on others. */
export function parseImportFormat(value: string | null | undefined): 'auto' | ImportFormat {
  if (value === undefined || value === null || value === 'auto') return 'auto';
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat;
  throw new InvalidInputError(`Unknown format "${value}"; use auto, ${IMPORT_FORMATS.join(', ')}`);
}

/** What one input file was read as. */
export interface FileReport {
  readonly file: string;
  readonly format: ImportFormat | null;
  /** The entity kind of a CSV file (`Usage`), or the Kitos resources found. */
  readonly kind: string | null;
  /** Records (rows, DTOs, KLE entries) read from the file, valid or not. */
  readonly records: number;
}

/**
 * The outcome of an import: what was (or, when rejected or a dry run, would have been) created,
 * updated and left unchanged per label, and every issue. The CLI prints it with `--json`; the
 * upload endpoint returns it.
 */
export interface ImportReport {
  /**
   * `imported`: written; `unchanged`: valid but the store already held all of it (nothing was
   * written and the change counter did not move); `rejected`: errors, nothing written;
   * `dry-run`: checked only.
   */
  readonly status: 'imported' | 'unchanged' | 'rejected' | 'dry-run';
  readonly written: boolean;
  readonly dryRun: boolean;
  readonly partial: boolean;
  /** How the records were written: `bulk` (empty store), `transaction`, or `none`. */
  readonly writePath: 'bulk' | 'transaction' | 'none';
  readonly files: readonly FileReport[];
  /** Per label, in model order; only labels the import touched. */
  readonly imported: Partial<Record<Label, LabelCounts>>;
  readonly relationships: { readonly created: number; readonly deleted: number };
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly ImportIssue[];
  /** Milliseconds spent reading and checking, writing, and in total. */
  readonly timings: {
    readonly checkMs: number;
    readonly writeMs: number;
    readonly totalMs: number;
  };
}

/** How many issues a human report prints before summarising the rest. */
const SHOWN_ISSUES = 200;

/** The report as people read it: counts per label, then one `file:line: message` per issue. */
export function describeImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const verb: Record<ImportReport['status'], string> = {
    imported: 'Imported',
    unchanged: 'Nothing to change: the store already holds all of it',
    rejected: 'Rejected: nothing was written',
    'dry-run': 'Dry run: nothing was written',
  };
  const partial =
    report.partial && report.errors > 0 ? ' (partial: rows with errors left out)' : '';
  lines.push(`${verb[report.status]}${partial}.`);
  const rows = Object.entries<LabelCounts>(report.imported);
  if (rows.length > 0) {
    const width = Math.max(...rows.map(([label]) => label.length));
    const would = report.written ? '' : ' (would be)';
    lines.push(`  ${''.padEnd(width)}  created  updated  unchanged  rejected${would}`);
    for (const [label, c] of rows) {
      lines.push(
        `  ${label.padEnd(width)}  ${String(c.created).padStart(7)}  ${String(c.updated).padStart(7)}  ` +
          `${String(c.unchanged).padStart(9)}  ${String(c.rejected).padStart(8)}`,
      );
    }
    lines.push(
      `  relationships: ${report.relationships.created} created, ${report.relationships.deleted} removed`,
    );
  }
  if (report.issues.length > 0) {
    lines.push(`${report.errors} error(s), ${report.warnings} warning(s):`);
    for (const issue of report.issues.slice(0, SHOWN_ISSUES)) lines.push(formatIssue(issue));
    if (report.issues.length > SHOWN_ISSUES) {
      lines.push(
        `... and ${report.issues.length - SHOWN_ISSUES} more (use --json for all of them)`,
      );
    }
  }
  lines.push(
    `Checked in ${report.timings.checkMs} ms, written in ${report.timings.writeMs} ms ` +
      `(${report.writePath}); ${report.timings.totalMs} ms in all.`,
  );
  return lines.join('\n');
}
