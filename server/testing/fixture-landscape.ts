import { LandscapeBuilder, type Landscape } from '../model/landscape.ts';

/**
 * A tiny named landscape for store and API tests: two municipalities (Aarby and Borup) sharing
 * a catalogue with an ESDH system, a finance system and an integration, a supplier, contracts
 * (one covering two usages, one sub-contract), a relation and a data-processing registration.
 */
export function buildFixtureLandscape(): Landscape {
  const b = new LandscapeBuilder();
  b.node('Organization', {
    id: 'org-aarby',
    name: 'Aarby Kommune',
    kind: 'MUNICIPALITY',
    municipalityCode: 901,
  });
  b.node('Organization', {
    id: 'org-borup',
    name: 'Borup Kommune',
    kind: 'MUNICIPALITY',
    municipalityCode: 902,
  });
  b.node('Organization', {
    id: 'org-nordlys',
    name: 'Nordlys Data A/S',
    kind: 'SUPPLIER',
    cvr: '12345678',
  });
  b.node('Task', { id: 'task-00', number: '00', title: 'Kommunens styrelse', level: 'MAIN_GROUP' });
  b.node('Task', { id: 'task-00-05', number: '00.05', title: 'Gruppe 00.05', level: 'GROUP' });
  b.relate('SUBTASK_OF', 'task-00-05', 'task-00');
  b.node('DataType', { id: 'dt-sag', name: 'Sag' });
  b.node('ArchitectureComponent', {
    id: 'ac-sdi',
    name: 'Sags- og dokumentindeks',
    kind: 'SUPPORT_SYSTEM',
  });
  b.node('System', {
    id: 'sys-esdh',
    name: 'Akta ESDH',
    scope: 'PUBLIC',
    businessType: 'ESDH og Journalisering',
    disabled: false,
  });
  b.node('System', { id: 'sys-oko', name: 'Kroner Økonomi', scope: 'PUBLIC' });
  b.node('Interface', {
    id: 'if-esdh-sag',
    name: 'Akta Sag REST',
    technology: 'WS REST',
    version: '2.1',
  });
  b.relate('EXPOSES', 'sys-esdh', 'if-esdh-sag');
  b.relate('CARRIES', 'if-esdh-sag', 'dt-sag');
  b.relate('SUPPORTS', 'sys-esdh', 'task-00-05');
  b.relate('RIGHTS_HOLDER', 'sys-esdh', 'org-nordlys');
  b.relate('USES_COMPONENT', 'sys-esdh', 'ac-sdi');
  b.node('OrgUnit', {
    id: 'unit-aarby',
    municipalityId: 'org-aarby',
    name: 'Aarby Kommune',
    ean: '5798000000001',
  });
  b.node('OrgUnit', {
    id: 'unit-aarby-it',
    municipalityId: 'org-aarby',
    name: 'IT og Digitalisering',
  });
  b.relate('UNIT_OF', 'unit-aarby', 'org-aarby');
  b.relate('UNIT_OF', 'unit-aarby-it', 'org-aarby');
  b.relate('PART_OF', 'unit-aarby-it', 'unit-aarby');
  b.node('Usage', {
    id: 'use-aarby-esdh',
    municipalityId: 'org-aarby',
    lifecycle: 'OPERATIONAL',
    validFrom: '2019-03-01',
    personalData: 'SENSITIVE_DATA',
    businessCritical: true,
  });
  b.node('Usage', {
    id: 'use-aarby-oko',
    municipalityId: 'org-aarby',
    localName: 'Økonomi',
    lifecycle: 'OPERATIONAL',
  });
  b.node('Usage', { id: 'use-borup-esdh', municipalityId: 'org-borup', lifecycle: 'PHASING_OUT' });
  b.relate('INSTANCE_OF', 'use-aarby-esdh', 'sys-esdh');
  b.relate('INSTANCE_OF', 'use-aarby-oko', 'sys-oko');
  b.relate('INSTANCE_OF', 'use-borup-esdh', 'sys-esdh');
  b.relate('BELONGS_TO', 'use-aarby-esdh', 'org-aarby');
  b.relate('BELONGS_TO', 'use-aarby-oko', 'org-aarby');
  b.relate('BELONGS_TO', 'use-borup-esdh', 'org-borup');
  b.relate('USED_BY', 'use-aarby-esdh', 'unit-aarby-it');
  b.relate('RESPONSIBLE', 'use-aarby-esdh', 'unit-aarby-it');
  b.relate('USES_COMPONENT', 'use-aarby-esdh', 'ac-sdi');
  b.node('Contract', {
    id: 'con-aarby-esdh',
    municipalityId: 'org-aarby',
    name: 'ESDH-kontrakt 2019',
    validFrom: '2019-03-01',
    validTo: '2027-02-28',
    noticeMonths: 6,
    noticeByEndOf: 'QUARTER',
    extensionOption: '2 x 1 år',
    extensionsUsed: 1,
    procurementStrategy: 'EU udbud',
    yearlyOperationCost: 1250000.5,
    enforcedValid: false,
  });
  b.node('Contract', {
    id: 'con-aarby-drift',
    municipalityId: 'org-aarby',
    name: 'Driftsaftale',
    ongoing: true,
    noticeMonths: 3,
    requireValidParent: true,
  });
  b.relate('SUB_CONTRACT_OF', 'con-aarby-drift', 'con-aarby-esdh');
  b.relate('COVERS', 'con-aarby-esdh', 'use-aarby-esdh');
  b.relate('COVERS', 'con-aarby-esdh', 'use-aarby-oko');
  b.relate('SUPPLIED_BY', 'con-aarby-esdh', 'org-nordlys');
  b.relate('BELONGS_TO', 'con-aarby-esdh', 'org-aarby');
  b.relate('MAIN_CONTRACT', 'use-aarby-esdh', 'con-aarby-esdh');
  b.node('Relation', { id: 'rel-oko-esdh', municipalityId: 'org-aarby', frequency: 'Dagligt' });
  b.relate('FROM_USAGE', 'rel-oko-esdh', 'use-aarby-oko');
  b.relate('TO_USAGE', 'rel-oko-esdh', 'use-aarby-esdh');
  b.relate('VIA', 'rel-oko-esdh', 'if-esdh-sag');
  b.relate('GOVERNS', 'con-aarby-esdh', 'rel-oko-esdh');
  b.node('DataProcessing', {
    id: 'dpr-aarby-esdh',
    municipalityId: 'org-aarby',
    name: 'Databehandling ESDH',
    agreementConcluded: 'YES',
  });
  b.relate('COVERS', 'dpr-aarby-esdh', 'use-aarby-esdh');
  b.relate('PROCESSOR', 'dpr-aarby-esdh', 'org-nordlys');
  b.relate('MAIN_CONTRACT', 'dpr-aarby-esdh', 'con-aarby-esdh');
  return b.build();
}
