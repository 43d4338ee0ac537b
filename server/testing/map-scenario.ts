import { LandscapeBuilder, type Landscape, type NodeInput } from '../model/landscape.ts';

/**
 * A small named landscape for the map analyses (neighbourhood, search, whoUses), built so that
 * every answer can be worked out by hand:
 *
 * - Three municipalities: Aarby, Askov and Borup (Danish collation sorts "Aa" as "Å", last).
 * - Two suppliers: Nordlys Data A/S (rights holder of both Akta ESDH and Fagsystem Sygedagpenge)
 *   and Sydkyst IT ApS.
 * - Catalogue: Akta ESDH (interface "Akta Sag REST" carrying "Sag", KLE subject 27.24.00, the
 *   component "Sags- og dokumentindeks"), Fagsystem Sygedagpenge (also on 27.24.00), Kroner
 *   Økonomi, and for search ranking "ESDH", "ESDH Light" and "Mesdhi Arkiv". KLE 27 → 27.24 →
 *   27.24.00 / 27.24.02, and 27 → 27.02.
 * - Aarby uses Akta ESDH (operational, sensitive data, main contract con-aarby-esdh from
 *   Nordlys), Kroner Økonomi as "Økonomi" (operational) and Fagsystem Sygedagpenge (phasing out);
 *   both Økonomi and the Fagsystem use Akta ESDH (relations).
 * - Borup uses Akta ESDH (phasing in, no main contract, covered by an old Nordlys contract and a
 *   current Sydkyst one) and Kroner Økonomi, which uses Akta ESDH; its "Økonomiafdelingen" unit.
 * - Askov uses Akta ESDH (not in use, no contract).
 */
export function buildMapScenario(): Landscape {
  const b = new LandscapeBuilder();
  const municipality = (id: string, name: string, code: number) =>
    b.node('Organization', { id, name, kind: 'MUNICIPALITY', municipalityCode: code });
  municipality('org-aarby', 'Aarby Kommune', 901);
  municipality('org-askov', 'Askov Kommune', 902);
  municipality('org-borup', 'Borup Kommune', 903);
  b.node('Organization', { id: 'org-nordlys', name: 'Nordlys Data A/S', kind: 'SUPPLIER' });
  b.node('Organization', { id: 'org-sydkyst', name: 'Sydkyst IT ApS', kind: 'SUPPLIER' });

  b.node('Task', { id: 'task-27', number: '27', title: 'Arbejdsmarked', level: 'MAIN_GROUP' });
  b.node('Task', { id: 'task-27-02', number: '27.02', title: 'Jobcentre', level: 'GROUP' });
  b.node('Task', { id: 'task-27-24', number: '27.24', title: 'Sygedagpenge', level: 'GROUP' });
  b.node('Task', {
    id: 'task-27-24-00',
    number: '27.24.00',
    title: 'Sygedagpenge i almindelighed',
    level: 'SUBJECT',
  });
  b.node('Task', { id: 'task-27-24-02', number: '27.24.02', title: 'Refusion', level: 'SUBJECT' });
  b.relate('SUBTASK_OF', 'task-27-02', 'task-27');
  b.relate('SUBTASK_OF', 'task-27-24', 'task-27');
  b.relate('SUBTASK_OF', 'task-27-24-00', 'task-27-24');
  b.relate('SUBTASK_OF', 'task-27-24-02', 'task-27-24');

  b.node('DataType', { id: 'dt-sag', name: 'Sag' });
  b.node('ArchitectureComponent', {
    id: 'ac-sdi',
    name: 'Sags- og dokumentindeks',
    kind: 'SUPPORT_SYSTEM',
  });

  b.node('System', { id: 'sys-esdh', name: 'Akta ESDH', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-fag', name: 'Fagsystem Sygedagpenge', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-oko', name: 'Kroner Økonomi', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-esdh-plain', name: 'ESDH', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-esdh-light', name: 'ESDH Light', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-mesdhi', name: 'Mesdhi Arkiv', scope: 'PUBLIC' });
  b.node('Interface', { id: 'if-esdh-sag', name: 'Akta Sag REST', technology: 'WS REST' });
  b.relate('EXPOSES', 'sys-esdh', 'if-esdh-sag');
  b.relate('CARRIES', 'if-esdh-sag', 'dt-sag');
  b.relate('SUPPORTS', 'sys-esdh', 'task-27-24-00');
  b.relate('SUPPORTS', 'sys-fag', 'task-27-24-00');
  b.relate('RIGHTS_HOLDER', 'sys-esdh', 'org-nordlys');
  b.relate('RIGHTS_HOLDER', 'sys-fag', 'org-nordlys');
  b.relate('USES_COMPONENT', 'sys-esdh', 'ac-sdi');

  b.node('OrgUnit', {
    id: 'unit-aarby-it',
    municipalityId: 'org-aarby',
    name: 'IT og Digitalisering',
  });
  b.node('OrgUnit', {
    id: 'unit-borup-oko',
    municipalityId: 'org-borup',
    name: 'Økonomiafdelingen',
  });
  b.relate('UNIT_OF', 'unit-aarby-it', 'org-aarby');
  b.relate('UNIT_OF', 'unit-borup-oko', 'org-borup');

  const usage = (
    id: string,
    municipalityId: string,
    system: string,
    fields: Omit<NodeInput<'Usage'>, 'id' | 'municipalityId'>,
  ) => {
    b.node('Usage', { id, municipalityId, ...fields });
    b.relate('INSTANCE_OF', id, system);
    b.relate('BELONGS_TO', id, municipalityId);
  };
  usage('use-aarby-esdh', 'org-aarby', 'sys-esdh', {
    lifecycle: 'OPERATIONAL',
    personalData: 'SENSITIVE_DATA',
  });
  usage('use-aarby-oko', 'org-aarby', 'sys-oko', {
    lifecycle: 'OPERATIONAL',
    localName: 'Økonomi',
    personalData: 'PERSONAL_DATA',
  });
  usage('use-aarby-fag', 'org-aarby', 'sys-fag', {
    lifecycle: 'PHASING_OUT',
    personalData: 'NONE',
  });
  usage('use-askov-esdh', 'org-askov', 'sys-esdh', { lifecycle: 'NOT_IN_USE' });
  usage('use-borup-esdh', 'org-borup', 'sys-esdh', { lifecycle: 'PHASING_IN' });
  usage('use-borup-oko', 'org-borup', 'sys-oko', { lifecycle: 'OPERATIONAL' });
  b.relate('USED_BY', 'use-aarby-esdh', 'unit-aarby-it');

  const relation = (id: string, municipalityId: string, from: string, to: string) => {
    b.node('Relation', { id, municipalityId, frequency: 'Dagligt' });
    b.relate('FROM_USAGE', id, from);
    b.relate('TO_USAGE', id, to);
  };
  relation('rel-aarby-oko-esdh', 'org-aarby', 'use-aarby-oko', 'use-aarby-esdh');
  relation('rel-aarby-fag-esdh', 'org-aarby', 'use-aarby-fag', 'use-aarby-esdh');
  relation('rel-borup-oko-esdh', 'org-borup', 'use-borup-oko', 'use-borup-esdh');
  b.relate('VIA', 'rel-aarby-oko-esdh', 'if-esdh-sag');

  const contract = (
    id: string,
    municipalityId: string,
    supplier: string,
    covers: string[],
    fields: Omit<NodeInput<'Contract'>, 'id' | 'municipalityId'>,
  ) => {
    b.node('Contract', { id, municipalityId, ...fields });
    b.relate('BELONGS_TO', id, municipalityId);
    b.relate('SUPPLIED_BY', id, supplier);
    for (const usageId of covers) b.relate('COVERS', id, usageId);
  };
  contract('con-aarby-esdh', 'org-aarby', 'org-nordlys', ['use-aarby-esdh', 'use-aarby-oko'], {
    name: 'ESDH-kontrakt 2019',
    contractNumber: 'AAR-2019-017',
    validFrom: '2019-03-01',
    validTo: '2027-02-28',
    noticeMonths: 6,
    procurementStrategy: 'EU udbud',
  });
  b.relate('MAIN_CONTRACT', 'use-aarby-esdh', 'con-aarby-esdh');
  b.relate('GOVERNS', 'con-aarby-esdh', 'rel-aarby-oko-esdh');
  contract('con-aarby-fag', 'org-aarby', 'org-sydkyst', ['use-aarby-fag'], {
    name: 'Sygedagpenge-aftale',
    ongoing: true,
    noticeMonths: 3,
  });
  contract('con-borup-esdh-old', 'org-borup', 'org-nordlys', ['use-borup-esdh'], {
    name: 'ESDH Borup (gammel)',
    contractNumber: 'ESDH-B-2015',
    validTo: '2024-12-31',
  });
  contract('con-borup-esdh', 'org-borup', 'org-sydkyst', ['use-borup-esdh'], {
    name: 'ESDH Borup',
    validFrom: '2022-01-01',
    validTo: '2026-09-30',
    procurementStrategy: 'SKI - mini-udbud',
  });
  contract('con-borup-oko', 'org-borup', 'org-nordlys', ['use-borup-oko'], {
    name: 'Økonomiaftale',
    contractNumber: 'BOR-7',
  });

  b.node('DataProcessing', {
    id: 'dpr-aarby-esdh',
    municipalityId: 'org-aarby',
    name: 'Databehandling ESDH',
  });
  b.relate('BELONGS_TO', 'dpr-aarby-esdh', 'org-aarby');
  b.relate('COVERS', 'dpr-aarby-esdh', 'use-aarby-esdh');
  b.relate('PROCESSOR', 'dpr-aarby-esdh', 'org-nordlys');
  return b.build();
}
