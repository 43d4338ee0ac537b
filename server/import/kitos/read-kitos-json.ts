import type { z } from 'zod';
import {
  importError,
  importWarning,
  quote,
  type ImportIssue,
  type Origin,
} from '../import-issue.ts';
import { parseJsonWithLines } from './json-with-lines.ts';
import {
  KITOS_SCHEMAS,
  classifyKitosObject,
  isRecord,
  unwrapKitosPage,
  type KitosContract,
  type KitosDataProcessing,
  type KitosInterface,
  type KitosKleOption,
  type KitosOrganization,
  type KitosOrganizationUnit,
  type KitosResource,
  type KitosSystem,
  type KitosUsage,
} from './kitos-dtos.ts';

/** One DTO with where it was read and what the object was (for lines of nested objects). */
export interface KitosItem<T> {
  readonly dto: T;
  readonly origin: Origin;
  /** The organisation a wrapped page names (`organizationUuid`), if any. */
  readonly organizationHint?: string;
  /** Line of a nested object of the raw DTO (outgoing relations), by its position. */
  readonly lineOf: (object: object) => number;
  readonly raw: Record<string, unknown>;
}

/** Everything read from the Kitos files of one import, by resource. */
export class KitosDocuments {
  readonly organizations: KitosItem<KitosOrganization>[] = [];
  readonly units: KitosItem<KitosOrganizationUnit>[] = [];
  readonly systems: KitosItem<KitosSystem>[] = [];
  readonly interfaces: KitosItem<KitosInterface>[] = [];
  readonly usages: KitosItem<KitosUsage>[] = [];
  readonly contracts: KitosItem<KitosContract>[] = [];
  readonly dataProcessings: KitosItem<KitosDataProcessing>[] = [];
  readonly kleOptions: KitosItem<KitosKleOption>[] = [];

  get empty(): boolean {
    return (
      this.organizations.length +
        this.units.length +
        this.systems.length +
        this.interfaces.length +
        this.usages.length +
        this.contracts.length +
        this.dataProcessings.length +
        this.kleOptions.length ===
      0
    );
  }
}

/** What one JSON file held. */
export interface KitosFileSummary {
  /** `kle` when every record was a KLE option. */
  readonly format: 'kitos' | 'kle';
  readonly records: number;
  readonly resources: Partial<Record<KitosResource, number>>;
}

const BUCKETS = {
  organizations: 'organizations',
  'organization-units': 'units',
  'it-systems': 'systems',
  'it-interfaces': 'interfaces',
  'it-system-usages': 'usages',
  'it-contracts': 'contracts',
  'data-processing-registrations': 'dataProcessings',
  'kle-options': 'kleOptions',
} as const;

/** Issues of a zod failure on a DTO, one per field, naming the JSON path and the value. */
function dtoIssues(origin: Origin, resource: string, error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) =>
    importError(
      origin,
      'BAD_VALUE',
      `${issue.message} (${resource})`,
      issue.path.join('.') || '(object)',
    ),
  );
}

/**
 * Reads one Kitos API v2 JSON file (a bare array, a single DTO or a wrapped page) into
 * `documents`, telling each object's resource from its keys. `onlyKle` refuses everything but
 * KLE options (for `--format kle`).
 */
export function readKitosJson(
  file: string,
  text: string,
  documents: KitosDocuments,
  issues: ImportIssue[],
  onlyKle = false,
): KitosFileSummary {
  const resources: Partial<Record<KitosResource, number>> = {};
  const parsed = parseJsonWithLines(text);
  if ('error' in parsed) {
    issues.push(importError({ file, line: parsed.error.line }, 'BAD_JSON', parsed.error.message));
    return { format: 'kitos', records: 0, resources };
  }
  const page = unwrapKitosPage(parsed.value);
  if (page.items.length === 0) {
    issues.push(importWarning({ file, line: 1 }, 'EMPTY_FILE', 'the file holds no records'));
  }
  let records = 0;
  let incoming = 0;
  let firstIncomingLine = 0;
  for (const item of page.items) {
    const line = isRecord(item) ? parsed.lineOf(item) : 1;
    const origin = { file, line, structured: true };
    if (!isRecord(item)) {
      issues.push(importError(origin, 'BAD_VALUE', `expected an object, got ${quote(item)}`));
      continue;
    }
    const resource = classifyKitosObject(item);
    if (!resource || (onlyKle && resource !== 'kle-options')) {
      const keys = Object.keys(item).slice(0, 8).join(', ');
      issues.push(
        importError(
          origin,
          'UNKNOWN_FORMAT',
          onlyKle
            ? `not a KLE option (keys: ${keys}); KLE JSON is the Kitos kle-options shape`
            : `not a Kitos API v2 object Overblik reads (keys: ${keys})`,
        ),
      );
      continue;
    }
    resources[resource] = (resources[resource] ?? 0) + 1;
    records++;
    if (resource === 'incoming-system-relations') {
      incoming++;
      firstIncomingLine ||= line;
      continue;
    }
    const result = KITOS_SCHEMAS[resource].safeParse(item);
    if (!result.success) {
      issues.push(...dtoIssues(origin, resource, result.error));
      continue;
    }
    const bucket = documents[BUCKETS[resource]] as KitosItem<unknown>[];
    bucket.push({
      dto: result.data,
      origin,
      raw: item,
      lineOf: parsed.lineOf,
      ...(page.organizationHint ? { organizationHint: page.organizationHint } : {}),
    });
  }
  if (incoming > 0) {
    issues.push(
      importWarning(
        { file, line: firstIncomingLine },
        'IGNORED',
        `${incoming} incoming system relation(s) ignored: this view does not name the used ` +
          'usage; relations are imported from the using usage (it-system-usages ' +
          'outgoingSystemRelations)',
      ),
    );
  }
  const onlyKleOptions = records > 0 && resources['kle-options'] === records;
  return { format: onlyKleOptions ? 'kle' : 'kitos', records, resources };
}
