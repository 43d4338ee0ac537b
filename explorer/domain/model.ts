/**
 * The closed sets of the landscape model as the API spells them. They mirror
 * server/model/model-types.ts and the codes of server/analysis (model.test.ts keeps them equal)
 * so the explorer bundle never pulls in server code.
 */

export const ENTITY_KINDS = [
  'ORGANIZATION',
  'ORG_UNIT',
  'SYSTEM',
  'INTERFACE',
  'DATA_TYPE',
  'TASK',
  'ARCHITECTURE_COMPONENT',
  'USAGE',
  'CONTRACT',
  'RELATION',
  'DATA_PROCESSING',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** GraphQL type name of each kind (`ORG_UNIT` → `OrgUnit`). */
export const TYPENAME_OF_KIND: Readonly<Record<EntityKind, string>> = {
  ORGANIZATION: 'Organization',
  ORG_UNIT: 'OrgUnit',
  SYSTEM: 'System',
  INTERFACE: 'Interface',
  DATA_TYPE: 'DataType',
  TASK: 'Task',
  ARCHITECTURE_COMPONENT: 'ArchitectureComponent',
  USAGE: 'Usage',
  CONTRACT: 'Contract',
  RELATION: 'Relation',
  DATA_PROCESSING: 'DataProcessing',
};

const KIND_OF_TYPENAME = new Map(
  Object.entries(TYPENAME_OF_KIND).map(([kind, typename]) => [typename, kind as EntityKind]),
);

/** The kind of a GraphQL type name or model label (`OrgUnit` → `ORG_UNIT`), if it is one. */
export function kindOfTypename(typename: string): EntityKind | undefined {
  return KIND_OF_TYPENAME.get(typename) ?? (isEntityKind(typename) ? typename : undefined);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

/** Kinds that describe rather than carry dependency; traversal stops at them (DOMAIN.md). */
export const HUB_KINDS: readonly EntityKind[] = [
  'ORGANIZATION',
  'TASK',
  'DATA_TYPE',
  'ARCHITECTURE_COMPONENT',
];

export const RELATIONSHIP_TYPES = [
  'UNIT_OF',
  'PART_OF',
  'EXPOSES',
  'SUPPORTS',
  'RIGHTS_HOLDER',
  'SUBSYSTEM_OF',
  'USES_COMPONENT',
  'CARRIES',
  'SUBTASK_OF',
  'INSTANCE_OF',
  'BELONGS_TO',
  'USED_BY',
  'RESPONSIBLE',
  'ADDS_TASK',
  'OPTS_OUT_TASK',
  'MAIN_CONTRACT',
  'SUPPLIED_BY',
  'SUB_CONTRACT_OF',
  'COVERS',
  'GOVERNS',
  'FROM_USAGE',
  'TO_USAGE',
  'VIA',
  'PROCESSOR',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The edge type of a path through nodes whose kind is filtered out. */
export const VIA_HIDDEN = 'VIA_HIDDEN';
export type EdgeType = RelationshipType | typeof VIA_HIDDEN;

export const LIFECYCLES = [
  'UNDECIDED',
  'NOT_IN_USE',
  'PHASING_IN',
  'OPERATIONAL',
  'PHASING_OUT',
] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const CRITICALITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** In rising order: a filter on a level keeps that level and the ones after it. */
export const PERSONAL_DATA_LEVELS = [
  'NONE',
  'PERSONAL_DATA',
  'SENSITIVE_DATA',
  'LEGAL_DATA',
] as const;
export type PersonalDataLevel = (typeof PERSONAL_DATA_LEVELS)[number];

export const DIRECTIONS = ['BOTH', 'OUT', 'IN'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DEADLINE_STATUSES = ['OVERDUE', 'DUE', 'LATER', 'UNKNOWN'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** How an item is hit by ending contracts: DEPENDENT items use a LOST one. */
export const IMPACT_STATUSES = ['ENDING', 'LOST', 'DEGRADED', 'DEPENDENT'] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];

export const FINDING_CODES = [
  'RELATION_WITHOUT_INTERFACE',
  'INTERFACE_NOT_USED',
  'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT',
  'EXPIRED_CONTRACT_COVERS_OPERATIONAL',
  'CONTRACT_COVERS_NOTHING',
  'USAGE_WITHOUT_RESPONSIBLE_UNIT',
  'PERSONAL_DATA_WITHOUT_DATA_PROCESSING',
  'LOCAL_SYSTEM_DUPLICATES_PUBLIC',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The kinds each relationship type joins, from → to (server/model/graph-model.ts). */
export const RELATIONSHIP_ENDS: Readonly<
  Record<RelationshipType, readonly (readonly [EntityKind, EntityKind])[]>
> = {
  UNIT_OF: [['ORG_UNIT', 'ORGANIZATION']],
  PART_OF: [['ORG_UNIT', 'ORG_UNIT']],
  EXPOSES: [['SYSTEM', 'INTERFACE']],
  SUPPORTS: [['SYSTEM', 'TASK']],
  RIGHTS_HOLDER: [['SYSTEM', 'ORGANIZATION']],
  SUBSYSTEM_OF: [['SYSTEM', 'SYSTEM']],
  USES_COMPONENT: [
    ['SYSTEM', 'ARCHITECTURE_COMPONENT'],
    ['USAGE', 'ARCHITECTURE_COMPONENT'],
  ],
  CARRIES: [['INTERFACE', 'DATA_TYPE']],
  SUBTASK_OF: [['TASK', 'TASK']],
  INSTANCE_OF: [['USAGE', 'SYSTEM']],
  BELONGS_TO: [
    ['USAGE', 'ORGANIZATION'],
    ['CONTRACT', 'ORGANIZATION'],
    ['DATA_PROCESSING', 'ORGANIZATION'],
  ],
  USED_BY: [['USAGE', 'ORG_UNIT']],
  RESPONSIBLE: [['USAGE', 'ORG_UNIT']],
  ADDS_TASK: [['USAGE', 'TASK']],
  OPTS_OUT_TASK: [['USAGE', 'TASK']],
  MAIN_CONTRACT: [
    ['USAGE', 'CONTRACT'],
    ['DATA_PROCESSING', 'CONTRACT'],
  ],
  SUPPLIED_BY: [['CONTRACT', 'ORGANIZATION']],
  SUB_CONTRACT_OF: [['CONTRACT', 'CONTRACT']],
  COVERS: [
    ['CONTRACT', 'USAGE'],
    ['DATA_PROCESSING', 'USAGE'],
  ],
  GOVERNS: [['CONTRACT', 'RELATION']],
  FROM_USAGE: [['RELATION', 'USAGE']],
  TO_USAGE: [['RELATION', 'USAGE']],
  VIA: [['RELATION', 'INTERFACE']],
  PROCESSOR: [['DATA_PROCESSING', 'ORGANIZATION']],
};

/** Relationship types that touch a node of this kind, in model order. */
export function relationshipTypesOf(kind: EntityKind): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((type) =>
    RELATIONSHIP_ENDS[type].some(([from, to]) => from === kind || to === kind),
  );
}
