import { daysInMonth, parseCalendarDate } from '../domain/calendar-date.ts';
import { GRAPH_MODEL, type PropertyDef } from '../model/graph-model.ts';
import type { PropertyValue } from '../model/landscape.ts';
import { BOOLEAN_WORDS, VALUE_ALIASES, normalizeName } from './aliases.ts';
import { quote, type ImportIssueCode } from './import-issue.ts';

/** A converted value, or why the text could not be converted. */
export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: ImportIssueCode; readonly message: string };

function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

function fail(code: ImportIssueCode, message: string): CellResult<never> {
  return { ok: false, code, message };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DANISH_DATE = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/;

/**
 * A calendar date as `YYYY-MM-DD`, from ISO (`2024-03-01`, also a Kitos timestamp
 * `2024-03-01T00:00:00Z`, whose date part is taken) or Danish day-first forms (`01-03-2024`,
 * `1.3.2024`, `01/03/2024`). Impossible days such as 31-02-2024 are refused.
 */
export function parseDate(text: string): CellResult<string> {
  const trimmed = text.trim();
  let year: string;
  let month: string;
  let day: string;
  const iso = ISO_DATE.exec(trimmed);
  const danish = iso ? null : DANISH_DATE.exec(trimmed);
  if (iso) {
    [, year, month, day] = iso as unknown as [string, string, string, string];
  } else if (danish) {
    year = danish[4]!;
    month = danish[3]!.padStart(2, '0');
    day = danish[1]!.padStart(2, '0');
  } else {
    return fail('BAD_DATE', `bad date ${quote(text)} (use YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY)`);
  }
  const date = `${year}-${month}-${day}`;
  if (!parseCalendarDate(date)) {
    return fail('BAD_DATE', `bad date ${quote(text)} (no such day)`);
  }
  return ok(date);
}

/** A whole number; spaces and Danish thousands dots (`1.500`) are allowed. */
export function parseInteger(text: string): CellResult<number> {
  const compact = text.trim().replace(/\s+/g, '');
  const plain = /^[+-]?\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replaceAll('.', '') : compact;
  if (!/^[+-]?\d+$/.test(plain)) return fail('BAD_NUMBER', `${quote(text)} is not a whole number`);
  const value = Number(plain);
  if (!Number.isSafeInteger(value)) return fail('BAD_NUMBER', `${quote(text)} is too large`);
  return ok(value);
}

/**
 * A decimal number: `1234.5`, or Danish `1.234,5` / `1234,5` (a comma makes dots thousands
 * separators).
 */
export function parseDecimal(text: string): CellResult<number> {
  let compact = text.trim().replace(/\s+/g, '');
  if (compact.includes(',')) compact = compact.replaceAll('.', '').replace(',', '.');
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(compact) ? Number(compact) : NaN;
  if (Number.isNaN(value)) return fail('BAD_NUMBER', `${quote(text)} is not a number`);
  if (!Number.isFinite(value)) return fail('BAD_NUMBER', `${quote(text)} is too large`);
  return ok(value);
}

const PLAN_YEAR_FIRST = /^(\d{4})(?:\s*[|/,-]\s*|\s+|)[QK]([1-4])$/i;
const PLAN_QUARTER_FIRST = /^[QK]([1-4])(?:\s*[|/,-]\s*|\s+|)(\d{4})$/i;
const PLAN_YEAR_ONLY = /^\d{4}$/;

/**
 * A procurement plan ("Genanskaffelsesplan") as Kitos's contract grid shows it, `2027 | Q2`, also
 * `2027 Q2`, `Q2 2027`, `2027-Q2` (`K2` for kvartal too), into year and quarter; a bare year
 * leaves the quarter empty.
 */
export function parseProcurementPlan(text: string): CellResult<[number, number | null]> {
  const trimmed = text.trim();
  const yearFirst = PLAN_YEAR_FIRST.exec(trimmed);
  if (yearFirst) return ok([Number(yearFirst[1]), Number(yearFirst[2])]);
  const quarterFirst = PLAN_QUARTER_FIRST.exec(trimmed);
  if (quarterFirst) return ok([Number(quarterFirst[2]), Number(quarterFirst[1])]);
  if (PLAN_YEAR_ONLY.test(trimmed)) return ok([Number(trimmed), null]);
  return fail(
    'BAD_VALUE',
    `bad procurement plan ${quote(text)} (use year and quarter as Kitos shows them, "2027 | Q2"; ` +
      'also "2027 Q2", "Q2 2027" or "2027-Q2")',
  );
}

const TRUE_WORDS = new Set<string>(BOOLEAN_WORDS.true);
const FALSE_WORDS = new Set<string>(BOOLEAN_WORDS.false);
const EMPTY_WORDS = new Set<string>(BOOLEAN_WORDS.empty.map(normalizeName));

/** Yes or no (`true`, `ja`, `1`, `nej`, ...); "ved ikke" and the like read as empty. */
export function parseBoolean(text: string): CellResult<boolean | null> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  if (EMPTY_WORDS.has(normalizeName(word))) return ok(null);
  return fail('BAD_BOOLEAN', `${quote(text)} is not yes or no (use true/false, ja/nej, 1/0)`);
}

/** Per enum: normalized name or alias → model value. Built once from the model and the aliases. */
const ENUM_LOOKUP = new Map<string, Map<string, string>>();
for (const [name, values] of GRAPH_MODEL.enums) {
  const lookup = new Map<string, string>();
  for (const value of values) lookup.set(normalizeName(value), value);
  for (const [value, aliases] of Object.entries(VALUE_ALIASES[name] ?? {})) {
    for (const alias of aliases) lookup.set(normalizeName(alias), value);
  }
  ENUM_LOOKUP.set(name, lookup);
}

/** The model value an enum value or alias means, or undefined. */
export function lookupEnumValue(enumName: string, text: string): string | undefined {
  return ENUM_LOOKUP.get(enumName)?.get(normalizeName(text));
}

/** An enum value: the model's value, or a Kitos API or Danish name for it (case-insensitive). */
export function parseEnum(enumName: string, text: string): CellResult<string> {
  const value = lookupEnumValue(enumName, text);
  if (value !== undefined) return ok(value);
  const expected = GRAPH_MODEL.enums.get(enumName)?.join(', ') ?? '';
  return fail('UNKNOWN_VALUE', `unknown value ${quote(text)} (expected one of ${expected})`);
}

/** Why a cell could not be converted (returned, not thrown: rows are converted in bulk). */
export class CellFailure {
  constructor(
    readonly code: ImportIssueCode,
    readonly message: string,
  ) {}
}

/** A property's cell converter: empty text is null; a bad value is a CellFailure. */
export type CellConverter = (text: string) => PropertyValue | CellFailure;

function unwrap(result: CellResult<PropertyValue>): PropertyValue | CellFailure {
  return result.ok ? result.value : new CellFailure(result.code, result.message);
}

/** True for a strict `YYYY-MM-DD` that is a real day, without allocating (the common case). */
function isIsoDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * What separates the ids of a list in a canonical CSV cell: `;` or `|` (a `;`-delimited file uses
 * `|` alone, since its cells cannot hold `;` unquoted).
 */
export const ID_LIST_SEPARATORS = /[;|]/;

/**
 * Why an id cannot be stored, or null when it can: an id holding a list separator could be
 * stored but never referenced from an exported file, so an export would not import back as it
 * was.
 */
export function idProblem(id: string): string | null {
  return ID_LIST_SEPARATORS.test(id)
    ? `the id ${quote(id)} holds ";" or "|", which separate the ids of a list`
    : null;
}

/**
 * The converter of one property's cells. Canonical values (what `overblik export` writes) take a
 * fast path without allocation, since a national import converts millions of cells; anything else
 * goes through the full parsers above (aliases, Danish dates and numbers).
 */
export function cellConverter(property: PropertyDef): CellConverter {
  const required = property.required;
  const empty = (): PropertyValue | CellFailure =>
    required ? new CellFailure('MISSING_VALUE', 'a value is required') : null;
  if (property.enumValues) {
    const exact = new Set(property.enumValues);
    const name = property.graphqlType;
    return (text) =>
      text === ''
        ? empty()
        : exact.has(text)
          ? text
          : text.trim() === ''
            ? empty()
            : unwrap(parseEnum(name, text));
  }
  switch (property.type) {
    case 'int':
      return (text) =>
        text === ''
          ? empty()
          : WHOLE.test(text) && text.length < 16
            ? Number(text)
            : text.trim() === ''
              ? empty()
              : unwrap(parseInteger(text));
    case 'float':
      return (text) => {
        if (text === '') return empty();
        // A long enough run of digits is Infinity, which neither the export nor a client reads.
        const fast = DECIMAL.test(text) ? Number(text) : Number.NaN;
        if (Number.isFinite(fast)) return fast;
        return text.trim() === '' ? empty() : unwrap(parseDecimal(text));
      };
    case 'boolean':
      return (text) =>
        text === 'true'
          ? true
          : text === 'false'
            ? false
            : text.trim() === ''
              ? empty()
              : unwrap(parseBoolean(text));
    case 'date':
      return (text) =>
        text === ''
          ? empty()
          : isIsoDay(text)
            ? text
            : text.trim() === ''
              ? empty()
              : unwrap(parseDate(text));
    default:
      if (property.graphqlType === 'ID') {
        return (text) => {
          const id = text.trim();
          if (id === '') return empty();
          const problem = idProblem(id);
          return problem === null ? id : new CellFailure('BAD_VALUE', problem);
        };
      }
      return (text) => (text.trim() === '' ? empty() : text);
  }
}
