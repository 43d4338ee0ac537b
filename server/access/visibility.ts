import type { NodeRecord } from '../model/landscape.ts';
import { LOCAL_LABELS, type Label, type RelationshipType } from '../model/model-types.ts';

/**
 * How much of its local data a municipality shows viewers of other municipalities:
 * - NONE: only which catalogue systems it uses (a usage's system and lifecycle);
 * - LANDSCAPE: its usages, relations, suppliers, and its contracts' end and decide-by dates
 *   (the terms they derive from), never prices or costs;
 * - FULL: everything, as its own viewers see it.
 */
export const SHARING_LEVELS = ['NONE', 'LANDSCAPE', 'FULL'] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];

type LocalLabel = (typeof LOCAL_LABELS)[number];

/** What a viewer sees of one local node: which fields, and over which relationship types. */
export interface NodeRule {
  /** Fields kept; null keeps them all. */
  readonly fields: ReadonlySet<string> | null;
  /** Relationship types the node may be reached over; null allows all. */
  readonly edges: ReadonlySet<RelationshipType> | null;
}

const EVERYTHING: NodeRule = Object.freeze({ fields: null, edges: null });

/** The contract terms end and decide-by dates derive from (contract-dates.ts), and identity. */
const CONTRACT_DATE_FIELDS = new Set([
  'id',
  'municipalityId',
  'name',
  'contractType',
  'validFrom',
  'validTo',
  'durationYears',
  'durationMonths',
  'ongoing',
  'extensionOption',
  'extensionsUsed',
  'irrevocableUntil',
  'noticeMonths',
  'noticeByEndOf',
  'terminatedAt',
  'enforcedValid',
  'requireValidParent',
  'procurementStrategy',
]);

/**
 * The one table of what each sharing level shows, per local label; null hides the node. Shared
 * catalogue labels (systems, interfaces, KLE, components, organisations) are always visible.
 */
const RULES: Record<LocalLabel, Record<SharingLevel, NodeRule | null>> = {
  Usage: {
    // Which municipalities use which catalogue system is public (the catalogue's "used by").
    NONE: {
      fields: new Set(['id', 'municipalityId', 'lifecycle']),
      edges: new Set<RelationshipType>(['INSTANCE_OF', 'BELONGS_TO']),
    },
    LANDSCAPE: EVERYTHING,
    FULL: EVERYTHING,
  },
  Relation: { NONE: null, LANDSCAPE: EVERYTHING, FULL: EVERYTHING },
  Contract: {
    NONE: null,
    LANDSCAPE: { fields: CONTRACT_DATE_FIELDS, edges: null },
    FULL: EVERYTHING,
  },
  OrgUnit: { NONE: null, LANDSCAPE: null, FULL: EVERYTHING },
  DataProcessing: { NONE: null, LANDSCAPE: null, FULL: EVERYTHING },
};

const LOCAL = new Set<Label>(LOCAL_LABELS);

/** Whether a label is local to one municipality (else shared catalogue, visible to all). */
export function isLocalLabel(label: Label): label is LocalLabel {
  return LOCAL.has(label);
}

/**
 * What one viewer may see: the sharing level of each municipality's local data towards this viewer.
 * The viewer's own municipality is FULL; municipalities not configured share NONE.
 */
export class Visibility {
  readonly #own: string | null;
  readonly #sharing: ReadonlyMap<string, SharingLevel>;

  constructor(own: string | null, sharing: ReadonlyMap<string, SharingLevel>) {
    this.#own = own;
    this.#sharing = sharing;
  }

  /** The level at which this viewer sees a municipality's local data. */
  levelOf(municipalityId: string): SharingLevel {
    return municipalityId === this.#own ? 'FULL' : (this.#sharing.get(municipalityId) ?? 'NONE');
  }

  /**
   * The rule for a node of this label owned by this municipality: everything for shared labels,
   * null when the node is hidden.
   */
  ruleFor(label: Label, municipalityId: string | null | undefined): NodeRule | null {
    if (!isLocalLabel(label)) return EVERYTHING;
    if (typeof municipalityId !== 'string') return null;
    return RULES[label][this.levelOf(municipalityId)];
  }
}

/** The record as a rule shows it: the kept fields only. */
export function redact(record: NodeRecord, rule: NodeRule): NodeRecord {
  if (rule.fields === null) return record;
  const shown: Record<string, unknown> = {};
  for (const key of rule.fields) if (key in record) shown[key] = record[key];
  return shown as NodeRecord;
}

/** Whether a rule lets its node be reached over a relationship type. */
export function allowsEdge(rule: NodeRule, type: RelationshipType): boolean {
  return rule.edges === null || rule.edges.has(type);
}
