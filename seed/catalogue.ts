import type { ArchiveDuty, SystemScope } from '../server/model/model-types.ts';
import type { ArchitectureComponentName } from './architecture-components.ts';
import { BUSINESS_AREAS, type BusinessArea } from './business-areas.ts';
import { brandStem, productName } from './danish-names.ts';
import type { KlePlan, KleTask } from './kle-plan.ts';
import type { DataTypeName, InterfaceTechnology } from '../server/model/kitos-options.ts';
import type { Random, Weighted } from './random.ts';
import type { PlannedOrganization, SharedOrganizations } from './shared-organizations.ts';

/** A catalogue interface, exposed by exactly one system. */
export interface PlannedInterface {
  readonly id: string;
  readonly name: string;
  readonly interfaceId: string;
  readonly version: string | null;
  readonly technology: InterfaceTechnology;
  readonly description: string;
  readonly dataTypes: readonly DataTypeName[];
}

/** A catalogue system with what the generator needs to know about it. */
export interface PlannedSystem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly scope: SystemScope;
  readonly area: BusinessArea;
  /** Popularity rank within its area (0 = most used); below `area.coreProducts` it is a core product. */
  readonly rank: number;
  readonly core: boolean;
  readonly disabled: boolean;
  readonly recommendedArchiveDuty: ArchiveDuty | null;
  readonly rightsHolder: PlannedOrganization | null;
  /** Municipality organisation id for a LOCAL system; null for PUBLIC ones. */
  readonly ownerId: string | null;
  readonly tasks: readonly KleTask[];
  readonly components: readonly ArchitectureComponentName[];
  readonly interfaces: readonly PlannedInterface[];
  readonly parent: PlannedSystem | null;
  /**
   * Months from the reference month around which municipalities' contracts for this system end:
   * systems are often bought on common cycles (framework agreements, joint tenders), which is
   * what makes shared-procurement candidates.
   */
  readonly contractCycleMonths: number;
}

/** The public catalogue: its systems by area and popularity. */
export interface Catalogue {
  /** All public systems, top-level products and their subsystems, in planning order. */
  readonly systems: readonly PlannedSystem[];
  /** Top-level public products per area key, most popular first. */
  readonly productsByArea: ReadonlyMap<string, readonly PlannedSystem[]>;
  readonly subsystemsOf: ReadonlyMap<string, readonly PlannedSystem[]>;
  /** Per area key and region, the index of the core product that region leans to. */
  readonly regionalPreference: ReadonlyMap<string, number>;
}

/** Top-level public products in the national catalogue (subsystems and local systems come on top). */
export const PUBLIC_PRODUCT_COUNT = 5000;

const GENERIC_TOPICS = [
  'Opslag',
  'Udtræk',
  'Indlæsning',
  'Hændelser',
  'Webservice',
  'Eksport',
  'Import',
  'Stamdata',
  'Statusopdatering',
  'Rapportering',
  'Synkronisering',
  'Notifikationer',
];
const SUBSYSTEM_MODULES = [
  'Mobil',
  'Borgerportal',
  'Rapportering',
  'Integrationsmodul',
  'Planlægning',
  'Medarbejderapp',
  'Økonomimodul',
  'Dokumentmodul',
  'Analyse',
  'Selvbetjening',
];
const VERSIONS: readonly Weighted<string | null>[] = [
  ['1.0', 14],
  ['1.1', 8],
  ['1.2', 5],
  ['2.0', 14],
  ['2.1', 6],
  ['3.0', 8],
  ['3.2', 3],
  ['4', 4],
  ['v1', 8],
  ['v2', 8],
  ['v3', 4],
  [null, 18],
];

function technologyWeights(area: BusinessArea): readonly Weighted<InterfaceTechnology>[] {
  switch (area.key) {
    case 'idm':
      return [
        ['LDAP', 45],
        ['WS REST', 25],
        ['WS SOAP', 15],
        ['CSV', 10],
        ['Andet', 5],
      ];
    case 'integration':
      return [
        ['WS REST', 35],
        ['WS SOAP', 25],
        ['MOX', 15],
        ['OIO REST', 10],
        ['CSV', 10],
        ['Andet', 5],
      ];
    case 'esdh':
    case 'faelles':
      return [
        ['WS SOAP', 30],
        ['OIO REST', 20],
        ['WS REST', 25],
        ['MOX', 15],
        ['CSV', 10],
      ];
    case 'bi':
      return [
        ['ODBC (SQL)', 40],
        ['CSV', 30],
        ['WS REST', 25],
        ['Andet', 5],
      ];
    default:
      return [
        ['WS REST', 32],
        ['WS SOAP', 20],
        ['CSV', 20],
        ['OIO REST', 7],
        ['MOX', 4],
        ['ODBC (SQL)', 10],
        ['Andet', 7],
      ];
  }
}

/** Names that differ only in case or spacing ("Strandbudget", "Strand Budget") count as equal. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s-]/g, '');
}

function initials(name: string): string {
  const letters = name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
  return letters.slice(0, 3).padEnd(3, 'X');
}

/** Plans the interfaces one system exposes: hubs several, core products some, the tail few. */
export function planInterfaces(
  random: Random,
  systemName: string,
  area: BusinessArea,
  count: number,
): PlannedInterface[] {
  const topics = random.sample(area.interfaceTopics, count);
  if (topics.length < count) {
    topics.push(
      ...random.sample(
        GENERIC_TOPICS.filter((t) => !topics.includes(t)),
        count - topics.length,
      ),
    );
  }
  const prefix = initials(systemName);
  return topics.map((topic) => {
    const dataTypeCount = random.weighted([
      [1, 35],
      [2, 35],
      [3, 20],
      [4, 10],
    ]);
    const dataTypes = new Set<DataTypeName>();
    // The area's data types, the most typical ones most often.
    while (dataTypes.size < Math.min(dataTypeCount, area.dataTypes.length)) {
      dataTypes.add(
        area.dataTypes[
          Math.min(random.zipf(area.dataTypes.length, 0.8), area.dataTypes.length - 1)
        ] as DataTypeName,
      );
    }
    const technology = random.weighted(technologyWeights(area));
    return {
      id: random.uuid(),
      name: `${systemName} ${topic}`.slice(0, 100),
      interfaceId: `${prefix}-${topic.slice(0, 4).toUpperCase()}-${random.int(1, 99).toString().padStart(2, '0')}`,
      version: random.weighted(VERSIONS),
      technology,
      description: `${topic} fra ${systemName} (${technology}).`,
      dataTypes: [...dataTypes],
    };
  });
}

/** Picks the KLE tasks a system supports: mostly subjects, some groups, in the area's main groups. */
export function pickSupportedTasks(
  random: Random,
  kle: KlePlan,
  area: BusinessArea,
  count: number,
): KleTask[] {
  const tasks = new Map<string, KleTask>();
  for (let attempt = 0; tasks.size < count && attempt < count * 4; attempt++) {
    const mainGroup = area.kleMainGroups[random.zipf(area.kleMainGroups.length, 1)] as string;
    const pool = random.chance(0.8)
      ? kle.subjectsByMainGroup.get(mainGroup)
      : kle.groupsByMainGroup.get(mainGroup);
    if (pool && pool.length > 0) {
      const task = random.pick(pool);
      tasks.set(task.id, task);
    }
  }
  return [...tasks.values()];
}

function pickRightsHolder(
  random: Random,
  organizations: SharedOrganizations,
  area: BusinessArea,
  core: boolean,
): PlannedOrganization {
  if (area.holding === 'common') return organizations.commonSystemsBody;
  const candidates = organizations.byArea.get(area.key) ?? organizations.suppliers;
  // Core products belong to the big players: square the size to sharpen the preference.
  return random.weighted(candidates.map((c) => [c, core ? c.size * c.size : c.size] as const));
}

function interfaceCount(random: Random, area: BusinessArea, rank: number, core: boolean): number {
  if (area.hub && core) return random.int(4, 10);
  if (core) return random.int(1, 4);
  if (rank < 20)
    return random.weighted([
      [0, 30],
      [1, 40],
      [2, 20],
      [3, 10],
    ]);
  return random.weighted([
    [0, 60],
    [1, 30],
    [2, 8],
    [3, 2],
  ]);
}

function componentsFor(
  random: Random,
  area: BusinessArea,
  core: boolean,
): ArchitectureComponentName[] {
  return area.components
    .filter(([, p]) => random.chance(core ? p : p * 0.45))
    .map(([name]) => name);
}

/**
 * Plans the public catalogue at national size (~5,000 products plus subsystems), the same at every
 * scale so that a system keeps its id from the small demo to the national one. Each area's products
 * are ranked by popularity; the first `coreProducts` are the dominant ones.
 */
export function planCatalogue(
  random: Random,
  kle: KlePlan,
  organizations: SharedOrganizations,
  regions: readonly string[],
): Catalogue {
  const totalWeight = BUSINESS_AREAS.reduce((sum, a) => sum + a.catalogueWeight, 0);
  const systems: PlannedSystem[] = [];
  const productsByArea = new Map<string, PlannedSystem[]>();
  const subsystemsOf = new Map<string, PlannedSystem[]>();
  const names = new Set<string>();
  for (const area of BUSINESS_AREAS) {
    const count =
      area.holding === 'common'
        ? area.coreProducts
        : Math.max(
            area.coreProducts + 3,
            Math.round((PUBLIC_PRODUCT_COUNT * area.catalogueWeight) / totalWeight),
          );
    const products: PlannedSystem[] = [];
    for (let rank = 0; rank < count; rank++) {
      const core = rank < area.coreProducts;
      const rightsHolder = pickRightsHolder(random, organizations, area, core);
      let name = '';
      for (let attempt = 0; name === '' || names.has(nameKey(name)); attempt++) {
        if (area.holding === 'common')
          name = `Fællesløsning ${area.nouns[rank % area.nouns.length] as string}`;
        else {
          const stem =
            rightsHolder.kind === 'SUPPLIER' && random.chance(0.5)
              ? rightsHolder.stem
              : brandStem(random);
          name = productName(random, stem, random.pick(area.nouns));
        }
        if (attempt > 30) name = `${name} ${attempt}`;
      }
      names.add(nameKey(name));
      const system: PlannedSystem = {
        id: random.uuid(),
        name,
        description: area.description,
        scope: 'PUBLIC',
        area,
        rank,
        core,
        disabled: !core && random.chance(0.025),
        recommendedArchiveDuty: random.chance(0.88) ? random.weighted(area.archiveDuty) : null,
        rightsHolder,
        ownerId: null,
        tasks: pickSupportedTasks(random, kle, area, core ? random.int(2, 5) : random.int(1, 3)),
        components: componentsFor(random, area, core),
        interfaces: planInterfaces(random, name, area, interfaceCount(random, area, rank, core)),
        parent: null,
        contractCycleMonths: random.int(1, 72),
      };
      products.push(system);
      systems.push(system);
      // Modules of popular products in areas where a municipality may hold several systems.
      if (
        area.holding !== 'exactly-one' &&
        area.holding !== 'common' &&
        rank < 15 &&
        random.chance(core ? 0.6 : 0.25)
      ) {
        const modules = random.sample(SUBSYSTEM_MODULES, random.int(1, 3));
        const children = modules.map((module): PlannedSystem => {
          const childName = `${name} ${module}`;
          names.add(nameKey(childName));
          return {
            ...system,
            id: random.uuid(),
            name: childName,
            description: `${module} til ${name}.`,
            rank: rank + 1000,
            core: false,
            disabled: false,
            recommendedArchiveDuty: system.recommendedArchiveDuty,
            tasks: pickSupportedTasks(random, kle, area, 1),
            components: componentsFor(random, area, false),
            interfaces: planInterfaces(
              random,
              childName,
              area,
              random.weighted([
                [0, 70],
                [1, 30],
              ]),
            ),
            parent: system,
          };
        });
        subsystemsOf.set(system.id, children);
        systems.push(...children);
      }
    }
    productsByArea.set(area.key, products);
  }
  const regionalPreference = new Map<string, number>();
  for (const area of BUSINESS_AREAS) {
    for (const region of regions) {
      regionalPreference.set(`${area.key}|${region}`, random.int(0, area.coreProducts - 1));
    }
  }
  return { systems, productsByArea, subsystemsOf, regionalPreference };
}
