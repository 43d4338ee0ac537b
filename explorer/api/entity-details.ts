import { formatDate } from '../domain/dates.ts';
import { kindOfTypename } from '../domain/model.ts';
import {
  CRITICALITY_TERMS,
  LIFECYCLE_TERMS,
  PERSONAL_DATA_TERMS,
  termOf,
} from '../domain/terms.ts';
import { REF_FRAGMENT, toEntityRef, type EntityRef, type RawRef } from './entity-ref.ts';

type Format = 'text' | 'date' | 'boolean' | 'number' | 'enum';

interface ScalarField {
  readonly field: string;
  readonly label: string;
  readonly format?: Format;
  /** Terms for an enum's codes. */
  readonly terms?: Readonly<Record<string, string>>;
}

interface RelationField {
  readonly field: string;
  readonly label: string;
  /** A paged list (else a single entity or null). */
  readonly list?: boolean;
}

interface TypeFields {
  readonly scalars: readonly ScalarField[];
  readonly relations: readonly RelationField[];
}

/** Related entities listed per relationship; one more is asked for to know there are more. */
export const RELATED_PAGE = 25;

const ORG_KIND = {
  MUNICIPALITY: 'Kommune',
  SUPPLIER: 'Leverandør',
  COMMUNITY: 'Fællesskab',
  AUTHORITY: 'Myndighed',
};
const TASK_LEVEL = { MAIN_GROUP: 'Hovedgruppe', GROUP: 'Gruppe', SUBJECT: 'Emne' };
const SCOPE = { PUBLIC: 'Fælles katalog', LOCAL: 'Lokalt' };
const HOSTED_AT = {
  UNDECIDED: 'Ikke angivet',
  ON_PREMISE: 'On-premise',
  EXTERNAL: 'Ekstern',
  HYBRID: 'Hybrid',
};
const NOTICE_BY_END_OF = { MONTH: 'Måned', QUARTER: 'Kvartal', YEAR: 'Kalenderår' };
const AGREEMENT = { YES: 'Ja', NO: 'Nej', IRRELEVANT: 'Irrelevant', UNDECIDED: 'Ikke angivet' };
const OVERSIGHT = {
  HALF_YEARLY: 'Halvårligt',
  YEARLY: 'Årligt',
  EVERY_SECOND_YEAR: 'Hvert andet år',
  OTHER: 'Andet',
  UNDECIDED: 'Ikke angivet',
};
const USER_COUNT = {
  BELOW_TEN: 'Under 10',
  TEN_TO_FIFTY: '10–50',
  FIFTY_TO_HUNDRED: '50–100',
  HUNDRED_PLUS: 'Over 100',
  UNDECIDED: 'Ikke angivet',
};

const description: ScalarField = { field: 'description', label: 'Beskrivelse' };

/**
 * What the details panel shows per entity type, in the order shown. The query asks for exactly
 * these fields, so adding one here is all it takes to show it.
 */
export const DETAIL_FIELDS: Readonly<Record<string, TypeFields>> = {
  Organization: {
    scalars: [
      { field: 'orgKind', label: 'Type', format: 'enum', terms: ORG_KIND },
      { field: 'cvr', label: 'CVR' },
      { field: 'municipalityCode', label: 'Kommunekode' },
      { field: 'region', label: 'Region' },
      { field: 'population', label: 'Indbyggere', format: 'number' },
    ],
    relations: [
      { field: 'usages', label: 'Systemanvendelser', list: true },
      { field: 'contracts', label: 'Kontrakter', list: true },
      { field: 'units', label: 'Enheder', list: true },
      { field: 'dataProcessings', label: 'Databehandlinger', list: true },
      { field: 'suppliedContracts', label: 'Leverandør på kontrakter', list: true },
      { field: 'rightsHolderOf', label: 'Rettighedshaver for', list: true },
      { field: 'processorOf', label: 'Databehandler for', list: true },
    ],
  },
  OrgUnit: {
    scalars: [{ field: 'ean', label: 'EAN' }],
    relations: [
      { field: 'organization', label: 'Kommune' },
      { field: 'parent', label: 'Overordnet enhed' },
      { field: 'children', label: 'Underenheder', list: true },
      { field: 'responsibleFor', label: 'Ansvarlig for', list: true },
      { field: 'usages', label: 'Bruger systemerne', list: true },
    ],
  },
  System: {
    scalars: [
      { field: 'scope', label: 'Katalog', format: 'enum', terms: SCOPE },
      { field: 'businessType', label: 'Forretningstype' },
      { field: 'disabled', label: 'Deaktiveret', format: 'boolean' },
      { field: 'recommendedArchiveDuty', label: 'Anbefalet arkiveringspligt' },
      description,
    ],
    relations: [
      { field: 'rightsHolder', label: 'Rettighedshaver' },
      { field: 'parent', label: 'Overordnet system' },
      { field: 'usages', label: 'Anvendes af', list: true },
      { field: 'interfaces', label: 'Udstiller snitflader', list: true },
      { field: 'tasks', label: 'KLE-opgaver', list: true },
      { field: 'subsystems', label: 'Delsystemer', list: true },
      { field: 'components', label: 'Fælleskomponenter', list: true },
    ],
  },
  Interface: {
    scalars: [
      { field: 'interfaceId', label: 'Snitflade-id' },
      { field: 'version', label: 'Version' },
      { field: 'technology', label: 'Teknologi' },
      description,
    ],
    relations: [
      { field: 'exposedBy', label: 'Udstillet af', list: true },
      { field: 'dataTypes', label: 'Datatyper', list: true },
      { field: 'relations', label: 'Bruges i relationer', list: true },
    ],
  },
  DataType: { scalars: [], relations: [{ field: 'interfaces', label: 'Snitflader', list: true }] },
  Task: {
    scalars: [
      { field: 'number', label: 'KLE-nummer' },
      { field: 'level', label: 'Niveau', format: 'enum', terms: TASK_LEVEL },
    ],
    relations: [
      { field: 'parent', label: 'Overordnet' },
      { field: 'children', label: 'Underopgaver', list: true },
      { field: 'systems', label: 'Understøttes af', list: true },
      { field: 'addedBy', label: 'Tilføjet af', list: true },
      { field: 'optedOutBy', label: 'Fravalgt af', list: true },
    ],
  },
  ArchitectureComponent: {
    scalars: [{ field: 'componentKind', label: 'Type' }, description],
    relations: [
      { field: 'systems', label: 'IT-systemer', list: true },
      { field: 'usages', label: 'Systemanvendelser', list: true },
    ],
  },
  Usage: {
    scalars: [
      { field: 'localName', label: 'Lokalt navn' },
      { field: 'localSystemId', label: 'Lokalt system-id' },
      { field: 'lifecycle', label: 'Livscyklus', format: 'enum', terms: LIFECYCLE_TERMS },
      { field: 'validFrom', label: 'Gyldig fra', format: 'date' },
      { field: 'validTo', label: 'Gyldig til', format: 'date' },
      { field: 'businessCritical', label: 'Forretningskritisk', format: 'boolean' },
      { field: 'criticality', label: 'Kritikalitet', format: 'enum', terms: CRITICALITY_TERMS },
      { field: 'personalData', label: 'Persondata', format: 'enum', terms: PERSONAL_DATA_TERMS },
      { field: 'hostedAt', label: 'Drift', format: 'enum', terms: HOSTED_AT },
      { field: 'archiveDuty', label: 'Arkiveringspligt' },
      { field: 'userCount', label: 'Antal brugere', format: 'enum', terms: USER_COUNT },
    ],
    relations: [
      { field: 'system', label: 'IT-system' },
      { field: 'organization', label: 'Kommune' },
      { field: 'responsibleUnit', label: 'Ansvarlig enhed' },
      { field: 'mainContract', label: 'Hovedkontrakt' },
      { field: 'contracts', label: 'Kontrakter', list: true },
      { field: 'outgoingRelations', label: 'Bruger (relationer)', list: true },
      { field: 'incomingRelations', label: 'Bruges af (relationer)', list: true },
      { field: 'usedBy', label: 'Bruges af enheder', list: true },
      { field: 'dataProcessings', label: 'Databehandlinger', list: true },
      { field: 'addedTasks', label: 'Tilføjede KLE-opgaver', list: true },
      { field: 'optedOutTasks', label: 'Fravalgte KLE-opgaver', list: true },
      { field: 'components', label: 'Fælleskomponenter', list: true },
    ],
  },
  Contract: {
    scalars: [
      { field: 'contractNumber', label: 'Kontraktnummer' },
      { field: 'contractType', label: 'Kontrakttype' },
      { field: 'validFrom', label: 'Gyldig fra', format: 'date' },
      { field: 'validTo', label: 'Gyldig til', format: 'date' },
      { field: 'ongoing', label: 'Løbende', format: 'boolean' },
      { field: 'noticeMonths', label: 'Opsigelsesfrist (måneder)', format: 'number' },
      {
        field: 'noticeByEndOf',
        label: 'Opsigelse til udgangen af',
        format: 'enum',
        terms: NOTICE_BY_END_OF,
      },
      { field: 'irrevocableUntil', label: 'Uopsigelig til', format: 'date' },
      { field: 'extensionOption', label: 'Option på forlængelse' },
      { field: 'extensionsUsed', label: 'Forlængelser brugt', format: 'number' },
      { field: 'terminatedAt', label: 'Opsagt', format: 'date' },
      { field: 'durationYears', label: 'Varighed (år)', format: 'number' },
      { field: 'durationMonths', label: 'Varighed (måneder)', format: 'number' },
      { field: 'procurementStrategy', label: 'Genanskaffelsesstrategi' },
      { field: 'procurementPlanYear', label: 'Genanskaffelse planlagt (år)' },
      { field: 'procurementPlanQuarter', label: 'Genanskaffelse planlagt (kvartal)' },
      { field: 'procurementInitiated', label: 'Genanskaffelse igangsat', format: 'boolean' },
      { field: 'purchaseForm', label: 'Indkøbsform' },
      { field: 'contractCriticality', label: 'Kritikalitet' },
      { field: 'acquisitionCost', label: 'Anskaffelse (kr.)', format: 'number' },
      { field: 'yearlyOperationCost', label: 'Drift pr. år (kr.)', format: 'number' },
      { field: 'enforcedValid', label: 'Gennemtvunget gyldig', format: 'boolean' },
      { field: 'requireValidParent', label: 'Følger overordnet kontrakt', format: 'boolean' },
    ],
    relations: [
      { field: 'supplier', label: 'Leverandør' },
      { field: 'organization', label: 'Kommune' },
      { field: 'parent', label: 'Overordnet kontrakt' },
      { field: 'subContracts', label: 'Underkontrakter', list: true },
      { field: 'covers', label: 'Dækker', list: true },
      { field: 'mainContractOf', label: 'Hovedkontrakt for', list: true },
      { field: 'governs', label: 'Regulerer relationer', list: true },
      { field: 'dataProcessings', label: 'Databehandlinger', list: true },
    ],
  },
  Relation: {
    scalars: [{ field: 'frequency', label: 'Frekvens' }, description],
    relations: [
      { field: 'from', label: 'Fra (bruger)' },
      { field: 'to', label: 'Til (bliver brugt)' },
      { field: 'interface', label: 'Snitflade' },
      { field: 'contract', label: 'Kontrakt' },
    ],
  },
  DataProcessing: {
    scalars: [
      {
        field: 'agreementConcluded',
        label: 'Databehandleraftale indgået',
        format: 'enum',
        terms: AGREEMENT,
      },
      { field: 'thirdCountryTransfer', label: 'Overførsel til tredjeland', format: 'boolean' },
      { field: 'oversightInterval', label: 'Tilsynsinterval', format: 'enum', terms: OVERSIGHT },
    ],
    relations: [
      { field: 'organization', label: 'Kommune' },
      { field: 'mainContract', label: 'Hovedkontrakt' },
      { field: 'usages', label: 'Dækker', list: true },
      { field: 'processors', label: 'Databehandlere', list: true },
    ],
  },
};

/**
 * Aliases for fields that share a name with a field of another type but not its type
 * (GraphQL refuses `criticality` as both an enum and a string in one selection).
 */
const ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ArchitectureComponent: { componentKind: 'kind' },
  Contract: { contractCriticality: 'criticality' },
};

function selection(typename: string, fields: TypeFields): string {
  const aliases = ALIASES[typename] ?? {};
  const scalars = fields.scalars
    .filter((s) => s.field !== 'orgKind')
    .map((s) => (aliases[s.field] ? `${s.field}: ${aliases[s.field]}` : s.field));
  const relations = fields.relations.map((r) =>
    r.list ? `${r.field}(first: ${RELATED_PAGE + 1}) { ...Ref }` : `${r.field} { ...Ref }`,
  );
  return `... on ${typename} { ${[...scalars, ...relations].join(' ')} }`;
}

/** One entity with every property and relationship the details panel shows. */
export const ENTITY_DETAILS_QUERY = /* GraphQL */ `
  query EntityDetails($id: ID!) {
    entity(id: $id) {
      ...Ref
      ${Object.entries(DETAIL_FIELDS)
        .map(([typename, fields]) => selection(typename, fields))
        .join('\n      ')}
    }
  }
  ${REF_FRAGMENT}
`;

export interface EntityDetailsData {
  entity: (RawRef & Record<string, unknown>) | null;
}

export interface DetailProperty {
  readonly label: string;
  readonly value: string;
}

export interface DetailRelation {
  readonly field: string;
  readonly label: string;
  readonly items: readonly EntityRef[];
  /** The page was full: there are more than shown. */
  readonly more: boolean;
}

export interface EntityDetails {
  readonly ref: EntityRef;
  readonly properties: readonly DetailProperty[];
  /** Only relationships with at least one entity. */
  readonly relations: readonly DetailRelation[];
}

function formatValue(value: unknown, field: ScalarField): string | null {
  if (value === null || value === undefined || value === '') return null;
  // Scalars only: a list or object here means the field table asks for the wrong thing.
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  switch (field.format) {
    case 'boolean':
      return value === true ? 'Ja' : 'Nej';
    case 'date':
      return formatDate(text);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('da-DK') : text;
    case 'enum':
      return field.terms ? termOf(field.terms, text) : text;
    default:
      return text;
  }
}

/** The details panel's content: set properties in order, then non-empty relationships. */
export function toEntityDetails(raw: RawRef & Record<string, unknown>): EntityDetails {
  const fields = DETAIL_FIELDS[raw.__typename] ?? { scalars: [], relations: [] };
  const properties: DetailProperty[] = [];
  for (const field of fields.scalars) {
    const value = formatValue(raw[field.field], field);
    if (value !== null) properties.push({ label: field.label, value });
  }
  const relations: DetailRelation[] = [];
  for (const field of fields.relations) {
    const value = raw[field.field];
    const items = (Array.isArray(value) ? value : value ? [value] : []) as RawRef[];
    if (items.length === 0) continue;
    relations.push({
      field: field.field,
      label: field.label,
      items: items.slice(0, RELATED_PAGE).map(toEntityRef),
      more: items.length > RELATED_PAGE,
    });
  }
  return { ref: toEntityRef(raw), properties, relations };
}

/** True when a GraphQL type name is one the details panel knows. */
export function hasDetailFields(typename: string): boolean {
  return kindOfTypename(typename) !== undefined && typename in DETAIL_FIELDS;
}
