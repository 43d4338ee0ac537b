import { lookupEnumValue } from '../cell-values.ts';
import { importWarning, quote, type ImportIssue, type Origin } from '../import-issue.ts';
import type { KitosIdentity } from './kitos-dtos.ts';
import { isKnownKitosOption } from './kitos-options.ts';

/** Kitos enums as integers (older exports), in the order of their integer values. */
const KITOS_ENUM_INTEGERS: Record<string, readonly string[]> = {
  Lifecycle: ['Undecided', 'NotInUse', 'PhasingIn', 'Operational', 'PhasingOut'],
  HostedAt: ['Undecided', 'OnPremise', 'External', 'Hybrid'],
  ArchiveDuty: ['Undecided', 'B', 'K', 'Unknown', 'PreserveDataCanDiscardDocuments'],
  NoticeByEndOf: ['EndOfCalendarYear', 'EndOfQuarter', 'EndOfMonth'],
  AgreementConcluded: ['No', 'Yes', 'Irrelevant', 'Undecided'],
  OversightInterval: ['BiYearly', 'Yearly', 'EveryOtherYear', 'Other', 'Undecided'],
  OrganizationKind: ['', 'Municipality', 'CommunityOfInterest', 'Company', 'OtherPublicAuthority'],
};

/** YesNoDontKnow (`DataOptions`: NO 0, YES 1, DONTKNOW 2, UNDECIDED 3) and YesNoUndecided names. */
const YES = new Set(['yes', '1']);
const NO = new Set(['no', '0']);

/**
 * Reads Kitos option and enum values into the model's, and collects what it does not know:
 * each unknown value is reported once per file and field, with how often it occurred.
 */
export class KitosValues {
  readonly #unknown = new Map<
    string,
    { origin: Origin; field: string; count: number; message: string }
  >();

  /** An option's name kept as text; a name Kitos does not seed is kept too, with a warning. */
  option(
    origin: Origin,
    field: string,
    optionField: string,
    ref: KitosIdentity | null | undefined,
  ): string | null {
    const name = ref?.name?.trim() || null;
    if (name !== null && !isKnownKitosOption(optionField, name)) {
      this.note(origin, field, name, 'unknown option %s kept as text');
    }
    return name;
  }

  /** Notes a value Overblik does not know; `template`'s `%s` is replaced by the quoted value. */
  note(origin: Origin, field: string, value: string, template: string): void {
    const key = `${origin.file}|${field}|${value}`;
    const seen = this.#unknown.get(key);
    if (seen) seen.count++;
    else {
      this.#unknown.set(key, {
        origin,
        field,
        count: 1,
        message: template.replace('%s', quote(value)),
      });
    }
  }

  /** A Kitos enum (name or integer) as the model's enum value; unknown ones warn and stay empty. */
  enum(
    origin: Origin,
    field: string,
    enumName: string,
    value: string | number | null | undefined,
  ): string | null {
    if (value === null || value === undefined || value === '') return null;
    const name =
      typeof value === 'number' ? (KITOS_ENUM_INTEGERS[enumName]?.[value] ?? String(value)) : value;
    const mapped = lookupEnumValue(enumName, name);
    if (mapped === undefined)
      this.note(origin, field, String(value), 'unknown value %s left empty');
    return mapped ?? null;
  }

  /** A Kitos yes/no choice (name or integer); don't-know and undecided read as empty. */
  yesNo(origin: Origin, field: string, value: string | number | null | undefined): boolean | null {
    if (value === null || value === undefined) return null;
    const key = String(value).toLowerCase();
    if (YES.has(key)) return true;
    if (NO.has(key)) return false;
    if (['dontknow', 'undecided', '2', '3'].includes(key)) return null;
    this.note(origin, field, String(value), 'unknown value %s left empty');
    return null;
  }

  /** Adds a warning per unknown value (per file and field), with how often it occurred. */
  reportTo(issues: ImportIssue[]): void {
    for (const { origin, field, count, message } of this.#unknown.values()) {
      const times = count > 1 ? ` (${count} records; the first is here)` : '';
      issues.push(importWarning(origin, 'UNKNOWN_OPTION', message + times, field));
    }
  }
}
