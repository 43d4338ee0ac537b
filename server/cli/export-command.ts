import type { Config } from '../config.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { EXPORT_FORMATS, exportLandscape, type ExportFormat } from '../export/export-landscape.ts';
import { createStore } from '../store/create-store.ts';
import type { Output } from './output.ts';

/** `overblik export --help`. */
export const EXPORT_HELP = `Usage: overblik export --format csv|graphml|json --out PATH [options]

Exports the store, a municipality or a graph slice.

Options:
  --format csv|graphml|json  csv: one canonical file per entity kind into the directory PATH (UTF-8,
                             comma, ISO dates, ";" lists; overblik import reads it back unchanged);
                             graphml: one GraphML file; json: { nodes, relationships } in one file
  --out PATH                 the directory (csv) or file (graphml, json)
  --municipality ID          one municipality with everything its records point to
  --focus ID[,ID...]         the neighbourhood of these records ...
  --depth N                  ... up to N hops (default 1)
  --db PATH, --store, --json as for every command`;

/** The command-line values `overblik export` reads. */
export interface ExportCommandValues {
  readonly format?: string | undefined;
  readonly out?: string | undefined;
  readonly municipality?: string | undefined;
  readonly focus?: string | undefined;
  readonly depth?: string | undefined;
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

/** `overblik export`: writes the requested slice in the requested format and reports the counts. */
export async function runExportCommand(
  config: Config,
  values: ExportCommandValues,
  out: Output,
): Promise<void> {
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
