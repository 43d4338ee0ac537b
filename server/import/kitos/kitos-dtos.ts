import { z } from 'zod';
import { idProblem } from '../cell-values.ts';

// The Kitos API v2 response DTOs, as far as Overblik reads them (shared/reference/kitos.md §4.3).
// Every field but the identity is optional and nullable: Kitos omits or nulls whatever is not
// registered, and newer Kitos versions add fields, which are ignored.

/**
 * Trimmed as the CSV import trims ids, and held to the same rule (idProblem): a blank uuid, or
 * one holding a list separator, was stored as an id no export could carry.
 */
const uuid = z
  .string()
  .trim()
  .min(1, 'a uuid is required')
  .superRefine((value, ctx) => {
    const problem = idProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Optional text: blank is no value, as an empty CSV cell is (else export and import disagree). */
const text = z
  .string()
  .nullish()
  .transform((value) =>
    value === undefined || value === null || value.trim() === '' ? null : value,
  );
const flag = z.boolean().nullish();
const whole = z.number().nullish();
/** Kitos enums arrive as names (`"Operational"`) or, in older exports, as their integers. */
const choice = z.union([z.string(), z.number()]).nullish();
/** The name of a DTO: Kitos requires one, and a blank one would be stored as no name at all. */
const name = z.string().refine((value) => value.trim() !== '', 'a name is required');
const identity = z.object({ uuid, name: text });
const organizationIdentity = identity.extend({ cvr: text });
const reference = identity.nullish();
const references = z.array(identity).nullish();

export const kitosOrganization = z.object({
  uuid,
  name,
  cvr: text,
  organizationType: choice,
});

export const kitosOrganizationUnit = z.object({
  uuid,
  name,
  parentOrganizationUnit: reference,
  ean: z.union([z.number(), z.string()]).nullish(),
});

export const kitosSystem = z.object({
  uuid,
  name,
  description: text,
  scope: text,
  deactivated: flag,
  businessType: reference,
  recommendedArchiveDuty: z.object({ id: choice }).nullish(),
  organizationContext: organizationIdentity.nullish(),
  rightsHolder: organizationIdentity.nullish(),
  parentSystem: reference,
  kle: references,
});

export const kitosInterface = z.object({
  uuid,
  name,
  interfaceId: text,
  version: text,
  description: text,
  notes: text,
  itInterfaceType: reference,
  exposedBySystem: reference,
  data: z.array(z.object({ dataType: reference })).nullish(),
});

const systemRelation = z.object({
  uuid,
  toSystemUsage: identity,
  relationInterface: reference,
  associatedContract: reference,
  relationFrequency: reference,
  description: text,
});

export const kitosUsage = z.object({
  uuid,
  systemContext: identity,
  organizationContext: organizationIdentity,
  general: z
    .object({
      localSystemId: text,
      localCallName: text,
      numberOfExpectedUsers: z.object({ lowerBound: whole, upperBound: whole }).nullish(),
      validity: z.object({ lifeCycleStatus: choice, validFrom: text, validTo: text }).nullish(),
      mainContract: reference,
      isBusinessCritical: choice,
      hostedAt: choice,
      systemUsageCriticalityLevel: reference,
    })
    .nullish(),
  organizationUsage: z
    .object({ usingOrganizationUnits: references, responsibleOrganizationUnit: reference })
    .nullish(),
  localKLEDeviations: z.object({ addedKLE: references, removedKLE: references }).nullish(),
  archiving: z.object({ archiveDuty: choice }).nullish(),
  gdpr: z
    .object({
      hostedAt: choice,
      isBusinessCritical: choice,
      dataSensitivityLevels: z.array(z.union([z.string(), z.number()])).nullish(),
    })
    .nullish(),
  outgoingSystemRelations: z.array(systemRelation).nullish(),
});

const payment = z.object({ acquisition: whole, operation: whole });

export const kitosContract = z.object({
  uuid,
  name,
  organizationContext: organizationIdentity,
  parentContract: reference,
  general: z
    .object({
      contractId: text,
      contractType: reference,
      criticality: reference,
      validity: z
        .object({
          enforcedValid: flag,
          requireValidParent: flag,
          validFrom: text,
          validTo: text,
        })
        .nullish(),
    })
    .nullish(),
  procurement: z
    .object({
      purchaseType: reference,
      procurementStrategy: reference,
      procurementPlan: z.object({ quarterOfYear: whole, year: whole }).nullish(),
      procurementInitiated: choice,
    })
    .nullish(),
  supplier: z.object({ organization: organizationIdentity.nullish() }).nullish(),
  responsible: z.object({ organizationUnit: reference }).nullish(),
  systemUsages: references,
  agreementPeriod: z
    .object({
      durationYears: whole,
      durationMonths: whole,
      isContinuous: flag,
      extensionOptions: reference,
      extensionOptionsUsed: whole,
      irrevocableUntil: text,
    })
    .nullish(),
  termination: z
    .object({
      terminatedAt: text,
      terms: z.object({ noticePeriodMonths: reference, noticeByEndOf: choice }).nullish(),
    })
    .nullish(),
  payments: z.object({ external: z.array(payment).nullish() }).nullish(),
});

export const kitosDataProcessing = z.object({
  uuid,
  name,
  organizationContext: organizationIdentity,
  general: z
    .object({
      isAgreementConcluded: choice,
      transferToInsecureThirdCountries: choice,
      dataProcessors: z.array(organizationIdentity).nullish(),
      mainContract: reference,
      responsibleOrganizationUnit: reference,
    })
    .nullish(),
  systemUsages: references,
  oversight: z.object({ oversightInterval: choice }).nullish(),
});

export const kitosKleOption = z.object({
  uuid,
  kleNumber: z.string().min(1),
  description: z.string(),
  parentKle: reference,
});

export type KitosOrganization = z.infer<typeof kitosOrganization>;
export type KitosOrganizationUnit = z.infer<typeof kitosOrganizationUnit>;
export type KitosSystem = z.infer<typeof kitosSystem>;
export type KitosInterface = z.infer<typeof kitosInterface>;
export type KitosUsage = z.infer<typeof kitosUsage>;
export type KitosSystemRelation = z.infer<typeof systemRelation>;
export type KitosContract = z.infer<typeof kitosContract>;
export type KitosDataProcessing = z.infer<typeof kitosDataProcessing>;
export type KitosKleOption = z.infer<typeof kitosKleOption>;
export type KitosIdentity = z.infer<typeof identity>;

/** The Kitos API v2 resources Overblik reads, plus the incoming-relations view it recognises. */
export const KITOS_SCHEMAS = {
  organizations: kitosOrganization,
  'organization-units': kitosOrganizationUnit,
  'it-systems': kitosSystem,
  'it-interfaces': kitosInterface,
  'it-system-usages': kitosUsage,
  'it-contracts': kitosContract,
  'data-processing-registrations': kitosDataProcessing,
  'kle-options': kitosKleOption,
} as const;

export type KitosResource = keyof typeof KITOS_SCHEMAS | 'incoming-system-relations';

function has(object: Record<string, unknown>, ...keys: string[]): boolean {
  return keys.some((key) => key in object);
}

/**
 * The resource a DTO comes from, told by its keys (file names vary, so they are not used).
 * Undefined when the object has no known shape.
 */
export function classifyKitosObject(object: Record<string, unknown>): KitosResource | undefined {
  if (has(object, 'kleNumber')) return 'kle-options';
  if (has(object, 'fromSystemUsage')) return 'incoming-system-relations';
  if (has(object, 'systemContext')) return 'it-system-usages';
  if (has(object, 'agreementPeriod', 'termination', 'procurement', 'parentContract')) {
    return 'it-contracts';
  }
  if (
    has(object, 'oversight') ||
    (isRecord(object.general) && 'dataProcessors' in object.general)
  ) {
    return 'data-processing-registrations';
  }
  if (has(object, 'exposedBySystem', 'itInterfaceType', 'interfaceId')) return 'it-interfaces';
  if (has(object, 'recommendedArchiveDuty', 'parentSystem', 'rightsHolder', 'businessType')) {
    return 'it-systems';
  }
  if (has(object, 'parentOrganizationUnit', 'ean', 'unitId')) return 'organization-units';
  if (has(object, 'organizationType') || (has(object, 'cvr') && has(object, 'uuid', 'name'))) {
    return 'organizations';
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const PAGE_KEYS = ['payload', 'data', 'value', 'items', 'results', 'content'];

/**
 * The DTOs of one file: a bare array, a single DTO, or a page wrapped in `{ payload: [...] }`
 * (or `data`, `value`, `items`, `results`, `content`). A wrapper's `organizationUuid` (or
 * `organization.uuid`) is kept as a hint of whose organisation units the file holds.
 */
export function unwrapKitosPage(value: unknown): {
  items: unknown[];
  organizationHint?: string;
  referenceVersion?: string;
} {
  if (Array.isArray(value)) return { items: value };
  if (!isRecord(value)) return { items: [] };
  if ('uuid' in value) return { items: [value] };
  const key =
    PAGE_KEYS.find((k) => Array.isArray(value[k])) ??
    Object.keys(value).find((k) => Array.isArray(value[k]));
  const items = key ? (value[key] as unknown[]) : [];
  const organization = value.organization;
  const hint =
    typeof value.organizationUuid === 'string'
      ? value.organizationUuid
      : isRecord(organization) && typeof organization.uuid === 'string'
        ? organization.uuid
        : undefined;
  return {
    items,
    ...(hint ? { organizationHint: hint } : {}),
    ...(typeof value.referenceVersion === 'string'
      ? { referenceVersion: value.referenceVersion }
      : {}),
  };
}
