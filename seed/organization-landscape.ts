import type { LandscapeBuilder } from '../server/model/landscape.ts';
import type {
  AgreementConcluded,
  Criticality,
  HostedAt,
  Lifecycle,
  OversightInterval,
  PersonalDataLevel,
  UserCount,
} from '../server/model/model-types.ts';
import type { BusinessArea } from './business-areas.ts';
import {
  endOfMonth,
  startOfMonth,
  withDayOfMonth,
  type CalendarDate,
} from '../server/domain/calendar-date.ts';
import type { PlannedSystem } from './catalogue.ts';
import { drawContractTerms, type ContractRole } from './contract-terms.ts';
import type { KlePlan, KleTask } from './kle-plan.ts';
import { RELATION_FREQUENCIES, type ContractType } from '../server/model/kitos-options.ts';
import type { LandscapeSize } from './landscape-size.ts';
import type { Municipality } from './municipalities.ts';
import { planUnitTree, type PlannedUnit, type UnitTree } from './org-unit-tree.ts';
import { cumulativeWeights, type Random, type Weighted } from './random.ts';
import type { PlannedOrganization, SharedOrganizations } from './shared-organizations.ts';

/** Rates of the data-quality defects DOMAIN.md lists, so the findings have something to find. */
export const DEFECT_RATES = {
  /** Usage without a responsible unit. */
  noResponsibleUnit: 0.03,
  /** Usage no contract covers. */
  uncovered: 0.025,
  /** Relation without an interface although its provider exposes one. */
  relationWithoutInterface: 0.04,
  /** Usage with personal data but no data-processing registration. */
  personalDataWithoutProcessing: 0.03,
  /** Contracts (relative to the covering ones) that cover nothing. */
  contractCoveringNothing: 0.025,
} as const;

/** Everything one municipality's landscape is generated from. */
export interface OrganizationLandscapeInput {
  readonly builder: LandscapeBuilder;
  readonly random: Random;
  readonly reference: CalendarDate;
  readonly municipality: Municipality;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly size: LandscapeSize;
  /** The catalogue systems the municipality uses, each once. */
  readonly systems: readonly PlannedSystem[];
  readonly organizations: SharedOrganizations;
  readonly kle: KlePlan;
  /** Ids of the tasks present in the landscape (usages may only add those). */
  readonly taskIds: ReadonlySet<string>;
  /** Architecture component ids by name. */
  readonly componentIds: ReadonlyMap<string, string>;
  /** EAN numbers already handed out in the landscape. */
  readonly eans: Set<string>;
}

interface UsageInfo {
  readonly id: string;
  readonly system: PlannedSystem;
  readonly lifecycle: Lifecycle | null;
  readonly personalData: PersonalDataLevel | null;
  /** Contracts covering the usage, primary first. */
  readonly contracts: ContractInfo[];
  mainContract: ContractInfo | null;
  processorContract: ContractInfo | null;
}

/** What `addContracts` needs to create one contract. */
interface ContractRequest {
  readonly type: ContractType;
  readonly supplier: PlannedOrganization | null;
  /** What the contract is about, for its name: a system or a supplier. */
  readonly subject: string;
  readonly role: ContractRole;
  /** The covered system's contract cycle, for terms that cluster across municipalities. */
  readonly cycleMonths?: number | null;
  /** Acquisition cost before the municipality's size factor. */
  readonly costBase: number;
  readonly covered: readonly UsageInfo[];
  readonly parent?: ContractInfo | null;
}

interface ContractInfo {
  readonly id: string;
  readonly type: ContractType;
  readonly supplier: PlannedOrganization | null;
}

const HUB_TARGET_WEIGHT: Readonly<Record<string, number>> = {
  esdh: 40,
  okonomi: 30,
  lon: 12,
  idm: 35,
  integration: 35,
};

/** Departments that own (are responsible for) the systems of some areas. */
const OWNING_DEPARTMENTS: Readonly<Record<string, string>> = {
  esdh: 'Arkiv og Dokumentation',
  okonomi: 'Økonomi',
  lon: 'Løn',
  idm: 'IT-drift',
  integration: 'IT-drift',
  indkob: 'Indkøb og Udbud',
};

const LIFECYCLES: readonly Weighted<Lifecycle | null>[] = [
  ['OPERATIONAL', 82],
  ['PHASING_IN', 5],
  ['PHASING_OUT', 5],
  ['NOT_IN_USE', 3],
  ['UNDECIDED', 3],
  [null, 2],
];
const HOSTED_AT: readonly Weighted<HostedAt | null>[] = [
  ['EXTERNAL', 45],
  ['ON_PREMISE', 30],
  ['HYBRID', 10],
  ['UNDECIDED', 10],
  [null, 5],
];
const TAIL_USER_COUNTS: readonly Weighted<UserCount>[] = [
  ['BELOW_TEN', 40],
  ['TEN_TO_FIFTY', 35],
  ['FIFTY_TO_HUNDRED', 10],
  ['HUNDRED_PLUS', 5],
  ['UNDECIDED', 10],
];
const AGREEMENT_CONCLUDED: readonly Weighted<AgreementConcluded | null>[] = [
  ['YES', 78],
  ['NO', 5],
  ['IRRELEVANT', 5],
  ['UNDECIDED', 8],
  [null, 4],
];
const OVERSIGHT_INTERVALS: readonly Weighted<OversightInterval | null>[] = [
  ['YEARLY', 50],
  ['EVERY_SECOND_YEAR', 15],
  ['HALF_YEARLY', 8],
  ['OTHER', 5],
  ['UNDECIDED', 10],
  [null, 12],
];
const FREQUENCIES: readonly Weighted<string | null>[] = [
  [RELATION_FREQUENCIES[0], 45],
  [RELATION_FREQUENCIES[1], 15],
  [RELATION_FREQUENCIES[2], 20],
  [RELATION_FREQUENCIES[3], 5],
  [RELATION_FREQUENCIES[4], 3],
  [RELATION_FREQUENCIES[5], 5],
  [null, 7],
];
const CHUNK_SIZES: readonly Weighted<number>[] = [
  [1, 14],
  [2, 18],
  [3, 18],
  [4, 17],
  [5, 16],
  [6, 17],
];
/** Share of small vendors' products bought through a reseller rather than from the vendor. */
const RESOLD_RATE = 0.75;
/** Supplier size below which a vendor counts as small (about the 20 biggest are not). */
const SMALL_VENDOR_SIZE = 0.08;
const CONTRACT_NUMBER_PREFIX: Readonly<Record<ContractType, string>> = {
  Hovedkontrakt: 'HK',
  Tillægskontrakt: 'TK',
  Serviceaftale: 'SA',
  Snitflade: 'SF',
  Databehandleraftale: 'DB',
};

const isPersonal = (level: PersonalDataLevel | null) => level !== null && level !== 'NONE';

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/**
 * Generates one municipality's local landscape into the builder: its unit tree, one usage per
 * chosen catalogue system, contracts, system relations and data-processing registrations. Every
 * local node carries the municipality's id and every local edge stays inside the municipality.
 * A few percent of each data-quality defect in DOMAIN.md is planted on purpose (DEFECT_RATES).
 */
export function addOrganizationLandscape(input: OrganizationLandscapeInput): void {
  const { builder, random, organizationId, organizationName, size } = input;
  const municipalityId = organizationId;

  const tree = planUnitTree(random.fork('units'), organizationName, size.orgUnits, input.eans);
  for (const unit of tree.units) {
    builder.node('OrgUnit', { id: unit.id, municipalityId, name: unit.name, ean: unit.ean });
    builder.relate('UNIT_OF', unit.id, organizationId);
    if (unit.parent) builder.relate('PART_OF', unit.id, unit.parent.id);
  }

  const usages = addUsages(input, random.fork('usages'), tree);
  const contracts = addContracts(input, random.fork('contracts'), usages);
  addRelations(input, random.fork('relations'), usages, contracts.interfaceContracts);
  addDataProcessing(input, random.fork('data-processing'), usages);
}

function unitsFor(random: Random, tree: UnitTree, area: BusinessArea, hub: boolean): PlannedUnit[] {
  const ownerName = OWNING_DEPARTMENTS[area.key];
  const primaryAdministration = area.administrations[0] ?? 'digitalisering';
  const owners = tree.ownersByAdministration.get(primaryAdministration) ?? [];
  const owner =
    (ownerName ? owners.find((u) => u.name === ownerName) : undefined) ??
    (owners.length > 0 ? random.pick(owners) : tree.itDepartment);
  const count = hub
    ? random.int(3, 4)
    : random.weighted([
        [1, 40],
        [2, 30],
        [3, 18],
        [4, 12],
      ]);
  const units = new Map<string, PlannedUnit>([[owner.id, owner]]);
  for (let attempt = 0; units.size < count && attempt < 12; attempt++) {
    const administration = hub
      ? random.pick(area.administrations)
      : random.weighted([
          [primaryAdministration, 3],
          ...area.administrations.map((a) => [a, 1] as const),
        ]);
    const pool = tree.unitsByAdministration.get(administration) ?? [];
    if (pool.length > 0) {
      const unit = random.pick(pool);
      units.set(unit.id, unit);
    }
  }
  return [...units.values()];
}

function addUsages(input: OrganizationLandscapeInput, random: Random, tree: UnitTree): UsageInfo[] {
  const { builder, reference, organizationId: municipalityId, kle, taskIds, componentIds } = input;
  const big = input.size.usages >= 700;
  return input.systems.map((system, index): UsageInfo => {
    const { area } = system;
    const hub = area.hub && system.core;
    const id = random.uuid();
    const lifecycle = hub
      ? random.chance(0.97)
        ? 'OPERATIONAL'
        : 'PHASING_IN'
      : random.weighted(LIFECYCLES);
    let validFrom: CalendarDate | null = null;
    let validTo: CalendarDate | null = null;
    const startDraw = random.int(1, 180);
    const endDraw = random.int(1, 24);
    const day = random.chance(0.5) ? 1 : random.int(2, 28);
    if (random.chance(0.7)) {
      validFrom = withDayOfMonth(
        startOfMonth(
          reference,
          lifecycle === 'PHASING_IN' ? Math.round(startDraw / 20) - 3 : -startDraw,
        ),
        day,
      );
    }
    if (lifecycle === 'PHASING_OUT')
      validTo = endOfMonth(startOfMonth(reference, Math.ceil(endDraw * 0.75)));
    else if (lifecycle === 'NOT_IN_USE') validTo = endOfMonth(startOfMonth(reference, -endDraw));
    else if (random.chance(0.04)) validTo = endOfMonth(startOfMonth(reference, endDraw + 12));
    const businessCritical = random.chance(0.1)
      ? null
      : hub || random.chance(system.core ? 0.7 : 0.25);
    const criticality: Criticality | null = random.chance(0.15)
      ? null
      : businessCritical
        ? random.weighted([
            ['HIGH', 60],
            ['MEDIUM', 40],
          ])
        : random.weighted([
            ['LOW', 55],
            ['MEDIUM', 38],
            ['HIGH', 7],
          ]);
    const personalData = random.chance(0.05) ? null : random.weighted(area.personalData);
    const archiveDuty =
      system.recommendedArchiveDuty && random.chance(0.7)
        ? system.recommendedArchiveDuty
        : random.chance(0.8)
          ? random.weighted(area.archiveDuty)
          : null;
    const userCount: UserCount = hub
      ? 'HUNDRED_PLUS'
      : system.core
        ? big
          ? 'HUNDRED_PLUS'
          : random.weighted([
              ['FIFTY_TO_HUNDRED', 40],
              ['HUNDRED_PLUS', 60],
            ])
        : random.weighted(TAIL_USER_COUNTS);
    const localName = random.chance(0.15)
      ? `${system.name.split(' ')[0] as string}${hub ? `-${area.label.toLowerCase()}` : ''}`
      : null;
    const localSystemId = random.chance(0.3) ? `IT-${String(index + 1).padStart(4, '0')}` : null;
    builder.node('Usage', {
      id,
      municipalityId,
      localName,
      localSystemId,
      lifecycle,
      validFrom,
      validTo,
      hostedAt: random.weighted(HOSTED_AT),
      businessCritical,
      criticality,
      personalData,
      archiveDuty,
      userCount,
    });
    builder.relate('INSTANCE_OF', id, system.id);
    builder.relate('BELONGS_TO', id, municipalityId);
    const units = unitsFor(random, tree, area, hub);
    for (const unit of units) builder.relate('USED_BY', id, unit.id);
    if (!random.chance(DEFECT_RATES.noResponsibleUnit)) {
      builder.relate('RESPONSIBLE', id, (units[0] as PlannedUnit).id);
    }
    // A municipality sometimes wires a usage to a component the catalogue entry does not declare.
    if (random.chance(0.1) && area.components.length > 0) {
      const [name] = random.pick(area.components);
      const componentId = componentIds.get(name);
      if (componentId && !system.components.includes(name))
        builder.relate('USES_COMPONENT', id, componentId);
    }
    // Local KLE: add only what the catalogue lacks, opt out only of what it has (the Kitos rules).
    if (random.chance(0.04)) {
      const mainGroup = random.pick(area.kleMainGroups);
      const candidates = (kle.subjectsByMainGroup.get(mainGroup) ?? []).filter((t) =>
        taskIds.has(t.id),
      );
      const task: KleTask | undefined = candidates.length > 0 ? random.pick(candidates) : undefined;
      if (task && !system.tasks.some((t) => t.id === task.id))
        builder.relate('ADDS_TASK', id, task.id);
    }
    if (random.chance(0.03) && system.tasks.length > 1) {
      builder.relate('OPTS_OUT_TASK', id, random.pick(system.tasks).id);
    }
    return {
      id,
      system,
      lifecycle,
      personalData,
      contracts: [],
      mainContract: null,
      processorContract: null,
    };
  });
}

function contractName(
  random: Random,
  type: ContractType,
  subject: string,
  sequence: number,
): string {
  switch (type) {
    case 'Hovedkontrakt':
      return `${random.pick(['Licens- og driftsaftale', 'Kontrakt om', 'Hovedkontrakt', 'Leveranceaftale'])} ${subject}`;
    case 'Serviceaftale':
      return `${random.pick(['Serviceaftale', 'Support- og vedligeholdelsesaftale', 'SaaS-aftale'])} ${subject}`;
    case 'Tillægskontrakt':
      return `Tillæg ${sequence} til ${subject}`;
    case 'Databehandleraftale':
      return `Databehandleraftale ${subject}`;
    case 'Snitflade':
      return `${random.pick(['Snitfladeaftale', 'Integrationsaftale'])} ${subject}`;
  }
}

function addContracts(
  input: OrganizationLandscapeInput,
  random: Random,
  usages: UsageInfo[],
): { interfaceContracts: ContractInfo[] } {
  const {
    builder,
    reference,
    organizationId: municipalityId,
    municipality,
    size,
    organizations,
  } = input;
  const names = new Set<string>();
  let sequence = 0;
  const suppliersSeen: PlannedOrganization[] = [];

  const create = ({
    type,
    supplier,
    subject,
    role,
    cycleMonths = null,
    costBase,
    covered,
    parent = null,
  }: ContractRequest): ContractInfo => {
    sequence++;
    const id = random.uuid();
    const contractNumber = `${CONTRACT_NUMBER_PREFIX[type]}-${municipality.code}-${String(sequence).padStart(4, '0')}`;
    let name = contractName(random, type, subject, random.int(1, 4)).slice(0, 190);
    if (names.has(name)) name = `${name} (${contractNumber})`;
    names.add(name);
    const terms = drawContractTerms(random, reference, { role, cycleMonths });
    const acquisition = costBase * size.costFactor * random.float(0.4, 1.6);
    const saas = type === 'Serviceaftale';
    builder.node('Contract', {
      id,
      municipalityId,
      name,
      contractNumber: random.chance(0.9) ? contractNumber : null,
      contractType: random.chance(0.96) ? type : null,
      ...terms,
      requireValidParent: parent ? random.chance(0.35) : null,
      acquisitionCost: random.chance(saas ? 0.5 : 0.15)
        ? null
        : roundTo(saas ? acquisition * 0.2 : acquisition, 1000),
      yearlyOperationCost: random.chance(0.1)
        ? null
        : roundTo(acquisition * random.float(saas ? 0.3 : 0.12, saas ? 0.6 : 0.35), 1000),
    });
    builder.relate('BELONGS_TO', id, municipalityId);
    if (supplier) {
      builder.relate('SUPPLIED_BY', id, supplier.id);
      suppliersSeen.push(supplier);
    }
    if (parent) builder.relate('SUB_CONTRACT_OF', id, parent.id);
    const contract: ContractInfo = { id, type, supplier };
    for (const usage of covered) {
      builder.relate('COVERS', id, usage.id);
      usage.contracts.push(contract);
    }
    return contract;
  };

  const costBase = (system: PlannedSystem) =>
    system.area.hub && system.core
      ? 1_800_000
      : system.core
        ? 450_000
        : system.scope === 'LOCAL'
          ? 40_000
          : 90_000;

  // Contracts are bought per supplier: group the usages by who holds the rights. Small vendors'
  // products are often bought through a reseller's framework agreement instead.
  const resellers = random.sample(organizations.operators, 2);
  const groups = new Map<string, { supplier: PlannedOrganization; usages: UsageInfo[] }>();
  for (const usage of usages) {
    const holder = usage.system.rightsHolder;
    const uncovered = random.chance(DEFECT_RATES.uncovered);
    const resold = random.chance(RESOLD_RATE) && resellers.length > 0;
    // In-house local systems have no supplier to contract with.
    if (!holder || uncovered) continue;
    const supplier =
      resold && holder.kind === 'SUPPLIER' && holder.size < SMALL_VENDOR_SIZE
        ? random.pick(resellers)
        : holder;
    const group = groups.get(supplier.id) ?? { supplier, usages: [] };
    group.usages.push(usage);
    groups.set(supplier.id, group);
  }
  let primaries = 0;
  for (const { supplier, usages: held } of groups.values()) {
    for (let start = 0; start < held.length;) {
      const chunk = held.slice(start, start + random.weighted(CHUNK_SIZES));
      start += chunk.length;
      const first = chunk[0] as UsageInfo;
      const type: ContractType = random.chance(0.75) ? 'Hovedkontrakt' : 'Serviceaftale';
      // Now and then a hosting partner, not the rights holder, holds the contract.
      const contractSupplier =
        random.chance(0.12) && organizations.operators.length > 0
          ? random.pick(organizations.operators)
          : supplier;
      const subject = chunk.length === 1 ? first.system.name : supplier.name;
      const cost = chunk.reduce((sum, u) => sum + costBase(u.system), 0);
      const primary = create({
        type,
        supplier: contractSupplier,
        subject,
        role: 'primary',
        cycleMonths: first.system.contractCycleMonths,
        costBase: cost,
        covered: chunk,
      });
      primaries++;
      for (const usage of chunk) {
        if (random.chance(0.92)) {
          usage.mainContract = primary;
          builder.relate('MAIN_CONTRACT', usage.id, primary.id);
        }
      }
      if (random.chance(0.1)) {
        const subset = random.sample(chunk, random.int(1, Math.min(2, chunk.length)));
        const subType: ContractType = random.chance(0.6) ? 'Tillægskontrakt' : 'Serviceaftale';
        create({
          type: subType,
          supplier: contractSupplier,
          subject,
          role: 'sub',
          cycleMonths: first.system.contractCycleMonths,
          costBase: cost * 0.15,
          covered: subset,
          parent: primary,
        });
      }
      const personal = chunk.filter((u) => isPersonal(u.personalData));
      if (personal.length > 0 && random.chance(0.12)) {
        const dba = create({
          type: 'Databehandleraftale',
          supplier: contractSupplier,
          subject: contractSupplier.name,
          role: 'sub',
          costBase: cost * 0.02,
          covered: personal.slice(0, 3),
          parent: primary,
        });
        for (const usage of personal.slice(0, 3)) usage.processorContract = dba;
      }
    }
  }

  // Interface agreements on the integration platform govern some of the relations through it.
  const interfaceContracts: ContractInfo[] = [];
  const platform = usages.find((u) => u.system.area.key === 'integration');
  if (platform) {
    const count = 1 + Math.round(3 * Math.min(1, (size.usages - 300) / 700));
    for (let i = 0; i < count; i++) {
      const partner = random.pick(usages);
      const covered = partner === platform ? [platform] : [platform, partner];
      interfaceContracts.push(
        create({
          type: 'Snitflade',
          supplier: platform.system.rightsHolder,
          subject: `${platform.system.name} – ${partner.system.name}`,
          role: 'sub',
          costBase: 60_000,
          covered,
        }),
      );
    }
  }

  // Leftovers from systems long gone: contracts that cover nothing (a data-quality finding).
  const stale = Math.max(1, Math.round(primaries * DEFECT_RATES.contractCoveringNothing));
  for (let i = 0; i < stale; i++) {
    const supplier = suppliersSeen.length > 0 ? random.pick(suppliersSeen) : null;
    create({
      type: random.chance(0.7) ? 'Hovedkontrakt' : 'Tillægskontrakt',
      supplier,
      subject: supplier ? `${supplier.name} (udfaset)` : 'udfaset system',
      role: 'stale',
      costBase: 80_000,
      covered: [],
    });
  }
  return { interfaceContracts };
}

function addRelations(
  input: OrganizationLandscapeInput,
  random: Random,
  usages: UsageInfo[],
  interfaceContracts: ContractInfo[],
): void {
  const { builder, organizationId: municipalityId } = input;
  if (usages.length < 2) return;
  const target = Math.round(usages.length * 1.2);
  const pairs = new Set<string>();
  const byArea = new Map<string, number>();
  usages.forEach((u, i) => {
    if (u.system.core && !byArea.has(u.system.area.key)) byArea.set(u.system.area.key, i);
  });
  const dormant = (u: UsageInfo) => (u.lifecycle === 'NOT_IN_USE' ? 0.2 : 1);
  const toWeights = usages.map((u) => {
    const exposes = u.system.interfaces.length > 0;
    const base = u.system.core ? (HUB_TARGET_WEIGHT[u.system.area.key] ?? 4) : exposes ? 0.6 : 0.05;
    return base * (exposes ? 1 : 0.3) * dormant(u);
  });
  const fromWeights = usages.map((u) => (u.system.core ? 3 : 1) * dormant(u));
  const toCumulative = cumulativeWeights(toWeights);
  const fromCumulative = cumulativeWeights(fromWeights);

  const relate = (fromIndex: number, toIndex: number): boolean => {
    const key = `${fromIndex}>${toIndex}`;
    if (fromIndex === toIndex || pairs.has(key)) return false;
    pairs.add(key);
    const from = usages[fromIndex] as UsageInfo;
    const to = usages[toIndex] as UsageInfo;
    const id = random.uuid();
    const interfaces = to.system.interfaces;
    const via =
      interfaces.length > 0 && !random.chance(DEFECT_RATES.relationWithoutInterface)
        ? random.pick(interfaces)
        : null;
    const description = random.chance(0.35)
      ? via
        ? `${from.system.name} bruger ${via.name} (${(via.dataTypes[0] ?? 'Andet').toLowerCase()}data)`
        : `${from.system.name} udveksler data med ${to.system.name}`
      : null;
    builder.node('Relation', {
      id,
      municipalityId,
      frequency: random.weighted(FREQUENCIES),
      description: description?.slice(0, 300) ?? null,
    });
    builder.relate('FROM_USAGE', id, from.id);
    builder.relate('TO_USAGE', id, to.id);
    if (via) builder.relate('VIA', id, via.id);
    const governDraw = random.next();
    if (governDraw < 0.12) {
      const governing =
        to.system.area.key === 'integration' && interfaceContracts.length > 0
          ? random.pick(interfaceContracts)
          : (to.mainContract ?? to.contracts[0] ?? from.mainContract);
      if (governing) builder.relate('GOVERNS', governing.id, id);
    }
    return true;
  };

  // The hubs lean on each other: fagsystem → ESDH → integration → IdM gives three-step chains.
  const hubLinks: readonly [string, string][] = [
    ['esdh', 'idm'],
    ['okonomi', 'idm'],
    ['lon', 'okonomi'],
    ['lon', 'idm'],
    ['esdh', 'integration'],
    ['okonomi', 'integration'],
    ['integration', 'idm'],
    ['okonomi', 'esdh'],
    ['esdh', 'okonomi'],
  ];
  for (const [from, to] of hubLinks) {
    const f = byArea.get(from);
    const t = byArea.get(to);
    if (f !== undefined && t !== undefined) relate(f, t);
  }
  // Deliberate longer chains (4-5 usages) and a three-way cycle among the fagsystemer.
  const withInterfaces = usages
    .map((_, i) => i)
    .filter(
      (i) =>
        (usages[i] as UsageInfo).system.interfaces.length > 0 &&
        !(usages[i] as UsageInfo).system.area.hub,
    );
  for (let chain = 0; chain < 2 && withInterfaces.length >= 5; chain++) {
    const members = random.sample(withInterfaces, random.int(4, 5));
    for (let i = 0; i + 1 < members.length; i++)
      relate(members[i] as number, members[i + 1] as number);
  }
  if (withInterfaces.length >= 3) {
    const [a, b, c] = random.sample(withInterfaces, 3) as [number, number, number];
    relate(a, b);
    relate(b, c);
    relate(c, a);
  }
  for (let attempt = 0; pairs.size < target && attempt < target * 6; attempt++) {
    relate(random.cumulativeIndex(fromCumulative), random.cumulativeIndex(toCumulative));
  }
}

function addDataProcessing(
  input: OrganizationLandscapeInput,
  random: Random,
  usages: UsageInfo[],
): void {
  const { builder, organizationId: municipalityId, organizations } = input;
  const groups = new Map<string, { processor: PlannedOrganization; usages: UsageInfo[] }>();
  for (const usage of usages) {
    const skip = random.chance(DEFECT_RATES.personalDataWithoutProcessing);
    if (!isPersonal(usage.personalData) || usage.lifecycle === 'NOT_IN_USE' || skip) continue;
    // Hosting partners process the data of what they run; otherwise the vendor does.
    const contractSupplier = usage.mainContract?.supplier;
    const processor = contractSupplier?.operator
      ? contractSupplier
      : (usage.system.rightsHolder ?? contractSupplier);
    // The municipality itself runs its in-house systems: nobody processes on its behalf.
    if (!processor) continue;
    const group = groups.get(processor.id) ?? { processor, usages: [] };
    group.usages.push(usage);
    groups.set(processor.id, group);
  }
  const names = new Set<string>();
  for (const { processor, usages: processed } of groups.values()) {
    for (let start = 0; start < processed.length;) {
      const chunk = processed.slice(
        start,
        start +
          random.weighted([
            [1, 25],
            [2, 35],
            [3, 25],
            [4, 15],
          ]),
      );
      start += chunk.length;
      const first = chunk[0] as UsageInfo;
      const id = random.uuid();
      let name =
        chunk.length === 1
          ? `Databehandling i ${first.system.name}`
          : `Databehandling hos ${processor.name}`;
      if (names.has(name)) name = `${name} (${names.size + 1})`;
      names.add(name);
      builder.node('DataProcessing', {
        id,
        municipalityId,
        name,
        agreementConcluded: random.weighted(AGREEMENT_CONCLUDED),
        thirdCountryTransfer: random.weighted([
          [false, 80],
          [true, 4],
          [null, 16],
        ]),
        oversightInterval: random.weighted(OVERSIGHT_INTERVALS),
      });
      builder.relate('BELONGS_TO', id, municipalityId);
      for (const usage of chunk) builder.relate('COVERS', id, usage.id);
      builder.relate('PROCESSOR', id, processor.id);
      if (random.chance(0.12) && organizations.operators.length > 0) {
        builder.relate('PROCESSOR', id, random.pick(organizations.operators).id);
      }
      const main = first.processorContract ?? first.mainContract;
      if (main && random.chance(0.88)) builder.relate('MAIN_CONTRACT', id, main.id);
    }
  }
}
