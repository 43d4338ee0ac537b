import type { Config } from '../config.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { describeCsvKinds } from '../import/csv-format.ts';
import {
  describeImportReport,
  parseImportFormat,
  type ImportReport,
} from '../import/import-report.ts';
import {
  planCanBulkLoad,
  planImport,
  planLandscape,
  planWillWrite,
  reportOf,
} from '../import/import-sources.ts';
import { writePlanInTransaction } from '../import/write-plan.ts';
import { readSourceFiles } from '../import/source-file.ts';
import { createStore, replaceStore, replacesAtomically } from '../store/create-store.ts';
import type { Output } from './output.ts';

/** `overblik import --help`: the options and the canonical CSV format, derived from the model. */
export const IMPORT_HELP = `Usage: overblik import PATH... [options]

Imports files or directories (recursively: .csv, .json, .xml, .txt) into the store. Every problem
is reported as file:line: message; with any error nothing is written.

Options:
  --format auto|kitos|kle|csv   what the files are (default auto: told from each file's content)
  --dry-run                     check and report, write nothing
  --partial                     write the valid records, report and leave out the rest
  --municipality ID             the municipality of Kitos organisation units when the import
                                cannot tell (the unit DTO does not name its organisation)
  --db PATH, --store, --json    as for every command (--json prints the report as JSON)

Formats:
  kitos  Kitos API v2 JSON: organizations, organization units, it-systems, it-interfaces,
         it-system-usages (with outgoingSystemRelations), it-contracts,
         data-processing-registrations, kle-options; any file names, bare arrays, single DTOs or
         pages wrapped as { "payload": [...] }. Kitos UUIDs are kept as ids.
  kle    the Kitos kle-options JSON, or KL's KLE-Emneplan XML.
  csv    one canonical file per entity kind, named as below (or told from the header); comma or
         semicolon; UTF-8 with or without BOM; dates YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY; lists
         of ids in a cell separated by ";" or "|" ("|" when the delimiter is ";"); an empty cell
         is no value; a column left out keeps what is stored. Danish headers as Kitos names them
         are accepted too ("Leverandør", "Ibrugtagningsdato", "Opsigelse (måneder)", ...; see
         server/import/README.md). KLE tasks may be given by number instead of id ("27.24.00",
         "27.24.00 Sygedagpenge i almindelighed", "27.24.00, 27.24.03"); contracts.csv takes the
         procurement plan as one column too ("Genanskaffelsesplan": "2027 | Q2", "Q2 2027").
         Columns (* required):
${describeCsvKinds()}

Exit status: 0 when imported (or nothing to change, or --partial), 1 when the import was
rejected (with --dry-run: would be) or failed.`;

/** The command-line values `overblik import` reads. */
export interface ImportCommandValues {
  readonly format?: string | undefined;
  readonly 'dry-run'?: boolean | undefined;
  readonly partial?: boolean | undefined;
  readonly municipality?: string | undefined;
}

async function readFiles(paths: readonly string[]) {
  try {
    return await readSourceFiles(paths);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      const path = 'path' in error ? String(error.path) : '';
      throw new InvalidInputError(`No such file or directory: "${path}"`, { cause: error });
    }
    throw error;
  }
}

/**
 * `overblik import PATH...`: plans the import against the store and writes it. An empty embedded
 * store is loaded by the bulk path (Kùzu COPY FROM, PERFORMANCE.md) into a file beside it that
 * replaces it only when complete; otherwise everything is written in one transaction. Either way a
 * failure or a killed process leaves the store as it was. Sets exit code 1 when the import has
 * errors and is not partial (rejected, or a dry run that would be).
 */
export async function runImportCommand(
  config: Config,
  paths: readonly string[],
  values: ImportCommandValues,
  out: Output,
): Promise<ImportReport> {
  if (paths.length === 0) {
    throw new InvalidInputError(
      'import needs at least one file or directory; see overblik import --help',
    );
  }
  const format = parseImportFormat(values.format);
  const { files, issues } = await readFiles(paths);
  out.progress(`read ${files.length} file(s)`);
  const store = await createStore(config.store);
  let open = true;
  let report: ImportReport;
  try {
    const plan = await planImport(
      store,
      files,
      {
        format,
        dryRun: values['dry-run'] ?? false,
        partial: values.partial ?? false,
        ...(values.municipality ? { municipality: values.municipality } : {}),
        checkEmpty: true,
        onProgress: (message) => out.progress(message),
      },
      issues,
    );
    const started = performance.now();
    if (planCanBulkLoad(plan) && replacesAtomically(config.store)) {
      const landscape = planLandscape(plan);
      await store.close();
      open = false;
      await replaceStore(config.store, (fresh) =>
        fresh.bulkLoad(landscape, (done, total) =>
          out.progress(`loading: ${done}/${total} tables`),
        ),
      );
      report = reportOf(plan, 'bulk', performance.now() - started);
    } else if (planWillWrite(plan)) {
      await writePlanInTransaction(store, plan.writes, (message) => out.progress(message));
      report = reportOf(plan, 'transaction', performance.now() - started);
    } else {
      report = reportOf(plan, 'none', 0);
    }
  } finally {
    if (open) await store.close();
  }
  if (!out.json) process.stderr.write(process.stderr.isTTY ? '\r\x1b[K' : '');
  out.result(describeImportReport(report), report);
  if (report.errors > 0 && !report.partial) process.exitCode = 1;
  return report;
}
