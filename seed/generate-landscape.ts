import {
  formatCalendarDate,
  parseCalendarDate,
  type CalendarDate,
} from '../server/domain/calendar-date.ts';
import { LandscapeBuilder, type Landscape } from '../server/model/landscape.ts';
import { ARCHITECTURE_COMPONENTS } from './architecture-components.ts';
import { planCatalogue, type PlannedSystem } from './catalogue.ts';
import { generateKlePlan } from './kle-plan.ts';
import { DATA_TYPE_NAMES } from '../server/model/kitos-options.ts';
import { landscapeSize } from './landscape-size.ts';
import { planLocalSystems } from './local-systems.ts';
import {
  MUNICIPALITIES,
  REGIONS,
  municipalityByCode,
  municipalityOrganizationName,
  type Municipality,
} from './municipalities.ts';
import { addOrganizationLandscape } from './organization-landscape.ts';
import { Random } from './random.ts';
import { planSharedOrganizations, plausibleCvr } from './shared-organizations.ts';
import { selectSystems } from './usage-selection.ts';

/** The demo landscape sizes. */
export const SCALES = ['small', 'medium', 'national'] as const;
export type Scale = (typeof SCALES)[number];

export interface GenerateOptions {
  /**
   * `small`: one mid-size municipality (Svendborg, ~500 usages), catalogue trimmed to what it uses
   * plus some unused entries; for tests. `medium`: ten municipalities of mixed sizes, including
   * København and Aarhus; the `npm start` demo. `national`: all 98 municipalities.
   */
  scale: Scale;
  /** Seed of every random choice. @default 1 */
  seed?: number;
  /**
   * The date contract terms are spread around, as YYYY-MM-DD. Only date properties move with it;
   * ids, counts and all other properties stay the same. @default the first day of the current month
   */
  referenceDate?: string;
}

/** Municipality codes per scale; national takes all 98. */
const SCALE_MUNICIPALITIES: Readonly<Record<Exclude<Scale, 'national'>, readonly number[]>> = {
  small: [479],
  // København, Aarhus, Vejle, Silkeborg, Gentofte, Holbæk, Hjørring, Svendborg, Lolland, Ærø.
  medium: [101, 751, 630, 740, 157, 316, 860, 479, 360, 492],
};

/**
 * Share of the public catalogue entries no municipality in the landscape uses that are kept anyway
 * (the real catalogue is full of them; "interfaces exposed but never used" needs them too).
 */
const UNUSED_KEPT: Readonly<Record<Scale, number>> = { small: 0.05, medium: 0.25, national: 1 };
/** Share of the KLE subjects no system supports that are kept (all but at small). */
const UNREFERENCED_SUBJECTS_KEPT: Readonly<Record<Scale, number>> = {
  small: 0.15,
  medium: 1,
  national: 1,
};

function firstDayOfCurrentMonth(): CalendarDate {
  const now = new Date();
  return formatCalendarDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: 1 });
}

function municipalitiesOf(scale: Scale): readonly Municipality[] {
  return scale === 'national'
    ? MUNICIPALITIES
    : SCALE_MUNICIPALITIES[scale].map(municipalityByCode);
}

/**
 * Generates a realistic, fully synthetic demo landscape: a shared catalogue (suppliers, ~5,000
 * public systems with interfaces, the KLE plan, data types, architecture components) and, for each
 * municipality of the scale, its units, usages, contracts, relations and data-processing
 * registrations. The same scale, seed and reference date give the same landscape (same ids, same
 * properties, same order); a different reference date moves only the date properties.
 */
export function generateLandscape(options: GenerateOptions): Landscape {
  const { scale, seed = 1 } = options;
  if (!SCALES.includes(scale))
    throw new Error(`Unknown scale "${String(scale)}": use one of ${SCALES.join(', ')}`);
  if (!Number.isFinite(seed)) throw new Error(`Invalid seed "${seed}": use a finite number`);
  const reference = options.referenceDate ?? firstDayOfCurrentMonth();
  // Checked here so a bad option fails at once with its own name, not deep inside the contracts.
  if (parseCalendarDate(reference) === null)
    throw new Error(`Invalid date "${reference}": expected an existing date as YYYY-MM-DD`);
  const root = Random.create(seed, 'overblik');

  // Plan the shared catalogue at national size, so ids do not depend on the scale.
  const kle = generateKlePlan(root.fork('kle'));
  const organizations = planSharedOrganizations(root.fork('organizations'));
  const catalogue = planCatalogue(root.fork('catalogue'), kle, organizations, REGIONS);

  const municipalities = municipalitiesOf(scale).map((municipality) => {
    const random = root.fork('municipality', municipality.code);
    const organizationId = random.uuid();
    const name = municipalityOrganizationName(municipality);
    const size = landscapeSize(municipality);
    const localSystems = planLocalSystems(random.fork('local-systems'), {
      municipalityName: municipality.name,
      municipalityOrgId: organizationId,
      count: size.localSystems,
      catalogue,
      kle,
      organizations,
    });
    const systems = selectSystems(random.fork('selection'), {
      catalogue,
      region: municipality.region,
      target: size.usages,
      localSystems,
    });
    return {
      municipality,
      random,
      organizationId,
      name,
      cvr: plausibleCvr(random),
      size,
      localSystems,
      systems,
    };
  });

  // Trim the catalogue to what the landscape uses, plus a share of the unused entries.
  const used = new Set(municipalities.flatMap((m) => m.systems.map((s) => s.id)));
  const trim = root.fork('trim');
  const kept = new Set<string>();
  for (const system of catalogue.systems) {
    if (used.has(system.id) || trim.chance(UNUSED_KEPT[scale])) kept.add(system.id);
  }
  for (const system of catalogue.systems) {
    if (kept.has(system.id) && system.parent) kept.add(system.parent.id);
  }
  const publicSystems = catalogue.systems.filter((s) => kept.has(s.id));
  const systems: PlannedSystem[] = [
    ...publicSystems,
    ...municipalities.flatMap((m) => m.localSystems),
  ];

  const supportedTasks = new Set(systems.flatMap((s) => s.tasks.map((t) => t.id)));
  const tasks = kle.tasks.filter(
    (t) =>
      t.level !== 'SUBJECT' ||
      supportedTasks.has(t.id) ||
      trim.chance(UNREFERENCED_SUBJECTS_KEPT[scale]),
  );
  const taskIds = new Set(tasks.map((t) => t.id));

  const referencedOrganizations = new Set<string>();
  for (const system of systems)
    if (system.rightsHolder) referencedOrganizations.add(system.rightsHolder.id);
  const sharedOrganizations = organizations.all.filter(
    (o) =>
      o.kind !== 'SUPPLIER' ||
      o.operator ||
      referencedOrganizations.has(o.id) ||
      trim.chance(UNUSED_KEPT[scale]),
  );

  const builder = new LandscapeBuilder();
  for (const m of municipalities) {
    builder.node('Organization', {
      id: m.organizationId,
      name: m.name,
      cvr: m.cvr,
      kind: 'MUNICIPALITY',
      municipalityCode: m.municipality.code,
      region: m.municipality.region,
      population: m.municipality.population,
    });
  }
  for (const org of sharedOrganizations) {
    builder.node('Organization', { id: org.id, name: org.name, cvr: org.cvr, kind: org.kind });
  }

  const ids = root.fork('shared-ids');
  const dataTypeIds = new Map<string, string>();
  for (const name of DATA_TYPE_NAMES)
    dataTypeIds.set(name, builder.node('DataType', { id: ids.uuid(), name }));
  const componentIds = new Map<string, string>();
  for (const c of ARCHITECTURE_COMPONENTS) {
    componentIds.set(
      c.name,
      builder.node('ArchitectureComponent', {
        id: ids.uuid(),
        name: c.name,
        kind: c.kind,
        description: c.description,
      }),
    );
  }

  const taskIdByNumber = new Map(tasks.map((t) => [t.number, t.id]));
  for (const task of tasks) {
    builder.node('Task', {
      id: task.id,
      number: task.number,
      title: task.title,
      level: task.level,
    });
  }
  for (const task of tasks) {
    const parentId = task.parentNumber === null ? undefined : taskIdByNumber.get(task.parentNumber);
    if (parentId) builder.relate('SUBTASK_OF', task.id, parentId);
  }

  for (const system of systems) {
    builder.node('System', {
      id: system.id,
      name: system.name,
      description: system.description,
      scope: system.scope,
      businessType: system.area.businessType,
      disabled: system.disabled,
      recommendedArchiveDuty: system.recommendedArchiveDuty,
      ownerId: system.ownerId,
    });
  }
  for (const system of systems) {
    for (const iface of system.interfaces) {
      builder.node('Interface', {
        id: iface.id,
        name: iface.name,
        interfaceId: iface.interfaceId,
        version: iface.version,
        technology: iface.technology,
        description: iface.description,
      });
    }
  }
  for (const system of systems) {
    const holder = system.rightsHolder?.id ?? system.ownerId;
    if (holder) builder.relate('RIGHTS_HOLDER', system.id, holder);
    if (system.parent) builder.relate('SUBSYSTEM_OF', system.id, system.parent.id);
    for (const task of system.tasks)
      if (taskIds.has(task.id)) builder.relate('SUPPORTS', system.id, task.id);
    for (const name of system.components)
      builder.relate('USES_COMPONENT', system.id, componentIds.get(name) as string);
    for (const iface of system.interfaces) {
      builder.relate('EXPOSES', system.id, iface.id);
      for (const dataType of iface.dataTypes)
        builder.relate('CARRIES', iface.id, dataTypeIds.get(dataType) as string);
    }
  }

  const eans = new Set<string>();
  for (const m of municipalities) {
    addOrganizationLandscape({
      builder,
      random: m.random.fork('landscape'),
      reference,
      municipality: m.municipality,
      organizationId: m.organizationId,
      organizationName: m.name,
      size: m.size,
      systems: m.systems,
      organizations,
      kle,
      taskIds,
      componentIds,
      eans,
    });
  }
  return builder.build();
}
