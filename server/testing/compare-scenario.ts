import { LandscapeBuilder, type Landscape } from '../model/landscape.ts';
import type { Lifecycle } from '../model/model-types.ts';

/**
 * Three municipalities with known overlaps, for the comparison and data-quality analyses and their
 * API tests. At asOf 2025-01-01 with the default lifecycles:
 * - systems: Aarby {ESDH, Økonomi, Løn, HR} (its BI usage is NOT_IN_USE), Borup {ESDH, Økonomi,
 *   Sag, BI}, Carlby {ESDH, Sag}: Aarby–Borup share 2 of 6 (Jaccard 1/3);
 * - KLE main groups (effective tasks): 00 Aarby {ESDH} (its Økonomi usage opts out of 00.30),
 *   Borup {ESDH, Økonomi}; 81 Aarby {Løn, HR, Økonomi}, Borup {Økonomi} (both usages of Økonomi
 *   add 81.05); 27 Borup {Sag}, Carlby {Sag};
 * - suppliers: Aarby {Nordlys, Sydvest, Østkyst}, Borup {Nordlys, Vestdata}, Carlby {Nordlys};
 * - integration patterns: Økonomi → ESDH in Aarby and Borup; Løn → Økonomi only in Aarby (and BI →
 *   ESDH there through a NOT_IN_USE usage); Sag → ESDH in Borup and Carlby;
 * - decide-by dates (EU udbud, 12 months' lead): ESDH Aarby 2025-06-30, Borup 2025-09-30, Carlby
 *   2025-08-31; Økonomi Aarby 2027-11-30 (direkte tildeling), Borup 2025-03-31; Aarby's HR
 *   contract 2024-03-31 (passed); Borup's Sag contract unknown (no end date).
 * Relations without an interface: Løn → Økonomi and BI → ESDH (Aarby), Sag → ESDH (Borup, Carlby).
 */
export function buildCompareScenario(): Landscape {
  const b = new LandscapeBuilder();
  const municipality = (id: string, name: string, code: number): void => {
    b.node('Organization', { id, name, kind: 'MUNICIPALITY', municipalityCode: code });
  };
  municipality('org-aarby', 'Aarby Kommune', 901);
  municipality('org-borup', 'Borup Kommune', 902);
  municipality('org-carlby', 'Carlby Kommune', 903);
  for (const [id, name] of [
    ['org-nordlys', 'Nordlys Data A/S'],
    ['org-sydvest', 'Sydvest IT ApS'],
    ['org-ostkyst', 'Østkyst Løn A/S'],
    ['org-vestdata', 'Vestdata A/S'],
  ] as const) {
    b.node('Organization', { id, name, kind: 'SUPPLIER' });
  }

  const task = (id: string, number: string, title: string, parent?: string): void => {
    const level = number.length === 2 ? 'MAIN_GROUP' : number.length === 5 ? 'GROUP' : 'SUBJECT';
    b.node('Task', { id, number, title, level });
    if (parent) b.relate('SUBTASK_OF', id, parent);
  };
  task('task-00', '00', 'Kommunens styrelse');
  task('task-00-05', '00.05', 'Besøg, repræsentation mv.', 'task-00');
  task('task-00-30', '00.30', 'Kommunens økonomi', 'task-00');
  task('task-27', '27', 'Social service');
  task('task-27-24', '27.24', 'Børn og unge', 'task-27');
  task('task-27-24-00', '27.24.00', 'Børn og unge i almindelighed', 'task-27-24');
  task('task-81', '81', 'Kommunens personale');
  task('task-81-05', '81.05', 'Løn', 'task-81');
  task('task-88', '88', 'Kommunens indkøb og udbud');

  const system = (id: string, name: string, tasks: string[]): void => {
    b.node('System', { id, name, scope: 'PUBLIC' });
    for (const t of tasks) b.relate('SUPPORTS', id, t);
  };
  system('sys-esdh', 'Akta ESDH', ['task-00-05']);
  system('sys-oko', 'Kroner Økonomi', ['task-00-30']);
  system('sys-lon', 'Lønportalen', ['task-81-05']);
  system('sys-hr', 'HR-Kernen', ['task-81']);
  system('sys-sag', 'Børnesag', ['task-27-24-00']);
  system('sys-bi', 'Indblik BI', []);
  system('sys-unused', 'Ubrugt System', ['task-88']);
  b.node('Interface', { id: 'if-esdh-sag', name: 'Akta Sag REST', technology: 'WS REST' });
  b.relate('EXPOSES', 'sys-esdh', 'if-esdh-sag');

  const usage = (
    municipalityId: string,
    systemId: string,
    lifecycle: Lifecycle,
    tasks: { adds?: string[]; optsOut?: string[] } = {},
  ): string => {
    const id = `use-${municipalityId.slice(4)}-${systemId.slice(4)}`;
    b.node('Usage', { id, municipalityId, lifecycle });
    b.relate('INSTANCE_OF', id, systemId);
    b.relate('BELONGS_TO', id, municipalityId);
    for (const t of tasks.adds ?? []) b.relate('ADDS_TASK', id, t);
    for (const t of tasks.optsOut ?? []) b.relate('OPTS_OUT_TASK', id, t);
    return id;
  };
  usage('org-aarby', 'sys-esdh', 'OPERATIONAL');
  usage('org-aarby', 'sys-oko', 'OPERATIONAL', { adds: ['task-81-05'], optsOut: ['task-00-30'] });
  usage('org-aarby', 'sys-lon', 'OPERATIONAL');
  usage('org-aarby', 'sys-hr', 'PHASING_IN');
  usage('org-aarby', 'sys-bi', 'NOT_IN_USE');
  usage('org-borup', 'sys-esdh', 'PHASING_OUT');
  usage('org-borup', 'sys-oko', 'OPERATIONAL', { adds: ['task-81-05'] });
  usage('org-borup', 'sys-sag', 'OPERATIONAL');
  usage('org-borup', 'sys-bi', 'UNDECIDED');
  usage('org-carlby', 'sys-esdh', 'OPERATIONAL');
  usage('org-carlby', 'sys-sag', 'OPERATIONAL');

  const contract = (
    id: string,
    municipalityId: string,
    supplierId: string,
    covers: string[],
    terms: { validTo?: string; procurementStrategy?: string },
  ): void => {
    b.node('Contract', { id, municipalityId, name: id.replace('con-', 'Kontrakt '), ...terms });
    b.relate('BELONGS_TO', id, municipalityId);
    b.relate('SUPPLIED_BY', id, supplierId);
    for (const u of covers) b.relate('COVERS', id, u);
  };
  const euUdbud = 'EU udbud';
  contract('con-aarby-esdh', 'org-aarby', 'org-nordlys', ['use-aarby-esdh'], {
    validTo: '2026-06-30',
    procurementStrategy: euUdbud,
  });
  contract('con-aarby-oko', 'org-aarby', 'org-sydvest', ['use-aarby-oko'], {
    validTo: '2027-12-31',
    procurementStrategy: 'Direkte tildeling',
  });
  contract('con-aarby-lon', 'org-aarby', 'org-ostkyst', ['use-aarby-lon'], {
    validTo: '2030-12-31',
    procurementStrategy: euUdbud,
  });
  contract('con-aarby-hr', 'org-aarby', 'org-nordlys', ['use-aarby-hr'], {
    validTo: '2025-03-31',
    procurementStrategy: euUdbud,
  });
  contract('con-borup-esdh', 'org-borup', 'org-nordlys', ['use-borup-esdh'], {
    validTo: '2026-09-30',
    procurementStrategy: euUdbud,
  });
  contract('con-borup-oko', 'org-borup', 'org-vestdata', ['use-borup-oko'], {
    validTo: '2026-03-31',
    procurementStrategy: euUdbud,
  });
  contract('con-borup-sag', 'org-borup', 'org-nordlys', ['use-borup-sag'], {});
  contract('con-carlby-esdh', 'org-carlby', 'org-nordlys', ['use-carlby-esdh'], {
    validTo: '2026-08-31',
    procurementStrategy: euUdbud,
  });

  const relation = (
    id: string,
    municipalityId: string,
    from: string,
    to: string,
    via?: string,
  ): void => {
    b.node('Relation', { id, municipalityId });
    b.relate('FROM_USAGE', id, from);
    b.relate('TO_USAGE', id, to);
    if (via) b.relate('VIA', id, via);
  };
  relation('rel-aarby-oko-esdh', 'org-aarby', 'use-aarby-oko', 'use-aarby-esdh', 'if-esdh-sag');
  relation('rel-aarby-lon-oko', 'org-aarby', 'use-aarby-lon', 'use-aarby-oko');
  relation('rel-aarby-bi-esdh', 'org-aarby', 'use-aarby-bi', 'use-aarby-esdh');
  relation('rel-borup-oko-esdh', 'org-borup', 'use-borup-oko', 'use-borup-esdh', 'if-esdh-sag');
  relation('rel-borup-sag-esdh', 'org-borup', 'use-borup-sag', 'use-borup-esdh');
  relation('rel-carlby-sag-esdh', 'org-carlby', 'use-carlby-sag', 'use-carlby-esdh');
  return b.build();
}
