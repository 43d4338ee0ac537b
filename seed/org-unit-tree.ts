import { ADMINISTRATION_KEYS, type AdministrationKey } from './business-areas.ts';
import { placeName, townName } from './danish-names.ts';
import type { Random, Weighted } from './random.ts';

/** One planned organisation unit. */
export interface PlannedUnit {
  readonly id: string;
  readonly name: string;
  readonly ean: string | null;
  readonly parent: PlannedUnit | null;
  /** Administration the unit belongs to; null for the root. */
  readonly administration: AdministrationKey | null;
  readonly level: 'root' | 'administration' | 'department' | 'institution' | 'team';
}

/** A municipality's unit tree, with lookups the usage generator needs. */
export interface UnitTree {
  /** Parents before children. */
  readonly units: readonly PlannedUnit[];
  readonly root: PlannedUnit;
  /** Departments and institutions per administration (the units that own systems). */
  readonly ownersByAdministration: ReadonlyMap<AdministrationKey, readonly PlannedUnit[]>;
  /** Every unit below each administration. */
  readonly unitsByAdministration: ReadonlyMap<AdministrationKey, readonly PlannedUnit[]>;
  /** The IT department, responsible for infrastructure. */
  readonly itDepartment: PlannedUnit;
}

const ADMINISTRATION_NAMES: Readonly<Record<AdministrationKey, string>> = {
  direktion: 'Direktion og Politisk Sekretariat',
  okonomi: 'Økonomi og Personale',
  digitalisering: 'IT og Digitalisering',
  born: 'Børn og Unge',
  social: 'Sundhed og Omsorg',
  beskaeftigelse: 'Arbejdsmarked og Borgerservice',
  teknik: 'Teknik og Miljø',
  kultur: 'Kultur og Fritid',
  borgerservice: 'Borgerservice og Ydelser',
};

const DEPARTMENTS: Readonly<Record<AdministrationKey, readonly string[]>> = {
  direktion: ['Direktionssekretariatet', 'Byrådssekretariatet', 'Kommunikation', 'Jura'],
  okonomi: [
    'Økonomi',
    'Budget og Analyse',
    'HR og Personale',
    'Løn',
    'Indkøb og Udbud',
    'Regnskab',
  ],
  digitalisering: ['IT-drift', 'Digitalisering', 'Informationssikkerhed', 'Arkiv og Dokumentation'],
  born: [
    'Skoleafdelingen',
    'Dagtilbud',
    'PPR',
    'Familieafdelingen',
    'Sundhedsplejen',
    'Tandplejen',
    'Ungdomsskolen',
  ],
  social: [
    'Visitation',
    'Hjemmeplejen',
    'Sygeplejen',
    'Træning og Rehabilitering',
    'Handicap og Psykiatri',
    'Socialrådgivningen',
    'Sundhedscentret',
  ],
  beskaeftigelse: [
    'Jobcentret',
    'Virksomhedsservice',
    'Integration',
    'Sygedagpenge',
    'Ungeindsats',
  ],
  teknik: [
    'Byggeri',
    'Plan',
    'Natur og Miljø',
    'Vej og Park',
    'Ejendomme',
    'Beredskab',
    'Affald og Genbrug',
    'GIS og Data',
  ],
  kultur: ['Bibliotekerne', 'Kultur', 'Fritid og Idræt', 'Musikskolen'],
  borgerservice: ['Borgerservice', 'Ydelsesservice', 'Opkrævning', 'Pension og Boligstøtte'],
};

interface InstitutionKind {
  readonly administration: AdministrationKey;
  /** Parent department name. */
  readonly department: string;
  readonly weight: number;
  readonly name: (random: Random) => string;
  readonly teams: readonly string[];
}

const INSTITUTIONS: readonly InstitutionKind[] = [
  {
    administration: 'born',
    department: 'Skoleafdelingen',
    weight: 24,
    name: (r) => `${placeName(r)}skolen`,
    teams: ['Indskoling', 'Mellemtrin', 'Udskoling', 'SFO', 'Administration', 'Specialklasser'],
  },
  {
    administration: 'born',
    department: 'Dagtilbud',
    weight: 30,
    name: (r) =>
      `${r.pick(['Børnehuset', 'Vuggestuen', 'Børnehaven', 'Daginstitution'])} ${placeName(r)}`,
    teams: ['Vuggestue', 'Børnehave', 'Køkken', 'Ledelse'],
  },
  {
    administration: 'born',
    department: 'Dagtilbud',
    weight: 4,
    name: (r) => `Dagplejen ${townName(r)}`,
    teams: ['Dagplejere', 'Gæstedagpleje'],
  },
  {
    administration: 'social',
    department: 'Hjemmeplejen',
    weight: 12,
    name: (r) => `Plejecenter ${placeName(r)}`,
    teams: ['Dag', 'Aften', 'Nat', 'Køkken', 'Aktivitet', 'Demensafsnit'],
  },
  {
    administration: 'social',
    department: 'Hjemmeplejen',
    weight: 6,
    name: (r) =>
      `Hjemmeplejen ${r.pick(['Nord', 'Syd', 'Øst', 'Vest', 'Midt', 'By', 'Land'])} ${townName(r)}`,
    teams: ['Dag', 'Aften', 'Nat', 'Planlægning'],
  },
  {
    administration: 'social',
    department: 'Handicap og Psykiatri',
    weight: 8,
    name: (r) =>
      `${r.pick(['Bostedet', 'Botilbuddet', 'Aktivitetscentret', 'Værestedet'])} ${placeName(r)}`,
    teams: ['Dag', 'Aften', 'Nat', 'Pædagogisk team'],
  },
  {
    administration: 'kultur',
    department: 'Bibliotekerne',
    weight: 5,
    name: (r) => `${townName(r)} Bibliotek`,
    teams: ['Udlån', 'Børn og Unge', 'Arrangementer'],
  },
  {
    administration: 'kultur',
    department: 'Fritid og Idræt',
    weight: 4,
    name: (r) => `${townName(r)}hallen`,
    teams: ['Drift', 'Booking'],
  },
  {
    administration: 'teknik',
    department: 'Vej og Park',
    weight: 3,
    name: (r) => `Materielgården ${townName(r)}`,
    teams: ['Vej', 'Park', 'Værksted'],
  },
  {
    administration: 'beskaeftigelse',
    department: 'Jobcentret',
    weight: 3,
    name: (r) => `Jobcenter ${r.pick(['Nord', 'Syd', 'Øst', 'Vest', 'Midt'])}`,
    teams: ['Kontanthjælp', 'Dagpenge', 'Ressourceforløb', 'Unge'],
  },
];

const DEPARTMENT_TEAMS = [
  'Team Nord',
  'Team Syd',
  'Team Øst',
  'Team Vest',
  'Team Midt',
  'Administration',
  'Myndighed',
  'Drift',
  'Udvikling',
  'Sekretariat',
  'Sagsbehandling',
  'Visitation',
  'Kvalitet',
  'Planlægning',
  'Analyse',
  'Support',
  'Projekter',
  'Rådgivning',
];

/**
 * Builds a municipality's organisation tree: the root named after the municipality, nine
 * administrations, their departments, institutions (schools, day care, care homes, ...) and teams,
 * about `target` units in all. About a third of departments and institutions have an EAN number.
 */
export function planUnitTree(
  random: Random,
  rootName: string,
  target: number,
  eans: Set<string>,
): UnitTree {
  const units: PlannedUnit[] = [];
  const add = (unit: Omit<PlannedUnit, 'id' | 'ean'>, withEan: boolean): PlannedUnit => {
    let ean: string | null = null;
    if (withEan) {
      // Public EAN location numbers start 5798; the rest is invented and unique in the landscape.
      do ean = `5798${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
      while (eans.has(ean));
      eans.add(ean);
    }
    const planned: PlannedUnit = { ...unit, id: random.uuid(), ean };
    units.push(planned);
    return planned;
  };
  const root = add(
    { name: rootName, parent: null, administration: null, level: 'root' },
    random.chance(0.8),
  );
  const ownersByAdministration = new Map<AdministrationKey, PlannedUnit[]>();
  const departments = new Map<string, PlannedUnit>();
  const administrations = new Map<AdministrationKey, PlannedUnit>();
  const centreStyle = random.chance(0.35);
  for (const key of ADMINISTRATION_KEYS) {
    const name =
      centreStyle && key !== 'direktion'
        ? `Center for ${ADMINISTRATION_NAMES[key]}`
        : ADMINISTRATION_NAMES[key];
    administrations.set(
      key,
      add({ name, parent: root, administration: key, level: 'administration' }, false),
    );
  }
  for (const key of ADMINISTRATION_KEYS) {
    const owners: PlannedUnit[] = [];
    for (const name of DEPARTMENTS[key]) {
      const unit = add(
        {
          name,
          parent: administrations.get(key) as PlannedUnit,
          administration: key,
          level: 'department',
        },
        random.chance(0.35),
      );
      departments.set(name, unit);
      owners.push(unit);
    }
    ownersByAdministration.set(key, owners);
  }
  const remaining = Math.max(0, target - units.length);
  const institutionCount = Math.round(remaining * 0.36);
  const institutionWeights = INSTITUTIONS.map((kind) => [kind, kind.weight] as const);
  const teamParents: { unit: PlannedUnit; names: string[] }[] = [];
  for (const unit of units) {
    if (unit.level === 'department')
      teamParents.push({ unit, names: random.shuffle(DEPARTMENT_TEAMS) });
  }
  const institutionNames = new Set<string>();
  for (let i = 0; i < institutionCount; i++) {
    const kind: InstitutionKind = random.weighted(institutionWeights);
    let name = kind.name(random);
    for (let attempt = 0; institutionNames.has(name) && attempt < 10; attempt++)
      name = kind.name(random);
    if (institutionNames.has(name)) continue;
    institutionNames.add(name);
    const unit = add(
      {
        name,
        parent: departments.get(kind.department) as PlannedUnit,
        administration: kind.administration,
        level: 'institution',
      },
      random.chance(0.4),
    );
    ownersByAdministration.get(kind.administration)?.push(unit);
    teamParents.push({ unit, names: random.shuffle(kind.teams) });
  }
  // Teams go where there is room; departments and institutions run out of team names in turn.
  const teamTarget = Math.max(0, target - units.length);
  const parentWeights: Weighted<number>[] = teamParents.map((p, i) => [
    i,
    p.unit.level === 'department' ? 3 : 1,
  ]);
  for (let i = 0; i < teamTarget; i++) {
    const parent = teamParents[random.weighted(parentWeights)] as (typeof teamParents)[number];
    const name = parent.names.pop();
    if (!name) continue;
    add(
      { name, parent: parent.unit, administration: parent.unit.administration, level: 'team' },
      false,
    );
  }
  const unitsByAdministration = new Map<AdministrationKey, PlannedUnit[]>(
    ADMINISTRATION_KEYS.map((k) => [k, []]),
  );
  for (const unit of units) {
    if (unit.administration) unitsByAdministration.get(unit.administration)?.push(unit);
  }
  return {
    units,
    root,
    ownersByAdministration,
    unitsByAdministration,
    itDepartment: departments.get('IT-drift') as PlannedUnit,
  };
}
