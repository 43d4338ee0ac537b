import { LandscapeBuilder, type Landscape } from '../model/landscape.ts';

/**
 * Four municipalities with the same landscape and one shared catalogue, for access tests. Aarby
 * is the viewer's own; Borup shares NONE, Cedby LANDSCAPE, Dalby FULL ({@link ACCESS_SHARING}).
 * Every private value carries its municipality's letter (`SECRET-B`, `b-lokal`, cost 2000.5 for
 * Borup …) so a test can look for it anywhere in an answer.
 */
export const ACCESS_MUNICIPALITIES = ['a', 'b', 'c', 'd'] as const;
export type AccessLetter = (typeof ACCESS_MUNICIPALITIES)[number];

const NAMES: Record<AccessLetter, string> = {
  a: 'Aarby',
  b: 'Borup',
  c: 'Cedby',
  d: 'Dalby',
};

/** The access file's sharing section for this scenario. */
export const ACCESS_SHARING = { 'org-b': 'none', 'org-c': 'landscape', 'org-d': 'full' } as const;

/** The acquisition cost of each municipality's contract: a value found nowhere else. */
export function secretCost(letter: AccessLetter): number {
  return 1000 + ACCESS_MUNICIPALITIES.indexOf(letter) * 1000 + 0.5;
}

export function buildAccessLandscape(): Landscape {
  const b = new LandscapeBuilder();
  b.node('Organization', { id: 'org-s', name: 'Leverandøren A/S', kind: 'SUPPLIER' });
  b.node('Task', { id: 'task-27', number: '27', title: 'Arbejdsmarked', level: 'MAIN_GROUP' });
  b.node('System', { id: 'sys-esdh', name: 'Fælles ESDH', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-oko', name: 'Fælles Økonomi', scope: 'PUBLIC' });
  b.node('Interface', { id: 'if-sag', name: 'Sag REST' });
  b.relate('EXPOSES', 'sys-esdh', 'if-sag');
  b.relate('SUPPORTS', 'sys-esdh', 'task-27');
  for (const [i, x] of ACCESS_MUNICIPALITIES.entries()) {
    const org = `org-${x}`;
    b.node('Organization', {
      id: org,
      name: `${NAMES[x]} Kommune`,
      kind: 'MUNICIPALITY',
      municipalityCode: 900 + i,
    });
    b.node('OrgUnit', { id: `unit-${x}`, municipalityId: org, name: `${x}-enhed` });
    b.relate('UNIT_OF', `unit-${x}`, org);
    b.node('Usage', {
      id: `use-${x}-esdh`,
      municipalityId: org,
      localName: `${x}-lokal ESDH`,
      lifecycle: 'OPERATIONAL',
      personalData: 'SENSITIVE_DATA',
      criticality: 'HIGH',
    });
    b.node('Usage', {
      id: `use-${x}-oko`,
      municipalityId: org,
      localName: `${x}-lokal økonomi`,
      lifecycle: 'OPERATIONAL',
    });
    for (const use of [`use-${x}-esdh`, `use-${x}-oko`]) {
      b.relate('BELONGS_TO', use, org);
      b.relate('USED_BY', use, `unit-${x}`);
      b.relate('RESPONSIBLE', use, `unit-${x}`);
    }
    b.relate('INSTANCE_OF', `use-${x}-esdh`, 'sys-esdh');
    b.relate('INSTANCE_OF', `use-${x}-oko`, 'sys-oko');
    b.relate('ADDS_TASK', `use-${x}-oko`, 'task-27');
    b.node('Contract', {
      id: `con-${x}`,
      municipalityId: org,
      name: `${x}-kontrakt ESDH`,
      contractNumber: `SECRET-${x.toUpperCase()}`,
      validFrom: '2022-01-01',
      validTo: '2029-06-30',
      noticeMonths: 3,
      procurementStrategy: 'EU udbud',
      purchaseForm: `${x}-indkøbsform`,
      acquisitionCost: secretCost(x),
      yearlyOperationCost: secretCost(x) + 1,
    });
    b.relate('BELONGS_TO', `con-${x}`, org);
    b.relate('SUPPLIED_BY', `con-${x}`, 'org-s');
    b.relate('COVERS', `con-${x}`, `use-${x}-esdh`);
    b.relate('MAIN_CONTRACT', `use-${x}-esdh`, `con-${x}`);
    b.node('Relation', {
      id: `rel-${x}`,
      municipalityId: org,
      frequency: 'Dagligt',
      description: `${x}-integration`,
    });
    b.relate('FROM_USAGE', `rel-${x}`, `use-${x}-oko`);
    b.relate('TO_USAGE', `rel-${x}`, `use-${x}-esdh`);
    b.relate('VIA', `rel-${x}`, 'if-sag');
    b.relate('GOVERNS', `con-${x}`, `rel-${x}`);
    b.node('DataProcessing', {
      id: `dp-${x}`,
      municipalityId: org,
      name: `${x}-databehandling`,
      agreementConcluded: 'YES',
    });
    b.relate('BELONGS_TO', `dp-${x}`, org);
    b.relate('COVERS', `dp-${x}`, `use-${x}-esdh`);
    b.relate('PROCESSOR', `dp-${x}`, 'org-s');
  }
  return b.build();
}
