import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { importError, type ImportIssue } from './import-issue.ts';

/** One input file, as bytes: read from disk or received in an upload. */
export interface SourceFile {
  /** The name issues report: the path relative to the directory given, or the upload name. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The default largest file an import reads (the national landscape's largest CSV is ~25 MB). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** File name endings a directory import picks up; files given by name are read whatever they end in. */
const IMPORTABLE = new Set(['.csv', '.json', '.xml', '.txt']);

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function listDirectory(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listDirectory(path, into);
    else if (entry.isFile() && IMPORTABLE.has(extname(entry.name).toLowerCase())) into.push(path);
  }
}

/**
 * Reads files and directories (recursively, `.csv`, `.json`, `.xml` and `.txt` files, hidden
 * ones skipped). A file above `maxFileBytes` is not read and becomes a FILE_TOO_LARGE issue.
 * A path that does not exist throws: that is an I/O failure, not bad input.
 */
export async function readSourceFiles(
  paths: readonly string[],
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ files: SourceFile[]; issues: ImportIssue[] }> {
  const files: SourceFile[] = [];
  const issues: ImportIssue[] = [];
  for (const path of paths) {
    const info = await stat(path);
    const found: { path: string; name: string }[] = [];
    if (info.isDirectory()) {
      const list: string[] = [];
      await listDirectory(path, list);
      for (const file of list) found.push({ path: file, name: relative(path, file) });
    } else {
      found.push({ path, name: basename(path) });
    }
    for (const file of found) {
      const size = (await stat(file.path)).size;
      if (size > maxFileBytes) {
        issues.push(
          importError(
            { file: file.name, line: 1 },
            'FILE_TOO_LARGE',
            `the file is ${megabytes(size)}, over the import limit of ${megabytes(maxFileBytes)}; ` +
              'split it or raise the limit',
          ),
        );
        continue;
      }
      files.push({ name: file.name, bytes: await readFile(file.path) });
    }
  }
  return { files, issues };
}

/** Latin-1 / Windows-1252 bytes of the Danish letters, to name the likely encoding. */
const DANISH_LATIN1: Record<number, string> = {
  0xe6: 'æ',
  0xf8: 'ø',
  0xe5: 'å',
  0xc6: 'Æ',
  0xd8: 'Ø',
  0xc5: 'Å',
};

/** The offset of the first byte that breaks UTF-8, or -1. Only run once decoding has failed. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a file as UTF-8 (a BOM is dropped). Anything else becomes one issue naming the line of
 * the first bad byte and the likely encoding; an empty or blank file becomes EMPTY_FILE.
 */
export function decodeSourceText(file: SourceFile): { text: string } | { issue: ImportIssue } {
  const { bytes } = file;
  const at = (line: number) => ({ file: file.name, line });
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return {
      issue: importError(
        at(1),
        'BAD_ENCODING',
        'the file is UTF-16; save it as UTF-8 (with or without BOM)',
      ),
    };
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const byte = bytes[offset] ?? 0;
    const letter = DANISH_LATIN1[byte];
    const hint = letter
      ? ` (byte 0x${byte.toString(16).toUpperCase()} is "${letter}" in Windows-1252/ISO-8859-1)`
      : ` (byte 0x${byte.toString(16).toUpperCase()})`;
    return {
      issue: importError(
        at(lineAt(bytes, Math.max(offset, 0))),
        'BAD_ENCODING',
        `the file is not UTF-8${hint}; save it as UTF-8`,
      ),
    };
  }
  if (text.trim() === '') {
    return { issue: importError(at(1), 'EMPTY_FILE', 'the file is empty') };
  }
  return { text };
}
