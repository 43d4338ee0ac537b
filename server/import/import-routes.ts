import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphService } from '../analysis/graph-service.ts';
import { graphFor } from '../analysis/visible-graph.ts';
import { handleAnalysisExport } from '../export/export-analysis.ts';
import type { Viewer } from '../api/context.ts';
import { readBody, sendJson } from '../http/responses.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { cutExportSlice, type ExportSlice } from '../export/export-landscape.ts';
import { landscapeOfView } from '../export/landscape-slice.ts';
import { writeCanonicalCsv } from '../export/write-canonical-csv.ts';
import { writeGraphml } from '../export/write-graphml.ts';
import { landscapeToJson } from '../export/write-landscape-json.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { CSV_KINDS } from './csv-format.ts';
import { parseImportFormat } from './import-report.ts';
import { importSources, type ImportOptions } from './import-sources.ts';
import type { SourceFile } from './source-file.ts';

/** What the import and export routes work on. */
export interface ImportExportContext {
  readonly graph: GraphService;
  readonly store: GraphStore;
  /** Who asks: exports hold what the viewer may see; only editors and admins import. */
  readonly viewer: Viewer;
  /** The largest upload body accepted; larger ones get 413. @default 50 MB */
  readonly maxUploadBytes?: number;
}

/** The default upload limit: the largest national CSV file is ~20 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

function sendFile(res: ServerResponse, type: string, name: string, body: string): void {
  res.writeHead(200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
  });
  res.end(body);
}

function flag(value: string | null): boolean {
  return value === '' || value === '1' || value === 'true';
}

/** A JSON body of several files: `{ "files": [{ "name", "content" | "base64" }] }`. */
function filesFromJson(body: Buffer): SourceFile[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidInputError(
      'The body is not JSON; send { "files": [...] }, or one raw file with ?name=FILE',
    );
  }
  const files = (parsed as { files?: unknown }).files;
  if (!Array.isArray(files) || files.length === 0) {
    throw new InvalidInputError(
      'Send { "files": [{ "name": "usages.csv", "content": "..." }] }, or one raw file with ?name=FILE',
    );
  }
  return files.map((file: unknown, i) => {
    const { name, content, base64 } = (file ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || name === '')
      throw new InvalidInputError(`files[${i}] has no name`);
    if (typeof content === 'string') return { name, bytes: Buffer.from(content, 'utf8') };
    if (typeof base64 === 'string') return { name, bytes: Buffer.from(base64, 'base64') };
    throw new InvalidInputError(`files[${i}] (${name}) has neither content nor base64`);
  });
}

function importOptions(url: URL): ImportOptions {
  const municipality = url.searchParams.get('municipality');
  return {
    format: parseImportFormat(url.searchParams.get('format')),
    dryRun: flag(url.searchParams.get('dryRun')),
    partial: flag(url.searchParams.get('partial')),
    ...(municipality ? { municipality } : {}),
  };
}

/** Imports through one server run one at a time: each plans against what the last one wrote. */
const queues = new WeakMap<GraphStore, Promise<unknown>>();

function serialized<T>(store: GraphStore, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(store) ?? Promise.resolve()).then(work);
  queues.set(
    store,
    result.catch(() => undefined),
  );
  return result;
}

async function handleImport(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: ImportExportContext,
) {
  const { viewer } = context;
  if (viewer.role === 'READER') {
    req.resume();
    sendJson(res, 403, {
      error: 'FORBIDDEN',
      message: `${viewer.id} is a reader; importing needs the editor or admin role`,
    });
    return;
  }
  const options: ImportOptions = {
    ...importOptions(url),
    // An editor writes its own municipality's data; the shared catalogue is the admins'.
    ...(viewer.role === 'EDITOR' && viewer.municipalityId !== null
      ? { onlyMunicipality: viewer.municipalityId }
      : {}),
  };
  const body = await readBody(req, context.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const name = url.searchParams.get('name');
  const files = name ? [{ name, bytes: body }] : filesFromJson(body);
  const report = await serialized(context.store, async () => {
    const result = await importSources(context.store, files, options);
    if (result.written) await context.graph.refresh();
    return result;
  });
  sendJson(res, report.status === 'rejected' ? 422 : 200, report);
}

function exportSlice(url: URL): ExportSlice {
  const municipality = url.searchParams.get('municipality');
  const focus = url.searchParams
    .get('focus')
    ?.split(',')
    .filter((s) => s !== '');
  const depth = Number(url.searchParams.get('depth') ?? 1);
  if (!Number.isInteger(depth) || depth < 0 || depth > 5) {
    throw new InvalidInputError('depth must be a whole number 0–5');
  }
  return {
    ...(municipality ? { municipality } : {}),
    ...(focus && focus.length > 0 ? { focus, depth } : {}),
  };
}

/** The requested slice of what the viewer sees, from the index the analyses use. */
async function viewSlice(context: ImportExportContext, slice: ExportSlice) {
  return cutExportSlice(
    landscapeOfView(graphFor(await context.graph.current(), context.viewer.visibility)),
    slice,
  );
}

async function handleExport(res: ServerResponse, url: URL, context: ImportExportContext) {
  const path = url.pathname.replace(/\/+$/, '');
  const slice = exportSlice(url);
  const suffix = slice.municipality ? `-${slice.municipality}` : '';
  const analysis = /^\/export\/analysis\/([A-Za-z]+)$/.exec(path);
  if (analysis) {
    // The analysis runs on the viewer's view, as the same GraphQL query would.
    const index = graphFor(await context.graph.current(), context.viewer.visibility);
    const answer = handleAnalysisExport(analysis[1]!, url, { viewer: context.viewer, index });
    res.writeHead(answer.status, {
      'content-type': answer.contentType,
      ...(answer.filename
        ? { 'content-disposition': `attachment; filename="${answer.filename}"` }
        : {}),
    });
    res.end(answer.body);
    return;
  }
  if (path === '/export/csv') {
    sendJson(res, 200, { files: CSV_KINDS.map((k) => k.file) });
    return;
  }
  const csv = /^\/export\/csv\/([a-z-]+\.csv)$/.exec(path);
  if (csv) {
    const kind = CSV_KINDS.find((k) => k.file === csv[1]);
    if (!kind) {
      sendJson(res, 404, { error: 'NOT_FOUND', message: `No export file "${csv[1]}"` });
      return;
    }
    const content = writeCanonicalCsv(kind, await viewSlice(context, slice));
    sendFile(res, 'text/csv; charset=utf-8', kind.file, content);
    return;
  }
  if (path === '/export/graphml') {
    const landscape = await viewSlice(context, slice);
    sendFile(
      res,
      'application/graphml+xml; charset=utf-8',
      `overblik${suffix}.graphml`,
      writeGraphml(landscape),
    );
    return;
  }
  if (path === '/export/json') {
    const landscape = await viewSlice(context, slice);
    sendFile(
      res,
      'application/json; charset=utf-8',
      `overblik${suffix}.json`,
      JSON.stringify(landscapeToJson(landscape)),
    );
    return;
  }
  sendJson(res, 404, { error: 'NOT_FOUND', message: `No export at ${url.pathname}` });
}

/**
 * The import and export routes of the HTTP server:
 *
 * - `POST /import?name=usages.csv[&format=auto|kitos|kle|csv][&dryRun=1][&partial=1][&municipality=ID]`
 *   with one file as the raw body, or `POST /import` with `{ "files": [{ "name", "content" }] }`
 *   (or `"base64"` instead of `"content"`) for several; bodies over the limit get 413. Answers
 *   the import report (200, or 422 when rejected) and refreshes the analysis index after a write.
 * - `GET /export/csv` lists the canonical files; `GET /export/csv/usages.csv[?municipality=ID]`
 *   downloads one; `GET /export/graphml` and `GET /export/json` download a slice
 *   (`?municipality=ID`, `?focus=ID,ID&depth=N`); `GET /export/analysis/NAME?input=JSON`
 *   downloads an analysis result (export-analysis.ts) as the viewer may see it.
 *
 * Returns the work of answering when the request was one of these, else null. A failure of the
 * work is the caller's to answer (http-server.ts answers every API route's failures alike).
 */
export function handleImportExport(
  req: IncomingMessage,
  res: ServerResponse,
  context: ImportExportContext,
): Promise<void> | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const isImport = url.pathname === '/import' || url.pathname === '/import/';
  const isExport = url.pathname === '/export' || url.pathname.startsWith('/export/');
  if (!isImport && !isExport) return null;
  const method = req.method ?? 'GET';
  if ((isImport && method !== 'POST') || (isExport && method !== 'GET' && method !== 'HEAD')) {
    sendJson(
      res,
      405,
      { error: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here` },
      {
        allow: isImport ? 'POST' : 'GET',
      },
    );
    return Promise.resolve();
  }
  return isImport ? handleImport(req, res, url, context) : handleExport(res, url, context);
}
