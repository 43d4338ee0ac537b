import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../domain/errors.ts';
import { countLandscape, type Landscape } from '../model/landscape.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { hasNode, readLandscape, sliceAround, sliceMunicipality } from './landscape-slice.ts';
import { writeCanonicalCsvFiles } from './write-canonical-csv.ts';
import { writeGraphml } from './write-graphml.ts';
import { landscapeToJson } from './write-landscape-json.ts';

/** The formats `overblik export` writes. */
export const EXPORT_FORMATS = ['csv', 'graphml', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which part of the landscape to export. @default the whole landscape */
export interface ExportSlice {
  /** One municipality with everything its records point to. */
  readonly municipality?: string;
  /** Records to export the neighbourhood of (applied after `municipality`). */
  readonly focus?: readonly string[];
  /** Hops around `focus`. @default 1 */
  readonly depth?: number;
}

/** Reads the store and cuts the requested slice (the CLI, which has no index in memory). */
export async function readExportSlice(
  store: GraphStore,
  slice: ExportSlice = {},
): Promise<Landscape> {
  return cutExportSlice(await readLandscape(store), slice);
}

/** Cuts the requested slice of a landscape; an unknown municipality or focus id throws. */
export function cutExportSlice(whole: Landscape, slice: ExportSlice = {}): Landscape {
  let landscape = whole;
  if (slice.municipality !== undefined) {
    if (!hasNode(landscape, slice.municipality)) {
      throw new NotFoundError(`Municipality "${slice.municipality}" not found`);
    }
    landscape = sliceMunicipality(landscape, slice.municipality);
  }
  if (slice.focus && slice.focus.length > 0) {
    const missing = slice.focus.find((id) => !hasNode(landscape, id));
    if (missing !== undefined) throw new NotFoundError(`Record "${missing}" not found`);
    landscape = sliceAround(landscape, slice.focus, slice.depth ?? 1);
  }
  return landscape;
}

/** What an export wrote. */
export interface ExportResult {
  readonly format: ExportFormat;
  /** Files written (one per entity kind for CSV). */
  readonly files: readonly string[];
  readonly nodes: number;
  readonly relationships: number;
}

/**
 * Exports a slice of the store: CSV writes one canonical file per entity kind into the directory
 * `out` (which the importer reads back unchanged); GraphML and JSON write one file.
 */
export async function exportLandscape(
  store: GraphStore,
  format: ExportFormat,
  out: string,
  slice: ExportSlice = {},
): Promise<ExportResult> {
  const landscape = await readExportSlice(store, slice);
  const counts = countLandscape(landscape);
  const nodes = Object.values(counts.nodes).reduce((a, b) => a + b, 0);
  const relationships = Object.values(counts.relationships).reduce((a, b) => a + b, 0);
  const files: string[] = [];
  if (format === 'csv') {
    await mkdir(out, { recursive: true });
    for (const [name, content] of writeCanonicalCsvFiles(landscape)) {
      const path = join(out, name);
      await writeFile(path, content, 'utf8');
      files.push(path);
    }
  } else {
    const content =
      format === 'graphml'
        ? writeGraphml(landscape)
        : JSON.stringify(landscapeToJson(landscape), null, 1) + '\n';
    await writeFile(out, content, 'utf8');
    files.push(out);
  }
  return { format, files, nodes, relationships };
}
