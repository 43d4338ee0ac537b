import { LandscapeBuilder, type Landscape, type NodeInput } from '../model/landscape.ts';

/** The as-of date the blast-radius scenario's answers are worked out for. */
export const SCENARIO_AS_OF = '2026-03-01';

/**
 * A hand-built landscape for the blast-radius and deadline analyses, with answers known at
 * {@link SCENARIO_AS_OF}. Aarby (org-aarby) uses, through relations ("A → B": A uses B):
 *
 *   portal → esdh, oko → esdh (governed by con-aarby-esdh), arkiv → esdh, arkiv → portal,
 *   bi → portal, portal → bi (a cycle), hr → bi, loen → hr, oko → dok (governed by con-aarby-esdh)
 *
 * so with con-aarby-esdh ending, esdh is LOST (its main contract), oko DEGRADED (con-aarby-oko
 * remains) and depending on esdh, dok DEGRADED (the terminated con-aarby-term still runs; the
 * expired con-aarby-old does not count), and the dependents are portal and arkiv (depth 1), bi (2),
 * hr (3) and loen (4). mail shares the municipality, the supplier Nordlys, the KLE task, the data
 * type Sag, the architecture component and an org unit with esdh, and depends on nothing.
 * Borup (org-borup) has its own ESDH usage under a Nordlys contract, used by its portal, and three
 * contracts whose decide-by dates tie. Contract dates at 2026-03-01 (decide-by / status at 6 months):
 *   con-aarby-esdh 2025-06-30 OVERDUE, con-aarby-term 2025-07-15 OVERDUE (terminated 2026-01-15),
 *   con-aarby-drift 2025-11-30 OVERDUE (ongoing, 3 months to quarter end), con-aarby-mail 2026-08-31
 *   DUE, con-aarby-oko 2029-06-30 LATER, con-aarby-ny 2030-04-30 LATER (not yet started),
 *   con-aarby-ukendt UNKNOWN (ongoing, no notice period), con-aarby-old expired (not listed);
 *   con-borup-esdh 2026-06-30 DUE, con-borup-3 / con-borup-2 / con-borup-1 2027-09-30 LATER.
 */
export function buildBlastRadiusScenario(): Landscape {
  const b = new LandscapeBuilder();
  b.node('Organization', { id: 'org-aarby', name: 'Aarby Kommune', kind: 'MUNICIPALITY' });
  b.node('Organization', { id: 'org-borup', name: 'Borup Kommune', kind: 'MUNICIPALITY' });
  b.node('Organization', { id: 'org-nordlys', name: 'Nordlys Data A/S', kind: 'SUPPLIER' });
  b.node('Organization', { id: 'org-sydkyst', name: 'Sydkyst IT ApS', kind: 'SUPPLIER' });

  b.node('Task', { id: 'task-00', number: '00', title: 'Kommunens styrelse', level: 'MAIN_GROUP' });
  b.node('Task', { id: 'task-00-05', number: '00.05', title: 'Sagsbehandling', level: 'GROUP' });
  b.relate('SUBTASK_OF', 'task-00-05', 'task-00');
  b.node('Task', { id: 'task-27', number: '27', title: 'Arbejdsmarked', level: 'MAIN_GROUP' });
  b.node('Task', { id: 'task-27-24', number: '27.24', title: 'Borgerservice', level: 'GROUP' });
  b.relate('SUBTASK_OF', 'task-27-24', 'task-27');
  b.node('DataType', { id: 'dt-sag', name: 'Sag' });
  b.node('ArchitectureComponent', {
    id: 'ac-sdi',
    name: 'Sags- og dokumentindeks',
    kind: 'SUPPORT_SYSTEM',
  });

  const systems = [
    ['sys-esdh', 'Akta ESDH'],
    ['sys-oko', 'Kroner Økonomi'],
    ['sys-portal', 'Borgerportal'],
    ['sys-arkiv', 'Arkivsystem'],
    ['sys-bi', 'Ledelsesinformation'],
    ['sys-hr', 'Personalesystem'],
    ['sys-loen', 'Lønsystem'],
    ['sys-dok', 'Dokumentboks'],
    ['sys-mail', 'Sikker Post'],
  ] as const;
  for (const [id, name] of systems) b.node('System', { id, name, scope: 'PUBLIC' });
  b.node('Interface', { id: 'if-esdh-sag', name: 'Akta Sag REST', technology: 'WS REST' });
  b.node('Interface', { id: 'if-mail', name: 'Sikker Post SOAP', technology: 'WS SOAP' });
  b.relate('EXPOSES', 'sys-esdh', 'if-esdh-sag');
  b.relate('EXPOSES', 'sys-mail', 'if-mail');
  b.relate('CARRIES', 'if-esdh-sag', 'dt-sag');
  b.relate('CARRIES', 'if-mail', 'dt-sag');
  b.relate('SUPPORTS', 'sys-esdh', 'task-00-05');
  b.relate('SUPPORTS', 'sys-oko', 'task-00-05');
  b.relate('SUPPORTS', 'sys-mail', 'task-00-05');
  b.relate('RIGHTS_HOLDER', 'sys-esdh', 'org-nordlys');
  b.relate('RIGHTS_HOLDER', 'sys-mail', 'org-nordlys');
  b.relate('USES_COMPONENT', 'sys-esdh', 'ac-sdi');
  b.relate('USES_COMPONENT', 'sys-mail', 'ac-sdi');

  for (const [id, name] of [
    ['unit-aarby-it', 'IT og Digitalisering'],
    ['unit-aarby-sag', 'Sagsbehandling'],
    ['unit-aarby-borger', 'Borgerservice'],
    ['unit-aarby-hr', 'HR'],
  ] as const) {
    b.node('OrgUnit', { id, municipalityId: 'org-aarby', name });
    b.relate('UNIT_OF', id, 'org-aarby');
  }

  const usage = (
    municipality: 'aarby' | 'borup',
    name: string,
    personalData?: 'NONE' | 'PERSONAL_DATA' | 'SENSITIVE_DATA' | 'LEGAL_DATA',
  ) => {
    const id = `use-${municipality}-${name}`;
    b.node('Usage', {
      id,
      municipalityId: `org-${municipality}`,
      lifecycle: 'OPERATIONAL',
      ...(personalData ? { personalData } : {}),
    });
    b.relate('INSTANCE_OF', id, `sys-${name}`);
    b.relate('BELONGS_TO', id, `org-${municipality}`);
    return id;
  };
  usage('aarby', 'esdh', 'SENSITIVE_DATA');
  usage('aarby', 'oko', 'PERSONAL_DATA');
  usage('aarby', 'portal', 'NONE');
  usage('aarby', 'arkiv');
  usage('aarby', 'bi');
  usage('aarby', 'hr', 'LEGAL_DATA');
  usage('aarby', 'loen', 'LEGAL_DATA');
  usage('aarby', 'dok');
  usage('aarby', 'mail', 'LEGAL_DATA');
  usage('borup', 'esdh', 'PERSONAL_DATA');
  usage('borup', 'portal');
  b.relate('USED_BY', 'use-aarby-esdh', 'unit-aarby-sag');
  b.relate('RESPONSIBLE', 'use-aarby-esdh', 'unit-aarby-it');
  b.relate('USED_BY', 'use-aarby-portal', 'unit-aarby-borger');
  b.relate('USED_BY', 'use-aarby-hr', 'unit-aarby-hr');
  b.relate('USED_BY', 'use-aarby-loen', 'unit-aarby-hr');
  b.relate('USED_BY', 'use-aarby-mail', 'unit-aarby-sag');
  b.relate('ADDS_TASK', 'use-aarby-portal', 'task-27-24');
  b.relate('OPTS_OUT_TASK', 'use-aarby-oko', 'task-00-05');
  b.relate('USES_COMPONENT', 'use-aarby-esdh', 'ac-sdi');
  b.relate('USES_COMPONENT', 'use-aarby-mail', 'ac-sdi');

  const contract = (
    id: string,
    municipality: 'aarby' | 'borup',
    supplier: string,
    terms: Omit<NodeInput<'Contract'>, 'id' | 'municipalityId'>,
    covers: string[],
  ) => {
    b.node('Contract', { id, municipalityId: `org-${municipality}`, ...terms });
    b.relate('BELONGS_TO', id, `org-${municipality}`);
    b.relate('SUPPLIED_BY', id, supplier);
    for (const covered of covers) b.relate('COVERS', id, covered);
  };
  contract(
    'con-aarby-esdh',
    'aarby',
    'org-nordlys',
    {
      name: 'ESDH-kontrakt 2019',
      validFrom: '2019-03-01',
      validTo: '2027-02-28',
      noticeMonths: 6,
      noticeByEndOf: 'QUARTER',
      extensionOption: '2 x 1 år',
      extensionsUsed: 1,
      procurementStrategy: 'EU udbud',
    },
    ['use-aarby-esdh', 'use-aarby-oko', 'use-aarby-dok'],
  );
  contract(
    'con-aarby-oko',
    'aarby',
    'org-sydkyst',
    { name: 'Økonomiaftale', validFrom: '2020-01-01', validTo: '2029-12-31' },
    ['use-aarby-oko'],
  );
  contract(
    'con-aarby-drift',
    'aarby',
    'org-nordlys',
    {
      name: 'Driftsaftale portal',
      validFrom: '2021-01-01',
      ongoing: true,
      noticeMonths: 3,
      noticeByEndOf: 'QUARTER',
      procurementStrategy: 'SKI - mini-udbud',
    },
    ['use-aarby-portal'],
  );
  contract(
    'con-aarby-term',
    'aarby',
    'org-sydkyst',
    {
      name: 'Dokumentboks (opsagt)',
      validFrom: '2018-01-01',
      validTo: '2028-12-31',
      noticeMonths: 3,
      noticeByEndOf: 'MONTH',
      terminatedAt: '2026-01-15',
    },
    ['use-aarby-dok'],
  );
  contract(
    'con-aarby-old',
    'aarby',
    'org-sydkyst',
    { name: 'Gammel dokumentaftale', validFrom: '2015-01-01', validTo: '2025-12-31' },
    ['use-aarby-dok'],
  );
  contract(
    'con-aarby-mail',
    'aarby',
    'org-nordlys',
    {
      name: 'Sikker Post',
      validFrom: '2022-01-01',
      validTo: '2026-12-31',
      procurementStrategy: 'SKI - mini-udbud',
    },
    ['use-aarby-mail'],
  );
  contract(
    'con-aarby-ny',
    'aarby',
    'org-sydkyst',
    {
      name: 'Ny lønaftale',
      validFrom: '2026-06-01',
      validTo: '2030-05-31',
      procurementStrategy: 'Direkte tildeling',
    },
    ['use-aarby-loen'],
  );
  contract(
    'con-aarby-ukendt',
    'aarby',
    'org-sydkyst',
    { name: 'Rammeaftale uden opsigelse', validFrom: '2020-01-01', ongoing: true },
    [],
  );
  contract(
    'con-borup-esdh',
    'borup',
    'org-nordlys',
    {
      name: 'Borup ESDH',
      validFrom: '2020-07-01',
      validTo: '2027-06-30',
      procurementStrategy: 'EU udbud',
    },
    ['use-borup-esdh'],
  );
  contract(
    'con-borup-1',
    'borup',
    'org-sydkyst',
    { name: 'Beta-aftale', validFrom: '2021-01-01', validTo: '2028-03-31' },
    ['use-borup-portal'],
  );
  contract(
    'con-borup-2',
    'borup',
    'org-sydkyst',
    { name: 'Alfa-aftale', validFrom: '2021-01-01', validTo: '2028-03-31' },
    [],
  );
  contract(
    'con-borup-3',
    'borup',
    'org-sydkyst',
    {
      name: 'Cirkus-aftale',
      validFrom: '2021-01-01',
      validTo: '2028-01-31',
      procurementStrategy: 'SKI - mini-udbud',
    },
    [],
  );
  b.relate('MAIN_CONTRACT', 'use-aarby-esdh', 'con-aarby-esdh');
  b.relate('MAIN_CONTRACT', 'use-aarby-oko', 'con-aarby-oko');
  b.relate('MAIN_CONTRACT', 'use-aarby-portal', 'con-aarby-drift');
  b.relate('MAIN_CONTRACT', 'use-aarby-mail', 'con-aarby-mail');
  b.relate('MAIN_CONTRACT', 'use-borup-esdh', 'con-borup-esdh');

  const relation = (municipality: 'aarby' | 'borup', from: string, to: string, via?: string) => {
    const id = `rel-${municipality}-${from}-${to}`;
    b.node('Relation', { id, municipalityId: `org-${municipality}` });
    b.relate('FROM_USAGE', id, `use-${municipality}-${from}`);
    b.relate('TO_USAGE', id, `use-${municipality}-${to}`);
    if (via) b.relate('VIA', id, via);
    return id;
  };
  relation('aarby', 'portal', 'esdh', 'if-esdh-sag');
  relation('aarby', 'oko', 'esdh', 'if-esdh-sag');
  relation('aarby', 'arkiv', 'esdh');
  relation('aarby', 'arkiv', 'portal');
  relation('aarby', 'bi', 'portal');
  relation('aarby', 'portal', 'bi');
  relation('aarby', 'hr', 'bi');
  relation('aarby', 'loen', 'hr');
  relation('aarby', 'oko', 'dok');
  relation('borup', 'portal', 'esdh', 'if-esdh-sag');
  b.relate('GOVERNS', 'con-aarby-esdh', 'rel-aarby-oko-esdh');
  b.relate('GOVERNS', 'con-aarby-esdh', 'rel-aarby-oko-dok');

  const registration = (id: string, covers: string[], mainContract?: string) => {
    b.node('DataProcessing', { id, municipalityId: 'org-aarby', name: id });
    b.relate('BELONGS_TO', id, 'org-aarby');
    for (const covered of covers) b.relate('COVERS', id, covered);
    if (mainContract) b.relate('MAIN_CONTRACT', id, mainContract);
  };
  registration('dpr-aarby-esdh', ['use-aarby-esdh'], 'con-aarby-esdh');
  registration('dpr-aarby-oko', ['use-aarby-oko']);
  registration('dpr-aarby-hr', ['use-aarby-hr']);
  registration('dpr-aarby-mail', ['use-aarby-mail'], 'con-aarby-mail');
  registration('dpr-aarby-journal', [], 'con-aarby-esdh');
  return b.build();
}
