import { isCalendarDate, type CalendarDate } from '../domain/calendar-date.ts';
import { contractValidityAt, type ContractValidity } from '../domain/contract-dates.ts';
import { InvalidInputError } from '../domain/errors.ts';
import type { Label, PersonalDataLevel } from '../model/model-types.ts';
import { requireMunicipality } from './compare.ts';
import type { GraphIndex } from './graph-index.ts';
import { baseOf, levelKey, type GraphView } from './graph-view.ts';
import {
  contractTerms,
  contractsCoveringUsage,
  municipalityIdOf,
  neighboursWithLabel,
  parentLookup,
  systemOfUsage,
  usagesCoveredByContract,
  municipalityNodes,
} from './graph-queries.ts';

/**
 * The data-quality findings (DOMAIN.md "Data-quality findings"), in the order reports list them.
 * Each finding is attributed to the municipality whose registrations exhibit it.
 * - RELATION_WITHOUT_INTERFACE: a Relation with no VIA Interface. Entity: the relation; related:
 *   its from- and to-usage. Municipality: the relation's.
 * - INTERFACE_NOT_USED: an Interface exposed (EXPOSES) by a system the municipality has an
 *   OPERATIONAL usage of, when no relation of any municipality goes VIA it. Nationally unused
 *   interfaces only: a per-municipality rule would flag nearly every interface of every system
 *   in use, burying the findings that matter. Entity: the interface; related: the exposing system
 *   and the municipality's usages of it. One finding per municipality and interface.
 * - OPERATIONAL_WITHOUT_ACTIVE_CONTRACT: an OPERATIONAL usage none of whose covering contracts
 *   (COVERS) is active at asOf by Kitos validity (contractValidityAt with parent lookup). Entity:
 *   the usage; related: its covering contracts (none of them active).
 * - EXPIRED_CONTRACT_COVERS_OPERATIONAL: a contract not active at asOf with END_DATE_PASSED or
 *   TERMINATION_PERIOD_EXCEEDED among its Kitos errors that still covers at least one OPERATIONAL
 *   usage. Entity: the contract; related: those usages.
 * - CONTRACT_COVERS_NOTHING: a contract that COVERS no usage and GOVERNS no relation (sub-contracts
 *   and data-processing links do not count). Entity: the contract.
 * - USAGE_WITHOUT_RESPONSIBLE_UNIT: a usage, other than NOT_IN_USE, with no RESPONSIBLE org unit.
 *   Entity: the usage; related: its system.
 * - PERSONAL_DATA_WITHOUT_DATA_PROCESSING: a usage, other than NOT_IN_USE, whose personalData is
 *   above NONE and that no DataProcessing COVERS. Entity: the usage; related: its system.
 * - LOCAL_SYSTEM_DUPLICATES_PUBLIC: a System of scope LOCAL whose name equals a PUBLIC system's name
 *   ignoring case and all white space. Attributed to the municipality named by its ownerId (left
 *   out when ownerId names no municipality). Entity: the local system; related: the public ones.
 */
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

/** One of {@link FINDING_CODES}. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** One data-quality problem of one entity. */
export interface Finding {
  readonly code: FindingCode;
  /** The municipality whose data exhibits the problem. */
  readonly municipalityId: string;
  readonly entityId: string;
  readonly entityKind: Label;
  /** The entity's display name (a relation's is "from → to"); findings sort by it. */
  readonly entityName: string;
  /** Plain language, naming the entity. */
  readonly message: string;
  /** Ids of the other entities the finding is about (see {@link FINDING_CODES}). */
  readonly relatedIds: readonly string[];
}

/** How many findings of one code one municipality has. */
export interface FindingCount {
  readonly municipalityId: string;
  readonly code: FindingCode;
  readonly count: number;
}

/** Arguments of {@link dataQuality}. */
export interface DataQualityOptions {
  /** Only this municipality's findings; every municipality's when absent. */
  readonly municipalityId?: string | null;
  /** The day contract validity is judged at. */
  readonly asOf: CalendarDate;
  /** Only these codes; every code when absent. */
  readonly codes?: readonly FindingCode[] | null;
  /** Page size. @default 100 */
  readonly first?: number;
  /** Findings to skip. @default 0 */
  readonly offset?: number;
}

/** One page of findings with exact totals. */
export interface DataQualityReport {
  readonly asOf: CalendarDate;
  /** Findings matching the filters, before paging. */
  readonly total: number;
  /** Per municipality and code, matching the filters, before paging; same order as findings. */
  readonly counts: readonly FindingCount[];
  /**
   * Sorted by municipality name, code (in FINDING_CODES order), entity name, entity id. Names
   * sort in Danish collation: æ, ø, å after z, and "Aa" as "Å" (Aarhus after Vejle).
   */
  readonly findings: readonly Finding[];
}

const DEFAULT_FIRST = 100;
const MAX_CACHED_AS_OF = 4;
const COLLATOR = new Intl.Collator('da');
const CODE_ORDER = new Map<FindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));
const PERSONAL_DATA_WORDS: Readonly<Record<PersonalDataLevel, string>> = {
  NONE: 'no personal data',
  PERSONAL_DATA: 'personal data',
  SENSITIVE_DATA: 'sensitive personal data',
  LEGAL_DATA: 'data on criminal offences',
};

/** Findings grouped by municipality, then code; each group sorted by entity name, then id. */
type Buckets = Map<string, Map<FindingCode, Finding[]>>;

/** One municipality-and-code group of findings, in report order. */
interface FindingRun {
  readonly municipalityId: string;
  readonly code: FindingCode;
  readonly findings: readonly Finding[];
}

/** What every asOf shares: the findings that do not depend on it, and the inputs of those that do. */
interface StaticFindings {
  readonly buckets: Buckets;
  /** OPERATIONAL usages with their municipality, name and covering contracts. */
  readonly operationalUsages: readonly {
    usage: number;
    municipalityId: string | null;
    name: string;
    contracts: readonly number[];
  }[];
  /** Contracts that cover OPERATIONAL usages, with those usages. */
  readonly contractsOfOperational: readonly { contract: number; operational: readonly number[] }[];
  /** Municipality ids in report order: Organization name in Danish collation, then id. */
  readonly municipalityRank: (id: string) => number;
}

interface FindingsCache {
  readonly base: StaticFindings;
  /** asOf → runs; only the most recent few asOf values are kept. */
  readonly byAsOf: Map<CalendarDate, readonly FindingRun[]>;
}

const CACHES = new WeakMap<GraphIndex, FindingsCache>();
/** Codes whose findings depend on asOf (contract validity). */
const DATED_CODES: ReadonlySet<FindingCode> = new Set([
  'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT',
  'EXPIRED_CONTRACT_COVERS_OPERATIONAL',
]);

/**
 * Lists data-quality findings (rules in {@link FINDING_CODES}), optionally for one municipality
 * and some codes, one page at a time with exact counts. Findings that do not depend on asOf are
 * computed in one pass over the index and cached per index; the contract-validity findings are
 * computed and cached per index and asOf. A call then only filters groups and pages.
 * @throws InvalidInputError for a bad asOf, an unknown code, a bad page or an id that is not a
 *   municipality; NotFoundError for an unknown municipality id.
 */
export function dataQuality(index: GraphView, options: DataQualityOptions): DataQualityReport {
  const { asOf } = options;
  const first = options.first ?? DEFAULT_FIRST;
  const offset = options.offset ?? 0;
  if (!isCalendarDate(asOf)) {
    throw new InvalidInputError(`asOf must be a real date YYYY-MM-DD; got ${JSON.stringify(asOf)}`);
  }
  if (!Number.isInteger(first) || first < 0) {
    throw new InvalidInputError(`first must be a whole number 0 or more; got ${first}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidInputError(`offset must be a whole number 0 or more; got ${offset}`);
  }
  for (const code of options.codes ?? []) {
    if (!CODE_ORDER.has(code)) {
      throw new InvalidInputError(`Unknown finding code "${String(code)}"`);
    }
  }
  if (options.municipalityId != null) requireMunicipality(index, options.municipalityId);

  const codes = options.codes ? new Set(options.codes) : null;
  // Findings are about a municipality's own registrations: only viewers who see all of them
  // (its own, or a municipality sharing FULL) get them.
  const runs = runsAt(baseOf(index), asOf).filter(
    (run) =>
      levelKey(index, run.municipalityId) === 'FULL' &&
      (options.municipalityId == null || run.municipalityId === options.municipalityId) &&
      (codes === null || codes.has(run.code)),
  );
  const page: Finding[] = [];
  let skip = offset;
  for (const run of runs) {
    if (page.length >= first) break;
    if (skip >= run.findings.length) {
      skip -= run.findings.length;
      continue;
    }
    page.push(...run.findings.slice(skip, skip + first - page.length));
    skip = 0;
  }
  return {
    asOf,
    total: runs.reduce((sum, run) => sum + run.findings.length, 0),
    counts: runs.map((run) => ({
      municipalityId: run.municipalityId,
      code: run.code,
      count: run.findings.length,
    })),
    findings: page,
  };
}

function runsAt(index: GraphIndex, asOf: CalendarDate): readonly FindingRun[] {
  let cache = CACHES.get(index);
  if (!cache) {
    cache = { base: collectStaticFindings(index), byAsOf: new Map() };
    CACHES.set(index, cache);
  }
  const cached = cache.byAsOf.get(asOf);
  if (cached) return cached;
  const { base } = cache;
  const dated = collectDatedFindings(index, base, asOf);
  const municipalities = [...new Set([...base.buckets.keys(), ...dated.keys()])].sort(
    (a, b) => base.municipalityRank(a) - base.municipalityRank(b) || (a < b ? -1 : 1),
  );
  const runs: FindingRun[] = [];
  for (const municipalityId of municipalities) {
    for (const code of FINDING_CODES) {
      const source = DATED_CODES.has(code) ? dated : base.buckets;
      const findings = source.get(municipalityId)?.get(code);
      if (findings) runs.push({ municipalityId, code, findings });
    }
  }
  if (cache.byAsOf.size >= MAX_CACHED_AS_OF) cache.byAsOf.delete(cache.byAsOf.keys().next().value!);
  cache.byAsOf.set(asOf, runs);
  return runs;
}

function nameOf(index: GraphView, node: number): string {
  const record = index.recordAt(node);
  const name = record.name;
  return typeof name === 'string' && name !== '' ? name : record.id;
}

/** A usage's display name: its local name, else its system's name, else its id. */
function usageName(index: GraphView, usage: number): string {
  const localName = index.recordAt(usage).localName;
  if (typeof localName === 'string' && localName !== '') return localName;
  const system = systemOfUsage(index, usage);
  return system === undefined ? index.idAt(usage) : nameOf(index, system);
}

/** Lower case without any white space: how duplicate system names are matched. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('da').replace(/\s+/gu, '');
}

/** Collects findings into buckets; `sorted()` orders each bucket by entity name, then id. */
function bucketCollector(index: GraphView): {
  add: (
    code: FindingCode,
    municipalityId: string | null,
    node: number,
    entityName: string,
    message: string,
    relatedIds: string[],
  ) => void;
  sorted: () => Buckets;
} {
  const buckets: Buckets = new Map();
  return {
    add(code, municipalityId, node, entityName, message, relatedIds) {
      if (municipalityId === null) return;
      let codes = buckets.get(municipalityId);
      if (!codes) buckets.set(municipalityId, (codes = new Map<FindingCode, Finding[]>()));
      let list = codes.get(code);
      if (!list) codes.set(code, (list = []));
      list.push({
        code,
        municipalityId,
        entityId: index.idAt(node),
        entityKind: index.labelAt(node),
        entityName,
        message,
        relatedIds,
      });
    },
    sorted() {
      for (const codes of buckets.values()) {
        for (const list of codes.values()) {
          list.sort(
            (a, b) =>
              COLLATOR.compare(a.entityName, b.entityName) ||
              (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
          );
        }
      }
      return buckets;
    },
  };
}

function collectStaticFindings(index: GraphView): StaticFindings {
  const { add, sorted } = bucketCollector(index);

  for (const relation of index.nodesOf('Relation')) {
    if (index.firstNeighbour(relation, 'VIA', 'OUT', 'Interface') !== undefined) continue;
    const from = index.firstNeighbour(relation, 'FROM_USAGE', 'OUT', 'Usage');
    const to = index.firstNeighbour(relation, 'TO_USAGE', 'OUT', 'Usage');
    const fromName = from === undefined ? '?' : usageName(index, from);
    const toName = to === undefined ? '?' : usageName(index, to);
    add(
      'RELATION_WITHOUT_INTERFACE',
      municipalityIdOf(index, relation),
      relation,
      `${fromName} → ${toName}`,
      `Relation "${fromName}" → "${toName}" has no interface`,
      [from, to].flatMap((u) => (u === undefined ? [] : [index.idAt(u)])),
    );
  }

  const operationalUsages: StaticFindings['operationalUsages'][number][] = [];
  // Per municipality: interface → its usages of the exposing system, for INTERFACE_NOT_USED.
  const unusedInterfaces = new Map<string, Map<number, number[]>>();
  for (const usage of index.nodesOf('Usage')) {
    const record = index.recordAt(usage);
    const municipalityId = municipalityIdOf(index, usage);
    const name = usageName(index, usage);
    const system = systemOfUsage(index, usage);
    const systemIds = system === undefined ? [] : [index.idAt(system)];
    if (record.lifecycle === 'OPERATIONAL') {
      operationalUsages.push({
        usage,
        municipalityId,
        name,
        contracts: contractsCoveringUsage(index, usage),
      });
      if (system !== undefined && municipalityId !== null) {
        for (const iface of neighboursWithLabel(index, system, 'EXPOSES', 'OUT', 'Interface')) {
          if (neighboursWithLabel(index, iface, 'VIA', 'IN', 'Relation').length > 0) continue;
          let interfaces = unusedInterfaces.get(municipalityId);
          if (!interfaces) {
            unusedInterfaces.set(municipalityId, (interfaces = new Map<number, number[]>()));
          }
          const usages = interfaces.get(iface);
          if (usages) usages.push(usage);
          else interfaces.set(iface, [usage]);
        }
      }
    }
    if (record.lifecycle === 'NOT_IN_USE') continue;
    if (index.firstNeighbour(usage, 'RESPONSIBLE', 'OUT', 'OrgUnit') === undefined) {
      add(
        'USAGE_WITHOUT_RESPONSIBLE_UNIT',
        municipalityId,
        usage,
        name,
        `Usage "${name}" has no responsible org unit`,
        systemIds,
      );
    }
    const level = record.personalData as PersonalDataLevel | null;
    if (
      level !== null &&
      level !== 'NONE' &&
      index.firstNeighbour(usage, 'COVERS', 'IN', 'DataProcessing') === undefined
    ) {
      add(
        'PERSONAL_DATA_WITHOUT_DATA_PROCESSING',
        municipalityId,
        usage,
        name,
        `Usage "${name}" registers ${PERSONAL_DATA_WORDS[level]} but no data-processing registration covers it`,
        systemIds,
      );
    }
  }

  for (const [municipalityId, interfaces] of unusedInterfaces) {
    for (const [iface, usages] of interfaces) {
      const system = index.firstNeighbour(iface, 'EXPOSES', 'IN', 'System')!;
      const name = nameOf(index, iface);
      add(
        'INTERFACE_NOT_USED',
        municipalityId,
        iface,
        name,
        `Interface "${name}" of "${nameOf(index, system)}" is used by no relation in any municipality`,
        [index.idAt(system), ...usages.map((u) => index.idAt(u))],
      );
    }
  }

  const contractsOfOperational: StaticFindings['contractsOfOperational'][number][] = [];
  for (const contract of index.nodesOf('Contract')) {
    const covered = usagesCoveredByContract(index, contract);
    if (
      covered.length === 0 &&
      neighboursWithLabel(index, contract, 'GOVERNS', 'OUT', 'Relation').length === 0
    ) {
      const name = nameOf(index, contract);
      add(
        'CONTRACT_COVERS_NOTHING',
        municipalityIdOf(index, contract),
        contract,
        name,
        `Contract "${name}" covers no usage and governs no relation`,
        [],
      );
    }
    const operational = covered.filter((u) => index.recordAt(u).lifecycle === 'OPERATIONAL');
    if (operational.length > 0) contractsOfOperational.push({ contract, operational });
  }

  const publicByName = new Map<string, number[]>();
  const local: number[] = [];
  for (const system of index.nodesOf('System')) {
    const scope = index.recordAt(system).scope;
    if (scope === 'LOCAL') local.push(system);
    else if (scope === 'PUBLIC') {
      const key = nameKey(nameOf(index, system));
      const list = publicByName.get(key);
      if (list) list.push(system);
      else publicByName.set(key, [system]);
    }
  }
  for (const system of local) {
    const duplicates = publicByName.get(nameKey(nameOf(index, system)));
    const ownerId = index.recordAt(system).ownerId;
    if (!duplicates || typeof ownerId !== 'string') continue;
    const owner = index.get(ownerId);
    if (owner?.label !== 'Organization' || owner.record.kind !== 'MUNICIPALITY') continue;
    const name = nameOf(index, system);
    const publicNames = duplicates.map((s) => `"${nameOf(index, s)}"`).join(', ');
    add(
      'LOCAL_SYSTEM_DUPLICATES_PUBLIC',
      ownerId,
      system,
      name,
      `Local system "${name}" has the same name as public catalogue system ${publicNames}`,
      duplicates.map((s) => index.idAt(s)),
    );
  }

  const municipalities = municipalityNodes(index)
    .map((n) => ({ id: index.idAt(n), name: nameOf(index, n) }))
    .sort((a, b) => COLLATOR.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  const rank = new Map(municipalities.map((m, i) => [m.id, i]));
  return {
    buckets: sorted(),
    operationalUsages,
    contractsOfOperational,
    municipalityRank: (id) => rank.get(id) ?? municipalities.length,
  };
}

function collectDatedFindings(index: GraphView, base: StaticFindings, asOf: CalendarDate): Buckets {
  const { add, sorted } = bucketCollector(index);
  const getParent = parentLookup(index);
  const validity = new Map<number, ContractValidity>();
  const validityOf = (contract: number): ContractValidity => {
    let v = validity.get(contract);
    if (!v) {
      v = contractValidityAt(contractTerms(index, contract), asOf, getParent);
      validity.set(contract, v);
    }
    return v;
  };

  for (const { usage, municipalityId, name, contracts } of base.operationalUsages) {
    if (contracts.some((c) => validityOf(c).active)) continue;
    const why =
      contracts.length === 0
        ? 'no contract covers it'
        : `none of its ${contracts.length} covering contract(s) is active`;
    add(
      'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT',
      municipalityId,
      usage,
      name,
      `Operational usage "${name}" has no contract active on ${asOf}: ${why}`,
      contracts.map((c) => index.idAt(c)),
    );
  }

  for (const { contract, operational } of base.contractsOfOperational) {
    const v = validityOf(contract);
    if (v.active) continue;
    const terms = contractTerms(index, contract);
    const why = v.errors.includes('END_DATE_PASSED')
      ? `its end date ${String(terms.validTo)} has passed`
      : v.errors.includes('TERMINATION_PERIOD_EXCEEDED')
        ? `it was terminated on ${String(terms.terminatedAt)} and its notice period has run out`
        : null;
    if (why === null) continue;
    const name = nameOf(index, contract);
    const what =
      operational.length === 1
        ? `operational usage "${usageName(index, operational[0]!)}"`
        : `${operational.length} operational usages`;
    add(
      'EXPIRED_CONTRACT_COVERS_OPERATIONAL',
      municipalityIdOf(index, contract),
      contract,
      name,
      `Contract "${name}" is no longer active on ${asOf} (${why}) but still covers ${what}`,
      operational.map((u) => index.idAt(u)),
    );
  }
  return sorted();
}
