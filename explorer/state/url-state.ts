import { isIsoDate } from '../domain/dates.ts';
import {
  CRITICALITIES,
  DEADLINE_STATUSES,
  DIRECTIONS,
  ENTITY_KINDS,
  FINDING_CODES,
  LIFECYCLES,
  PERSONAL_DATA_LEVELS,
  RELATIONSHIP_TYPES,
  type Criticality,
  type DeadlineStatus,
  type Direction,
  type EntityKind,
  type FindingCode,
  type Lifecycle,
  type PersonalDataLevel,
  type RelationshipType,
} from '../domain/model.ts';

/**
 * The whole view state lives in the query string, so a reload, back/forward and a shared link
 * all restore it. This module is the only place that knows the parameter names; values that do
 * not parse fall back to their defaults rather than breaking the page, and defaults are left
 * out of the URL so links stay short.
 */

export const VIEWS = ['map', 'impact', 'deadlines', 'compare', 'quality', 'perf'] as const;
export type View = (typeof VIEWS)[number];

export const LAYOUTS = ['force', 'hierarchy', 'concentric'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const GROUPINGS = ['none', 'municipality', 'orgUnit', 'kle', 'supplier'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const TABS = ['graph', 'table'] as const;
export type Tab = (typeof TABS)[number];

/** Neighbourhood depth the map asks for, 1–4 (the server's bound). */
export const MAX_DEPTH = 4;
/** Largest slice the map asks for (the server's bound). */
export const MAX_NODES_LIMIT = 5000;

/** A node expanded on the map: its own neighbourhood, merged into the focus's. */
export interface Expansion {
  readonly id: string;
  readonly depth: number;
  /** Relationship types followed; empty means every type. */
  readonly relationshipTypes: readonly RelationshipType[];
}

export interface ViewState {
  readonly view: View;
  /** Municipality scope of every view (an Organization id); null for all. */
  readonly municipality: string | null;
  /** The as-of date; null means today. */
  readonly asOf: string | null;
  /** The selected entity (details panel, highlighted path). */
  readonly selection: string | null;
  readonly tab: Tab;
  /** null: the view's own default layout. */
  readonly layout: LayoutName | null;

  /** Map: the entities the neighbourhood starts from. */
  readonly focus: readonly string[];
  readonly depth: number;
  readonly relationshipTypes: readonly RelationshipType[];
  readonly direction: Direction;
  readonly lifecycles: readonly Lifecycle[];
  readonly suppliers: readonly string[];
  readonly criticalities: readonly Criticality[];
  readonly personalData: PersonalDataLevel | null;
  /** Kinds shown; empty means every kind. */
  readonly kinds: readonly EntityKind[];
  readonly grouping: Grouping;
  readonly collapsed: readonly string[];
  readonly expansions: readonly Expansion[];
  readonly maxNodes: number;

  /** Impact: what ends (one of contracts, supplier, systems). */
  readonly contracts: readonly string[];
  readonly supplier: string | null;
  readonly systems: readonly string[];
  readonly impactDepth: number;

  /** Deadlines. */
  readonly statuses: readonly DeadlineStatus[];
  readonly withinMonths: number;
  readonly deadlineSupplier: string | null;
  /** Deadlines and data quality: zero-based page. */
  readonly page: number;

  /** Compare. */
  readonly compared: readonly string[];
  readonly windowMonths: number;

  /** Data quality. */
  readonly codes: readonly FindingCode[];
}

export const DEFAULT_STATE: ViewState = {
  view: 'map',
  municipality: null,
  asOf: null,
  selection: null,
  tab: 'graph',
  layout: null,
  focus: [],
  depth: 1,
  relationshipTypes: [],
  direction: 'BOTH',
  lifecycles: [],
  suppliers: [],
  criticalities: [],
  personalData: null,
  kinds: [],
  grouping: 'none',
  collapsed: [],
  expansions: [],
  maxNodes: 500,
  contracts: [],
  supplier: null,
  systems: [],
  impactDepth: 3,
  statuses: [],
  withinMonths: 6,
  deadlineSupplier: null,
  page: 0,
  compared: [],
  windowMonths: 12,
  codes: [],
};

type Codec<T> = {
  readonly parse: (raw: string) => T | undefined;
  readonly format: (value: T) => string;
  readonly equals?: (a: T, b: T) => boolean;
};

const oneOf = <T extends string>(values: readonly T[]): Codec<T> => ({
  parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
  format: (value) => value,
});

const nullableOneOf = <T extends string>(values: readonly T[]): Codec<T | null> => ({
  parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
  format: (value) => value ?? '',
});

const text: Codec<string | null> = {
  parse: (raw) => (raw.trim() === '' ? undefined : raw.trim()),
  format: (value) => value ?? '',
};

const date: Codec<string | null> = {
  parse: (raw) => (isIsoDate(raw) ? raw : undefined),
  format: (value) => value ?? '',
};

const integer = (min: number, max: number): Codec<number> => ({
  parse: (raw) => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  },
  format: (value) => String(value),
});

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Comma-separated ids, duplicates dropped, order kept. */
const ids: Codec<readonly string[]> = {
  parse: (raw) => [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ],
  format: (value) => value.join(','),
  equals: sameList,
};

/** Comma-separated codes of a closed set; unknown codes are dropped. */
const codes = <T extends string>(values: readonly T[]): Codec<readonly T[]> => ({
  parse: (raw) => {
    const known = raw.split(',').filter((c): c is T => (values as readonly string[]).includes(c));
    return [...new Set(known)];
  },
  format: (value) => value.join(','),
  equals: sameList,
});

const EXPANSION_SEPARATOR = '~';

/** `id~depth~TYPE.TYPE`, several joined by commas; ids never hold `~`, `.` or `,`. */
const expansions: Codec<readonly Expansion[]> = {
  parse: (raw) =>
    raw
      .split(',')
      .filter(Boolean)
      .flatMap((part): Expansion[] => {
        const [id, depthText, typesText] = part.split(EXPANSION_SEPARATOR);
        if (!id) return [];
        const depth = Number(depthText ?? '1');
        return [
          {
            id,
            depth: Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : 1,
            relationshipTypes: (typesText ?? '')
              .split('.')
              .filter((t): t is RelationshipType =>
                (RELATIONSHIP_TYPES as readonly string[]).includes(t),
              ),
          },
        ];
      }),
  format: (value) =>
    value
      .map((e) =>
        [e.id, String(e.depth), e.relationshipTypes.join('.')]
          .join(EXPANSION_SEPARATOR)
          .replace(/~1~$/, '')
          .replace(/~$/, ''),
      )
      .join(','),
  equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
};

type Codecs = { readonly [K in keyof ViewState]: readonly [string, Codec<ViewState[K]>] };

/** State field → query parameter and codec, in the order parameters appear in the URL. */
const CODECS: Codecs = {
  view: ['view', oneOf(VIEWS)],
  municipality: ['m', text],
  asOf: ['date', date],
  focus: ['focus', ids],
  depth: ['depth', integer(1, MAX_DEPTH)],
  relationshipTypes: ['rel', codes(RELATIONSHIP_TYPES)],
  direction: ['dir', oneOf(DIRECTIONS)],
  expansions: ['ex', expansions],
  kinds: ['kinds', codes(ENTITY_KINDS)],
  lifecycles: ['life', codes(LIFECYCLES)],
  suppliers: ['sup', ids],
  criticalities: ['crit', codes(CRITICALITIES)],
  personalData: ['pd', nullableOneOf(PERSONAL_DATA_LEVELS)],
  maxNodes: ['max', integer(1, MAX_NODES_LIMIT)],
  grouping: ['group', oneOf(GROUPINGS)],
  collapsed: ['collapsed', ids],
  layout: ['layout', nullableOneOf(LAYOUTS)],
  contracts: ['contracts', ids],
  supplier: ['supplier', text],
  systems: ['systems', ids],
  impactDepth: ['idepth', integer(1, 10)],
  statuses: ['status', codes(DEADLINE_STATUSES)],
  withinMonths: ['within', integer(0, 120)],
  deadlineSupplier: ['dsup', text],
  compared: ['munis', ids],
  windowMonths: ['window', integer(0, 120)],
  codes: ['codes', codes(FINDING_CODES)],
  page: ['page', integer(0, 100_000)],
  tab: ['tab', oneOf(TABS)],
  selection: ['sel', text],
};

/** Reads a query string (with or without the leading `?`) into a complete view state. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  for (const [field, [name, codec]] of Object.entries(CODECS) as [
    keyof ViewState,
    readonly [string, Codec<unknown>],
  ][]) {
    const raw = params.get(name);
    if (raw === null) continue;
    const value = codec.parse(raw);
    if (value !== undefined) state[field] = value;
  }
  return state as unknown as ViewState;
}

/** Writes a view state as a query string without the `?`, leaving out every default. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const [field, [name, codec]] of Object.entries(CODECS) as [
    keyof ViewState,
    readonly [string, Codec<unknown>],
  ][]) {
    const value = state[field];
    const fallback = DEFAULT_STATE[field];
    const same = codec.equals ? codec.equals(value, fallback) : value === fallback;
    if (same) continue;
    const formatted = codec.format(value);
    if (formatted !== '') params.set(name, formatted);
  }
  // Commas, colons and tildes are safe in a query string; leaving them readable keeps shared
  // links legible.
  return params.toString().replace(/%2C/gi, ',').replace(/%7E/gi, '~');
}

/** A state with some fields changed; selection and page reset when what they refer to changes. */
export function patchViewState(state: ViewState, patch: Partial<ViewState>): ViewState {
  const next = { ...state, ...patch };
  if (patch.view !== undefined && patch.view !== state.view && !('selection' in patch)) {
    next.selection = null;
  }
  if (!('page' in patch) && Object.keys(patch).some((k) => PAGED_BY.has(k as keyof ViewState))) {
    next.page = 0;
  }
  return next;
}

/** Fields whose change makes the current page meaningless. */
const PAGED_BY: ReadonlySet<keyof ViewState> = new Set([
  'view',
  'municipality',
  'asOf',
  'statuses',
  'withinMonths',
  'deadlineSupplier',
  'codes',
]);
