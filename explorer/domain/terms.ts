import type {
  Criticality,
  DeadlineStatus,
  Direction,
  EdgeType,
  EntityKind,
  FindingCode,
  ImpactStatus,
  Lifecycle,
  PersonalDataLevel,
} from './model.ts';

/**
 * The words users of Kitos use, so the explorer reads like the registrations they keep. Codes stay
 * English (as the API spells them); everything a person reads comes from here.
 */
export const KIND_TERMS: Readonly<Record<EntityKind, { one: string; many: string }>> = {
  ORGANIZATION: { one: 'Organisation', many: 'Organisationer' },
  ORG_UNIT: { one: 'Enhed', many: 'Enheder' },
  SYSTEM: { one: 'IT-system', many: 'IT-systemer' },
  INTERFACE: { one: 'Snitflade', many: 'Snitflader' },
  DATA_TYPE: { one: 'Datatype', many: 'Datatyper' },
  TASK: { one: 'KLE-opgave', many: 'KLE-opgaver' },
  ARCHITECTURE_COMPONENT: { one: 'Fælleskomponent', many: 'Fælleskomponenter' },
  USAGE: { one: 'Systemanvendelse', many: 'Systemanvendelser' },
  CONTRACT: { one: 'Kontrakt', many: 'Kontrakter' },
  RELATION: { one: 'Relation', many: 'Relationer' },
  DATA_PROCESSING: { one: 'Databehandling', many: 'Databehandlinger' },
};

/** Relationship types read from their source: "Anvendelse → er instans af → System". */
export const EDGE_TERMS: Readonly<Record<EdgeType, string>> = {
  UNIT_OF: 'enhed i',
  PART_OF: 'del af',
  EXPOSES: 'udstiller',
  SUPPORTS: 'understøtter',
  RIGHTS_HOLDER: 'rettighedshaver',
  SUBSYSTEM_OF: 'delsystem af',
  USES_COMPONENT: 'bruger fælleskomponent',
  CARRIES: 'overfører',
  SUBTASK_OF: 'underopgave af',
  INSTANCE_OF: 'anvender systemet',
  BELONGS_TO: 'hører til',
  USED_BY: 'bruges af',
  RESPONSIBLE: 'ansvarlig enhed',
  ADDS_TASK: 'tilføjer opgave',
  OPTS_OUT_TASK: 'fravælger opgave',
  MAIN_CONTRACT: 'hovedkontrakt',
  SUPPLIED_BY: 'leverandør',
  SUB_CONTRACT_OF: 'underkontrakt af',
  COVERS: 'dækker',
  GOVERNS: 'regulerer',
  FROM_USAGE: 'fra',
  TO_USAGE: 'til',
  VIA: 'via snitflade',
  PROCESSOR: 'databehandler',
  VIA_HIDDEN: 'indirekte via',
};

export const LIFECYCLE_TERMS: Readonly<Record<Lifecycle, string>> = {
  UNDECIDED: 'Ikke angivet',
  NOT_IN_USE: 'Ikke i drift',
  PHASING_IN: 'Under indfasning',
  OPERATIONAL: 'I drift',
  PHASING_OUT: 'Under udfasning',
};

export const CRITICALITY_TERMS: Readonly<Record<Criticality, string>> = {
  LOW: 'Lav',
  MEDIUM: 'Mellem',
  HIGH: 'Høj',
};

export const PERSONAL_DATA_TERMS: Readonly<Record<PersonalDataLevel, string>> = {
  NONE: 'Ingen persondata',
  PERSONAL_DATA: 'Almindelige persondata',
  SENSITIVE_DATA: 'Følsomme persondata',
  LEGAL_DATA: 'Straffedomme og lovovertrædelser',
};

export const DIRECTION_TERMS: Readonly<Record<Direction, string>> = {
  BOTH: 'Begge retninger',
  OUT: 'Udgående',
  IN: 'Indgående',
};

export const DEADLINE_STATUS_TERMS: Readonly<Record<DeadlineStatus, string>> = {
  OVERDUE: 'Overskredet',
  DUE: 'Snart',
  LATER: 'Senere',
  UNKNOWN: 'Ukendt',
};

export const IMPACT_STATUS_TERMS: Readonly<Record<ImpactStatus, string>> = {
  ENDING: 'Ophører',
  LOST: 'Mistes',
  DEGRADED: 'Svækkes',
  DEPENDENT: 'Afhængig',
};

/** One line explaining each impact status, for the legend and table headers. */
export const IMPACT_STATUS_HELP: Readonly<Record<ImpactStatus, string>> = {
  ENDING: 'Kontrakten ophører (eller systemet udfases)',
  LOST: 'Ingen anden aktiv kontrakt dækker anvendelsen',
  DEGRADED: 'En anden aktiv kontrakt dækker stadig anvendelsen',
  DEPENDENT: 'Bruger (direkte eller indirekte) en anvendelse, der mistes',
};

export const FINDING_TERMS: Readonly<Record<FindingCode, string>> = {
  RELATION_WITHOUT_INTERFACE: 'Relation uden snitflade',
  INTERFACE_NOT_USED: 'Snitflade udstillet, men ikke brugt',
  OPERATIONAL_WITHOUT_ACTIVE_CONTRACT: 'I drift uden aktiv kontrakt',
  EXPIRED_CONTRACT_COVERS_OPERATIONAL: 'Udløbet kontrakt dækker system i drift',
  CONTRACT_COVERS_NOTHING: 'Kontrakt dækker intet',
  USAGE_WITHOUT_RESPONSIBLE_UNIT: 'Anvendelse uden ansvarlig enhed',
  PERSONAL_DATA_WITHOUT_DATA_PROCESSING: 'Persondata uden databehandling',
  LOCAL_SYSTEM_DUPLICATES_PUBLIC: 'Lokalt system dublerer fælles katalog',
};

/** A term from a table, or the code itself when the table has none (a newer server). */
export function termOf<K extends string>(table: Readonly<Record<K, string>>, code: string): string {
  return (table as Readonly<Record<string, string>>)[code] ?? code;
}
