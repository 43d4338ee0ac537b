import { BUSINESS_AREAS } from './business-areas.ts';
import {
  planInterfaces,
  pickSupportedTasks,
  type Catalogue,
  type PlannedSystem,
} from './catalogue.ts';
import type { KlePlan } from './kle-plan.ts';
import type { Random } from './random.ts';
import type { SharedOrganizations } from './shared-organizations.ts';

/** Share of local systems that repeat a public system's name: a data-quality defect to find. */
export const DUPLICATE_NAME_RATE = 0.12;

const LOCAL_AREAS = BUSINESS_AREAS.filter(
  (a) => a.holding !== 'exactly-one' && a.holding !== 'common',
);

/**
 * Plans the LOCAL catalogue entries one municipality created for itself (in-house tools, local
 * registers). They are owned by the municipality; most have the municipality as rights holder.
 */
export function planLocalSystems(
  random: Random,
  input: {
    municipalityName: string;
    municipalityOrgId: string;
    count: number;
    catalogue: Catalogue;
    kle: KlePlan;
    organizations: SharedOrganizations;
  },
): PlannedSystem[] {
  const { municipalityName, municipalityOrgId, count, catalogue, kle, organizations } = input;
  const names = new Set<string>();
  const systems: PlannedSystem[] = [];
  for (let i = 0; i < count; i++) {
    const area = random.weighted(LOCAL_AREAS.map((a) => [a, a.satelliteWeight] as const));
    const products = catalogue.productsByArea.get(area.key) ?? [];
    const duplicate = random.chance(DUPLICATE_NAME_RATE) && products.length > 0;
    let name = duplicate
      ? (products[random.int(0, Math.min(9, products.length - 1))] as PlannedSystem).name
      : `${municipalityName} ${random.pick(area.nouns)}${random.chance(0.3) ? ` ${random.pick(['Lokal', 'Intern', 'Light', '2'])}` : ''}`;
    if (names.has(name)) name = `${name} (${i + 1})`;
    names.add(name);
    const ownRightsHolder = random.chance(0.6);
    const small = organizations.byArea.get(area.key) ?? organizations.suppliers;
    systems.push({
      id: random.uuid(),
      name,
      description: `Lokal løsning i ${municipalityName}: ${area.description.charAt(0).toLowerCase()}${area.description.slice(1)}`,
      scope: 'LOCAL',
      area,
      rank: 5000 + i,
      core: false,
      disabled: false,
      recommendedArchiveDuty: random.chance(0.5) ? random.weighted(area.archiveDuty) : null,
      // null: the municipality itself holds the rights (resolved when the landscape is built).
      rightsHolder: ownRightsHolder
        ? null
        : (small[small.length - 1 - random.zipf(small.length, 1)] ?? null),
      ownerId: municipalityOrgId,
      tasks: pickSupportedTasks(random, kle, area, random.int(1, 2)),
      components: [],
      interfaces: planInterfaces(random, name, area, random.chance(0.1) ? 1 : 0),
      parent: null,
      contractCycleMonths: random.int(-6, 72),
    });
  }
  return systems;
}
