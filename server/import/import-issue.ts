/**
 * The closed set of import problems. Each names one kind of bad input, so callers and tests can
 * match on it; the message says what was wrong and where.
 */
export const IMPORT_ISSUE_CODES = [
  /** The file has no content (or only a header / an empty list: then a warning). */
  'EMPTY_FILE',
  /** The file is larger than the import's size limit; it was not read. */
  'FILE_TOO_LARGE',
  /** The file is not UTF-8 (for example Windows-1252 or UTF-16). */
  'BAD_ENCODING',
  /** The content is neither Kitos/KLE JSON, KLE XML nor canonical CSV, or not the forced format. */
  'UNKNOWN_FORMAT',
  /** A CSV file whose entity kind cannot be told from its name or header. */
  'UNKNOWN_KIND',
  /** CSV syntax: broken quoting, or a row with a different number of fields than the header. */
  'BROKEN_CSV',
  /** JSON syntax error. */
  'BAD_JSON',
  /** XML syntax error. */
  'BAD_XML',
  /** A required column is missing from a CSV header. */
  'MISSING_COLUMN',
  /** Two columns of a CSV header mean the same field. */
  'DUPLICATE_COLUMN',
  /** A CSV column that maps to no field (warning: it is ignored). */
  'UNKNOWN_COLUMN',
  /** A required value is empty. */
  'MISSING_VALUE',
  /** A value outside an enumeration. */
  'UNKNOWN_VALUE',
  /** A date that is not a calendar date in an accepted form. */
  'BAD_DATE',
  /** A number that does not parse, or is not whole where it must be. */
  'BAD_NUMBER',
  /** A yes/no value that does not parse. */
  'BAD_BOOLEAN',
  /** Any other value of the wrong shape (for example a Kitos field of the wrong JSON type). */
  'BAD_VALUE',
  /** The same id twice in the import, or an id stored under another label. */
  'DUPLICATE_ID',
  /** A reference to an id that is neither in the import nor in the store. */
  'UNKNOWN_REFERENCE',
  /** A reference to an id of the wrong kind (a usage where a system is expected). */
  'WRONG_REFERENCE',
  /** A reference to a row that was itself rejected (partial imports). */
  'REJECTED_REFERENCE',
  /** A local entity or local edge that reaches into another municipality. */
  'CROSS_MUNICIPALITY',
  /** Organisation units whose municipality cannot be decided. */
  'AMBIGUOUS_MUNICIPALITY',
  /**
   * A record the importing viewer may not write: another municipality's local data, or a change
   * to the shared catalogue by an editor. Rejects the whole import, also a partial one.
   */
  'NOT_PERMITTED',
  /** A Kitos option value Overblik does not know (warning: kept as text, or left empty). */
  'UNKNOWN_OPTION',
  /** Content that is read but not imported (warning), with the reason. */
  'IGNORED',
] as const;

export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/** One problem found in the input. Problems are values; only I/O failures throw. */
export interface ImportIssue {
  /** The file as the user named it (relative to the directory given, or the upload name). */
  readonly file: string;
  /** 1-based line the problem is on (the header is line 1 of a CSV file). */
  readonly line: number;
  /** The column or field the problem is in, when there is one. */
  readonly column?: string;
  readonly code: ImportIssueCode;
  /** Errors reject the import (or the row, with --partial); warnings never do. */
  readonly severity: 'error' | 'warning';
  /** What is wrong, naming the column and the offending value. */
  readonly message: string;
}

/** Where a record came from, for issue positions. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  /** Positions in the file are JSON or XML fields rather than CSV columns (for wording). */
  readonly structured?: boolean;
}

/** `file:line: message`, the one-line form of an issue. */
export function formatIssue(issue: ImportIssue): string {
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}:${issue.line}: ${prefix}${issue.message}`;
}

/** Builds an error issue; the message is prefixed with the column when one is given. */
export function importError(
  origin: Origin,
  code: ImportIssueCode,
  message: string,
  column?: string,
): ImportIssue {
  return makeIssue(origin, code, message, column, 'error');
}

/** Builds a warning issue; the message is prefixed with the column when one is given. */
export function importWarning(
  origin: Origin,
  code: ImportIssueCode,
  message: string,
  column?: string,
): ImportIssue {
  return makeIssue(origin, code, message, column, 'warning');
}

function makeIssue(
  origin: Origin,
  code: ImportIssueCode,
  message: string,
  column: string | undefined,
  severity: 'error' | 'warning',
): ImportIssue {
  const word = origin.structured ? 'field' : 'column';
  // Quoted and shortened: a header cell can be as long as the file's first line.
  const text = column === undefined ? message : `${word} ${quote(column)}: ${message}`;
  return {
    file: origin.file,
    line: origin.line,
    ...(column === undefined ? {} : { column }),
    code,
    severity,
    message: text,
  };
}

/** Quotes a value for a message, shortened so that a huge cell cannot flood the report. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
