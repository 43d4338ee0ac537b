import { BUSINESS_AREAS, type BusinessArea } from './business-areas.ts';
import type { Catalogue, PlannedSystem } from './catalogue.ts';
import type { Random } from './random.ts';

/** Chance that a municipality has a core system in a `usually-one` area. */
const USUALLY_ONE_RATE = 0.93;
/** Chance that a municipality uses a given fælleskommunal system. */
const COMMON_RATE = 0.97;
/** Chance that a municipality using a product also uses one of its modules. */
const MODULE_RATE = 0.4;
/** How much a region's preferred core product is favoured (joint tenders, regional networks). */
const REGIONAL_BOOST = 3;

function pickCore(
  random: Random,
  catalogue: Catalogue,
  area: BusinessArea,
  region: string,
): PlannedSystem {
  const products = catalogue.productsByArea.get(area.key) ?? [];
  const preferred = catalogue.regionalPreference.get(`${area.key}|${region}`) ?? 0;
  const weights = products
    .slice(0, area.coreProducts)
    .map((_, rank) => (rank === preferred ? REGIONAL_BOOST : 1) / (rank + 1) ** 1.2);
  return products[random.weighted(weights.map((w, i) => [i, w] as const))] as PlannedSystem;
}

/**
 * Chooses the catalogue systems one municipality uses, about `target` of them: exactly one core
 * system in ESDH, økonomi, løn, IdM and integration; usually one per fagområde; nearly all
 * fælleskommunale systems; its own local systems; and a long tail drawn by Zipf popularity, so a few
 * products are used everywhere and many by one or a few municipalities. No system is chosen twice.
 */
export function selectSystems(
  random: Random,
  input: {
    catalogue: Catalogue;
    region: string;
    target: number;
    localSystems: readonly PlannedSystem[];
  },
): PlannedSystem[] {
  const { catalogue, region, target, localSystems } = input;
  const chosen: PlannedSystem[] = [];
  for (const area of BUSINESS_AREAS) {
    if (area.holding === 'exactly-one') chosen.push(pickCore(random, catalogue, area, region));
    else if (area.holding === 'usually-one' && random.chance(USUALLY_ONE_RATE)) {
      chosen.push(pickCore(random, catalogue, area, region));
    } else if (area.holding === 'common') {
      for (const product of catalogue.productsByArea.get(area.key) ?? []) {
        if (random.chance(COMMON_RATE)) chosen.push(product);
      }
    }
  }
  chosen.push(...localSystems);
  // Modules come on top of the tail; leave room for them.
  const tailTotal = Math.max(0, Math.round((target - chosen.length) * 0.95));
  const tailAreas = BUSINESS_AREAS.filter((a) => a.satelliteWeight > 0);
  const weightSum = tailAreas.reduce((sum, a) => sum + a.satelliteWeight, 0);
  // Largest-remainder split, so the area counts add up to the tail total exactly.
  const exact = tailAreas.map((a) => (tailTotal * a.satelliteWeight) / weightSum);
  const counts = exact.map(Math.floor);
  let missing = tailTotal - counts.reduce((a, b) => a + b, 0);
  for (const i of exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i)) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  tailAreas.forEach((area, i) => {
    const products = catalogue.productsByArea.get(area.key) ?? [];
    // Core products are the core slot's business; the tail starts after them.
    const tail = products.slice(area.coreProducts);
    const weights = tail.map((p, rank) => (p.disabled ? 0.3 : 1) / (rank + 1));
    for (const index of random.weightedSampleIndexes(weights, counts[i] as number)) {
      chosen.push(tail[index] as PlannedSystem);
    }
  });
  const withModules: PlannedSystem[] = [];
  for (const system of chosen) {
    withModules.push(system);
    for (const module of catalogue.subsystemsOf.get(system.id) ?? []) {
      if (random.chance(MODULE_RATE)) withModules.push(module);
    }
  }
  return withModules;
}
