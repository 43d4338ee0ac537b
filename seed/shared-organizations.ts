import type { OrganizationKind } from '../server/model/model-types.ts';
import { BUSINESS_AREAS, type BusinessArea } from './business-areas.ts';
import { brandStem, supplierName } from './danish-names.ts';
import type { Random } from './random.ts';

/** An organisation that is not a municipality: a supplier, a community or an authority. */
export interface PlannedOrganization {
  readonly id: string;
  readonly name: string;
  readonly cvr: string;
  readonly kind: Exclude<OrganizationKind, 'MUNICIPALITY'>;
  /** Brand stem the supplier's product names may reuse. */
  readonly stem: string;
  /** Business areas the organisation makes products for. */
  readonly areas: ReadonlySet<string>;
  /** Relative market size: big suppliers hold many products and the dominant ones. */
  readonly size: number;
  /** Also runs hosting and operations for others (a contract supplier besides rights holders). */
  readonly operator: boolean;
}

/** The shared organisations of a landscape, and who can make products in each area. */
export interface SharedOrganizations {
  readonly all: readonly PlannedOrganization[];
  readonly suppliers: readonly PlannedOrganization[];
  /** Owner of the fælleskommunale systems (an invented KOMBIT-like body). */
  readonly commonSystemsBody: PlannedOrganization;
  /** Suppliers that also deliver hosting and operations. */
  readonly operators: readonly PlannedOrganization[];
  readonly byArea: ReadonlyMap<string, readonly PlannedOrganization[]>;
}

/** Number of synthetic supplier companies. */
export const SUPPLIER_COUNT = 300;

/** An 8-digit number that passes the CVR modulus-11 check, so it looks like a real CVR number. */
export function plausibleCvr(random: Random): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (;;) {
    const digits = [random.int(1, 9), ...Array.from({ length: 6 }, () => random.int(0, 9))];
    const partial = digits.reduce((sum, d, i) => sum + d * (weights[i] as number), 0);
    const check = (11 - (partial % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

const COMMUNITIES = [
  'Fælleskommunal Systemforvaltning',
  'Digitaliseringsfællesskab Syd',
  'Digitaliseringsfællesskab Nord',
  'Kommunalt Kildekodefællesskab',
];
const AUTHORITIES = [
  'Styrelsen for Fælles Infrastruktur',
  'Statens Registerkontor',
  'Arkivmyndigheden',
];

/**
 * Plans ~300 invented supplier companies with Zipf-like sizes and area specialities, plus a few
 * communities and authorities. The first community owns the fælleskommunale systems.
 */
export function planSharedOrganizations(random: Random): SharedOrganizations {
  const all: PlannedOrganization[] = [];
  const usedNames = new Set<string>();
  const areaWeights = BUSINESS_AREAS.filter((a) => a.holding !== 'common').map(
    (a) => [a, a.catalogueWeight] as const,
  );
  for (let i = 0; i < SUPPLIER_COUNT; i++) {
    let stem = brandStem(random);
    let name = supplierName(random, stem);
    for (let attempt = 0; usedNames.has(name); attempt++) {
      stem = brandStem(random);
      name = supplierName(random, stem);
      if (attempt > 20) name = `${name.replace(/ (A\/S|ApS|I\/S|K\/S)$/, '')} ${i} A/S`;
    }
    usedNames.add(name);
    const areaCount =
      i < 12
        ? random.int(5, 9)
        : random.weighted([
            [1, 50],
            [2, 35],
            [3, 15],
          ]);
    const areas = new Set<string>();
    while (areas.size < areaCount) {
      const area: BusinessArea = random.weighted(areaWeights);
      areas.add(area.key);
    }
    // The big suppliers make the hub systems; small ones rarely do.
    if (i < 12)
      for (const hub of ['esdh', 'okonomi', 'lon', 'idm', 'integration']) {
        if (random.chance(0.45)) areas.add(hub);
      }
    all.push({
      id: random.uuid(),
      name,
      cvr: plausibleCvr(random),
      kind: 'SUPPLIER',
      stem,
      areas,
      size: 1 / (i + 1) ** 0.8,
      operator: i < 40 && random.chance(0.3),
    });
  }
  for (const name of COMMUNITIES) {
    all.push({
      id: random.uuid(),
      name,
      cvr: plausibleCvr(random),
      kind: 'COMMUNITY',
      stem: 'Fælles',
      areas: new Set(
        name === COMMUNITIES[0] ? ['faelles'] : ['selvbetjening', 'workflow', 'special'],
      ),
      size: 0.05,
      operator: false,
    });
  }
  for (const name of AUTHORITIES) {
    all.push({
      id: random.uuid(),
      name,
      cvr: plausibleCvr(random),
      kind: 'AUTHORITY',
      stem: 'Stat',
      areas: new Set(['masterdata']),
      size: 0.05,
      operator: false,
    });
  }
  const byArea = new Map<string, PlannedOrganization[]>();
  for (const org of all) {
    for (const area of org.areas) byArea.set(area, [...(byArea.get(area) ?? []), org]);
  }
  const suppliers = all.filter((o) => o.kind === 'SUPPLIER');
  return {
    all,
    suppliers,
    commonSystemsBody: all.find((o) => o.name === COMMUNITIES[0]) as PlannedOrganization,
    operators: suppliers.filter((s) => s.operator),
    byArea,
  };
}
