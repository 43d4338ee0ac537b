import { readFile, writeFile } from 'node:fs/promises';
import { GraphIndex } from '../analysis/graph-index.ts';
import { LOCAL_VIEWER } from '../api/context.ts';
import type { Config } from '../config.ts';
import { InvalidInputError } from '../domain/errors.ts';
import {
  checkAnalysisInput,
  EXPORTED_ANALYSES,
  exportAnalysis,
} from '../export/export-analysis.ts';
import { EXPORT_FORMATS, exportLandscape, type ExportFormat } from '../export/export-landscape.ts';
import { createStore } from '../store/create-store.ts';
import type { Output } from './output.ts';

/** `overblik export --help`. */
export const EXPORT_HELP = `Usage: overblik export --format csv|graphml|json --out PATH [options]
       overblik export --format json --analysis NAME --out FILE [--input JSON|@FILE]

Exports the store, a municipality or a graph slice; or the result of one analysis.

Options:
  --format csv|graphml|json  csv: one canonical file per entity kind into the directory PATH (UTF-8,
                             comma, ISO dates, ";" lists; overblik import reads it back unchanged);
                             graphml: one GraphML file; json: { nodes, relationships } in one file
  --out PATH                 the directory (csv) or file (graphml, json)
  --municipality ID          one municipality with everything its records point to
  --focus ID[,ID...]         the neighbourhood of these records ...
  --depth N                  ... up to N hops (default 1)
  --analysis NAME            with --format json: the result of one analysis, as the GraphQL query
                             of that name returns it: ${EXPORTED_ANALYSES.join(', ')}
  --input JSON|@FILE         the query's arguments as a JSON object (or a file holding it), e.g.
                             '{"asOf":"2026-03-01","municipalityId":"ID"}' for deadlines,
                             '{"input":{"contractIds":["ID"],"asOf":"2026-03-01"}}' for blastRadius;
                             paged lists are written whole, entities as { id, kind, name }
  --db PATH, --store, --json as for every command`;

/** The command-line values `overblik export` reads. */
export interface ExportCommandValues {
  readonly format?: string | undefined;
  readonly out?: string | undefined;
  readonly municipality?: string | undefined;
  readonly focus?: string | undefined;
  readonly depth?: string | undefined;
  readonly analysis?: string | undefined;
  readonly input?: string | undefined;
}

function parseExportFormat(value: string | undefined): ExportFormat {
  if (value && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new InvalidInputError(
    value === undefined
      ? `export needs --format (${EXPORT_FORMATS.join(', ')})`
      : `Unknown export format "${value}"; use ${EXPORT_FORMATS.join(', ')}`,
  );
}

function parseDepth(value: string | undefined): number {
  if (value === undefined) return 1;
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < 0 || depth > 10) {
    throw new InvalidInputError(`--depth must be a whole number 0–10; got "${value}"`);
  }
  return depth;
}

/** The --input option: JSON, or `@FILE` for a file holding it; no option is no arguments. */
async function readAnalysisInput(value: string | undefined): Promise<unknown> {
  if (value === undefined) return {};
  const fromFile = value.startsWith('@');
  let text = value;
  if (fromFile) {
    const path = value.slice(1);
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new InvalidInputError(`--input: cannot read ${JSON.stringify(path)}`, { cause: error });
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const where = fromFile ? `the file ${JSON.stringify(value.slice(1))}` : 'the value';
    throw new InvalidInputError(`--input: ${where} is not JSON (${(error as Error).message})`);
  }
}

/** `overblik export --analysis NAME`: one analysis's result, run as the local viewer. */
async function runAnalysisExport(
  config: Config,
  values: ExportCommandValues & { readonly analysis: string; readonly out: string },
  out: Output,
): Promise<void> {
  if (values.format !== 'json') {
    throw new InvalidInputError(
      `--analysis exports JSON; use --format json (got ${values.format === undefined ? 'no --format' : `"${values.format}"`})`,
    );
  }
  if (values.municipality !== undefined || values.focus !== undefined) {
    throw new InvalidInputError(
      '--analysis takes its arguments from --input, not --municipality or --focus',
    );
  }
  const name = values.analysis;
  const input = await readAnalysisInput(values.input);
  // Bad input is refused before the store is opened and indexed.
  checkAnalysisInput(name, input);
  const store = await createStore(config.store);
  try {
    out.progress(`indexing the store for ${name}`);
    const index = await GraphIndex.build(store);
    const result = exportAnalysis(name, input, { index, viewer: LOCAL_VIEWER });
    await writeFile(values.out, JSON.stringify(result, null, 1) + '\n', 'utf8');
    out.result(`Exported the ${name} analysis as json:\n  ${values.out}`, {
      format: 'json',
      analysis: name,
      files: [values.out],
    });
  } finally {
    await store.close();
  }
}

/** `overblik export`: writes the requested slice in the requested format and reports the counts. */
export async function runExportCommand(
  config: Config,
  values: ExportCommandValues,
  out: Output,
): Promise<void> {
  if (values.analysis !== undefined) {
    if (!values.out) throw new InvalidInputError('export needs --out FILE');
    return runAnalysisExport(
      config,
      { ...values, analysis: values.analysis, out: values.out },
      out,
    );
  }
  if (values.input !== undefined) throw new InvalidInputError('--input needs --analysis NAME');
  const format = parseExportFormat(values.format);
  if (!values.out) throw new InvalidInputError('export needs --out PATH');
  const focus = values.focus
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const depth = parseDepth(values.depth);
  const store = await createStore(config.store);
  try {
    out.progress(`exporting ${format}`);
    const result = await exportLandscape(store, format, values.out, {
      ...(values.municipality ? { municipality: values.municipality } : {}),
      ...(focus && focus.length > 0 ? { focus, depth } : {}),
    });
    out.result(
      `Exported ${result.nodes} nodes and ${result.relationships} relationships as ${format}:\n` +
        result.files.map((f) => `  ${f}`).join('\n'),
      result,
    );
  } finally {
    await store.close();
  }
}
