// Generated from server/model/model.graphql by `npm run generate`. Do not edit.

/** Node labels of the graph model. */
export const LABELS = ['Organization', 'OrgUnit', 'System', 'Interface', 'DataType', 'Task', 'ArchitectureComponent', 'Usage', 'Contract', 'Relation', 'DataProcessing'] as const;
export type Label = (typeof LABELS)[number];

/** Labels local to one municipality (they carry municipalityId). */
export const LOCAL_LABELS = ['OrgUnit', 'Usage', 'Contract', 'Relation', 'DataProcessing'] as const;

/** Relationship types of the graph model. */
export const RELATIONSHIP_TYPES = ['UNIT_OF', 'PART_OF', 'EXPOSES', 'SUPPORTS', 'RIGHTS_HOLDER', 'SUBSYSTEM_OF', 'USES_COMPONENT', 'CARRIES', 'SUBTASK_OF', 'INSTANCE_OF', 'BELONGS_TO', 'USED_BY', 'RESPONSIBLE', 'ADDS_TASK', 'OPTS_OUT_TASK', 'MAIN_CONTRACT', 'SUPPLIED_BY', 'SUB_CONTRACT_OF', 'COVERS', 'GOVERNS', 'FROM_USAGE', 'TO_USAGE', 'VIA', 'PROCESSOR'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const ORGANIZATION_KIND_VALUES = ['MUNICIPALITY', 'SUPPLIER', 'COMMUNITY', 'AUTHORITY'] as const;
export type OrganizationKind = 'MUNICIPALITY' | 'SUPPLIER' | 'COMMUNITY' | 'AUTHORITY';

export const SYSTEM_SCOPE_VALUES = ['PUBLIC', 'LOCAL'] as const;
export type SystemScope = 'PUBLIC' | 'LOCAL';

export const ARCHIVE_DUTY_VALUES = ['UNDECIDED', 'B', 'K', 'UNKNOWN', 'PRESERVE_DATA_CAN_DISCARD_DOCUMENTS', 'BK', 'KD', 'KB', 'DK', 'DD'] as const;
export type ArchiveDuty = 'UNDECIDED' | 'B' | 'K' | 'UNKNOWN' | 'PRESERVE_DATA_CAN_DISCARD_DOCUMENTS' | 'BK' | 'KD' | 'KB' | 'DK' | 'DD';

export const TASK_LEVEL_VALUES = ['MAIN_GROUP', 'GROUP', 'SUBJECT'] as const;
export type TaskLevel = 'MAIN_GROUP' | 'GROUP' | 'SUBJECT';

export const COMPONENT_KIND_VALUES = ['SUPPORT_SYSTEM', 'BUILDING_BLOCK', 'INFRASTRUCTURE', 'DATA_STANDARD'] as const;
export type ComponentKind = 'SUPPORT_SYSTEM' | 'BUILDING_BLOCK' | 'INFRASTRUCTURE' | 'DATA_STANDARD';

export const LIFECYCLE_VALUES = ['UNDECIDED', 'NOT_IN_USE', 'PHASING_IN', 'OPERATIONAL', 'PHASING_OUT'] as const;
export type Lifecycle = 'UNDECIDED' | 'NOT_IN_USE' | 'PHASING_IN' | 'OPERATIONAL' | 'PHASING_OUT';

export const HOSTED_AT_VALUES = ['UNDECIDED', 'ON_PREMISE', 'EXTERNAL', 'HYBRID'] as const;
export type HostedAt = 'UNDECIDED' | 'ON_PREMISE' | 'EXTERNAL' | 'HYBRID';

export const CRITICALITY_VALUES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Criticality = 'LOW' | 'MEDIUM' | 'HIGH';

export const PERSONAL_DATA_LEVEL_VALUES = ['NONE', 'PERSONAL_DATA', 'SENSITIVE_DATA', 'LEGAL_DATA'] as const;
export type PersonalDataLevel = 'NONE' | 'PERSONAL_DATA' | 'SENSITIVE_DATA' | 'LEGAL_DATA';

export const USER_COUNT_VALUES = ['BELOW_TEN', 'TEN_TO_FIFTY', 'FIFTY_TO_HUNDRED', 'HUNDRED_PLUS', 'UNDECIDED'] as const;
export type UserCount = 'BELOW_TEN' | 'TEN_TO_FIFTY' | 'FIFTY_TO_HUNDRED' | 'HUNDRED_PLUS' | 'UNDECIDED';

export const NOTICE_BY_END_OF_VALUES = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type NoticeByEndOf = 'MONTH' | 'QUARTER' | 'YEAR';

export const AGREEMENT_CONCLUDED_VALUES = ['YES', 'NO', 'IRRELEVANT', 'UNDECIDED'] as const;
export type AgreementConcluded = 'YES' | 'NO' | 'IRRELEVANT' | 'UNDECIDED';

export const OVERSIGHT_INTERVAL_VALUES = ['HALF_YEARLY', 'YEARLY', 'EVERY_SECOND_YEAR', 'OTHER', 'UNDECIDED'] as const;
export type OversightInterval = 'HALF_YEARLY' | 'YEARLY' | 'EVERY_SECOND_YEAR' | 'OTHER' | 'UNDECIDED';

export interface OrganizationNode {
  id: string;
  name: string;
  cvr: string | null;
  kind: OrganizationKind;
  municipalityCode: number | null;
  region: string | null;
  population: number | null;
}

export interface OrgUnitNode {
  id: string;
  municipalityId: string;
  name: string;
  ean: string | null;
}

export interface SystemNode {
  id: string;
  name: string;
  description: string | null;
  scope: SystemScope;
  businessType: string | null;
  disabled: boolean | null;
  recommendedArchiveDuty: ArchiveDuty | null;
  ownerId: string | null;
}

export interface InterfaceNode {
  id: string;
  name: string;
  interfaceId: string | null;
  version: string | null;
  technology: string | null;
  description: string | null;
}

export interface DataTypeNode {
  id: string;
  name: string;
}

export interface TaskNode {
  id: string;
  number: string;
  title: string;
  level: TaskLevel;
}

export interface ArchitectureComponentNode {
  id: string;
  name: string;
  kind: ComponentKind;
  description: string | null;
}

export interface UsageNode {
  id: string;
  municipalityId: string;
  localName: string | null;
  localSystemId: string | null;
  lifecycle: Lifecycle | null;
  validFrom: string | null;
  validTo: string | null;
  hostedAt: HostedAt | null;
  businessCritical: boolean | null;
  criticality: Criticality | null;
  personalData: PersonalDataLevel | null;
  archiveDuty: ArchiveDuty | null;
  userCount: UserCount | null;
}

export interface ContractNode {
  id: string;
  municipalityId: string;
  name: string;
  contractNumber: string | null;
  contractType: string | null;
  validFrom: string | null;
  validTo: string | null;
  durationYears: number | null;
  durationMonths: number | null;
  ongoing: boolean | null;
  extensionOption: string | null;
  extensionsUsed: number | null;
  irrevocableUntil: string | null;
  noticeMonths: number | null;
  noticeByEndOf: NoticeByEndOf | null;
  terminatedAt: string | null;
  enforcedValid: boolean | null;
  requireValidParent: boolean | null;
  procurementPlanYear: number | null;
  procurementPlanQuarter: number | null;
  procurementStrategy: string | null;
  purchaseForm: string | null;
  procurementInitiated: boolean | null;
  criticality: string | null;
  acquisitionCost: number | null;
  yearlyOperationCost: number | null;
}

export interface RelationNode {
  id: string;
  municipalityId: string;
  frequency: string | null;
  description: string | null;
}

export interface DataProcessingNode {
  id: string;
  municipalityId: string;
  name: string;
  agreementConcluded: AgreementConcluded | null;
  thirdCountryTransfer: boolean | null;
  oversightInterval: OversightInterval | null;
}

/** The property record of each label. */
export interface NodeByLabel {
  Organization: OrganizationNode;
  OrgUnit: OrgUnitNode;
  System: SystemNode;
  Interface: InterfaceNode;
  DataType: DataTypeNode;
  Task: TaskNode;
  ArchitectureComponent: ArchitectureComponentNode;
  Usage: UsageNode;
  Contract: ContractNode;
  Relation: RelationNode;
  DataProcessing: DataProcessingNode;
}
