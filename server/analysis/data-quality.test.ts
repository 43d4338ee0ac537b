import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { LandscapeBuilder, type Landscape } from '../model/landscape.ts';
import type { ContractNode, Lifecycle, PersonalDataLevel } from '../model/model-types.ts';
import { dataQuality, type DataQualityOptions, type Finding } from './data-quality.ts';
import { GraphIndex } from './graph-index.ts';

/**
 * Each finding code with a positive and a negative case, at asOf 2025-06-01. Aarby has 10
 * findings (one of each code, three expired contracts), Borup 3.
 */
function buildQualityScenario(): Landscape {
  const b = new LandscapeBuilder();
  b.node('Organization', { id: 'org-aarby', name: 'Aarby Kommune', kind: 'MUNICIPALITY' });
  b.node('Organization', { id: 'org-borup', name: 'Borup Kommune', kind: 'MUNICIPALITY' });
  b.node('Organization', { id: 'org-nordlys', name: 'Nordlys Data A/S', kind: 'SUPPLIER' });
  for (const m of ['aarby', 'borup']) {
    b.node('OrgUnit', { id: `unit-${m}-it`, municipalityId: `org-${m}`, name: 'IT' });
  }

  b.node('System', { id: 'sys-esdh', name: 'Akta ESDH', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-oko', name: 'Kroner Økonomi', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-lon', name: 'Lønportalen', scope: 'PUBLIC' });
  b.node('System', { id: 'sys-hr', name: 'HR-Kernen', scope: 'PUBLIC' });
  const local = (id: string, name: string, ownerId?: string): void => {
    b.node('System', { id, name, scope: 'LOCAL', ...(ownerId ? { ownerId } : {}) });
  };
  local('sys-aarby-akta', 'akta  ESDH', 'org-aarby');
  local('sys-aarby-vagtplan', 'Aarby Vagtplan', 'org-aarby');
  local('sys-borup-kroner', ' KRONER ØKONOMI', 'org-borup');
  local('sys-nordlys-akta', 'Akta ESDH', 'org-nordlys');
  local('sys-ownerless-akta', 'AktaESDH');
  const iface = (id: string, name: string, systemId: string): void => {
    b.node('Interface', { id, name });
    b.relate('EXPOSES', systemId, id);
  };
  iface('if-esdh-sag', 'Akta Sag REST', 'sys-esdh');
  iface('if-esdh-arkiv', 'Akta Arkivudtræk', 'sys-esdh');
  iface('if-oko-bogf', 'Kroner Bogføring', 'sys-oko');
  iface('if-hr-ldap', 'HR LDAP', 'sys-hr');

  const usage = (
    id: string,
    systemId: string,
    lifecycle: Lifecycle,
    extra: { responsible?: boolean; personalData?: PersonalDataLevel; localName?: string } = {},
  ): void => {
    const municipalityId = `org-${id.split('-')[1]!}`;
    b.node('Usage', {
      id,
      municipalityId,
      lifecycle,
      personalData: extra.personalData ?? 'NONE',
      ...(extra.localName ? { localName: extra.localName } : {}),
    });
    b.relate('INSTANCE_OF', id, systemId);
    b.relate('BELONGS_TO', id, municipalityId);
    if (extra.responsible ?? true) b.relate('RESPONSIBLE', id, `unit-${id.split('-')[1]!}-it`);
  };
  usage('use-aarby-esdh', 'sys-esdh', 'OPERATIONAL', { personalData: 'SENSITIVE_DATA' });
  usage('use-aarby-oko', 'sys-oko', 'OPERATIONAL', {
    responsible: false,
    personalData: 'PERSONAL_DATA',
    localName: 'Økonomi',
  });
  usage('use-aarby-lon', 'sys-lon', 'OPERATIONAL');
  usage('use-aarby-hr', 'sys-hr', 'PHASING_IN', { personalData: 'SENSITIVE_DATA' });
  usage('use-aarby-vagtplan', 'sys-aarby-vagtplan', 'NOT_IN_USE', {
    responsible: false,
    personalData: 'LEGAL_DATA',
  });
  usage('use-borup-esdh', 'sys-esdh', 'OPERATIONAL');
  usage('use-borup-oko', 'sys-oko', 'OPERATIONAL');
  b.node('DataProcessing', { id: 'dpr-aarby-esdh', municipalityId: 'org-aarby', name: 'ESDH' });
  b.relate('COVERS', 'dpr-aarby-esdh', 'use-aarby-esdh');
  b.node('DataProcessing', { id: 'dpr-aarby-hr', municipalityId: 'org-aarby', name: 'HR' });
  b.relate('COVERS', 'dpr-aarby-hr', 'use-aarby-hr');

  const relation = (id: string, from: string, to: string, via?: string): void => {
    b.node('Relation', { id, municipalityId: `org-${id.split('-')[1]!}` });
    b.relate('FROM_USAGE', id, from);
    b.relate('TO_USAGE', id, to);
    if (via) b.relate('VIA', id, via);
  };
  relation('rel-aarby-oko-esdh', 'use-aarby-oko', 'use-aarby-esdh', 'if-esdh-sag');
  relation('rel-aarby-lon-oko', 'use-aarby-lon', 'use-aarby-oko');
  relation('rel-borup-esdh-oko', 'use-borup-esdh', 'use-borup-oko', 'if-oko-bogf');
  relation('rel-borup-oko-esdh', 'use-borup-oko', 'use-borup-esdh');

  const contract = (
    id: string,
    name: string,
    covers: string[],
    terms: Partial<ContractNode> = {},
  ): void => {
    const municipalityId = `org-${id.split('-')[1]!}`;
    b.node('Contract', { id, municipalityId, name, ...terms });
    b.relate('BELONGS_TO', id, municipalityId);
    for (const u of covers) b.relate('COVERS', id, u);
  };
  contract('con-aarby-esdh', 'ESDH 2020', ['use-aarby-esdh'], { validTo: '2027-12-31' });
  contract('con-aarby-esdh-support', 'ESDH support', ['use-aarby-esdh'], {
    terminatedAt: '2024-01-15',
    noticeMonths: 3,
  });
  contract('con-aarby-forced', 'ESDH tillæg', ['use-aarby-esdh'], {
    validTo: '2020-01-01',
    enforcedValid: true,
  });
  contract('con-aarby-oko-old', 'Økonomi 2018', ['use-aarby-oko'], { validTo: '2024-12-31' });
  contract('con-aarby-future', 'Økonomi 2026', ['use-aarby-oko'], { validFrom: '2026-01-01' });
  contract('con-aarby-lon-old', 'Løn 2019', ['use-aarby-lon'], { validTo: '2024-06-30' });
  contract('con-aarby-lon-new', 'Løn 2024', ['use-aarby-lon'], { validFrom: '2024-07-01' });
  contract('con-aarby-hr', 'HR 2015', ['use-aarby-hr'], { validTo: '2020-12-31' });
  contract('con-aarby-tom', 'Tom rammeaftale', []);
  contract('con-aarby-integration', 'Integrationsaftale', []);
  b.relate('GOVERNS', 'con-aarby-integration', 'rel-aarby-oko-esdh');
  contract('con-borup-esdh', 'ESDH', ['use-borup-esdh']);
  contract('con-borup-oko', 'Økonomi', ['use-borup-oko']);
  return b.build();
}

const index = GraphIndex.fromLandscape(buildQualityScenario());
const asOf = '2025-06-01';

function findings(options: Partial<DataQualityOptions> = {}): readonly Finding[] {
  return dataQuality(index, { asOf, first: 1000, ...options }).findings;
}

function ofCode(code: Finding['code'], municipalityId = 'org-aarby'): readonly Finding[] {
  return findings({ municipalityId, codes: [code] });
}

function thrown(options: Partial<DataQualityOptions>): DomainError {
  try {
    dataQuality(index, { asOf, ...options });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('dataQuality did not throw');
}

describe('dataQuality', () => {
  it('reports a relation without an interface and not one with an interface', () => {
    expect(ofCode('RELATION_WITHOUT_INTERFACE')).toEqual([
      {
        code: 'RELATION_WITHOUT_INTERFACE',
        municipalityId: 'org-aarby',
        entityId: 'rel-aarby-lon-oko',
        entityKind: 'Relation',
        entityName: 'Lønportalen → Økonomi',
        message: 'Relation "Lønportalen" → "Økonomi" has no interface',
        relatedIds: ['use-aarby-lon', 'use-aarby-oko'],
      },
    ]);
  });

  it('reports an interface no relation in any municipality uses, once per municipality using its system', () => {
    const unused = findings({ codes: ['INTERFACE_NOT_USED'] });
    expect(unused.map((f) => [f.municipalityId, f.entityId, f.relatedIds])).toEqual([
      ['org-borup', 'if-esdh-arkiv', ['sys-esdh', 'use-borup-esdh']],
      ['org-aarby', 'if-esdh-arkiv', ['sys-esdh', 'use-aarby-esdh']],
    ]);
    expect(unused[1]?.message).toBe(
      'Interface "Akta Arkivudtræk" of "Akta ESDH" is used by no relation in any municipality',
    );
  });

  it('does not report an unused interface of a system that is not in operation', () => {
    const ids = findings({ codes: ['INTERFACE_NOT_USED'] }).map((f) => f.entityId);
    expect(ids).not.toContain('if-hr-ldap');
    expect(ids).not.toContain('if-oko-bogf');
  });

  it('reports an operational usage whose covering contracts are all inactive', () => {
    const found = ofCode('OPERATIONAL_WITHOUT_ACTIVE_CONTRACT');
    expect(found.map((f) => f.entityId)).toEqual(['use-aarby-oko']);
    expect([...found[0]!.relatedIds].sort()).toEqual(['con-aarby-future', 'con-aarby-oko-old']);
    expect(found[0]?.message).toBe(
      'Operational usage "Økonomi" has no contract active on 2025-06-01: none of its 2 covering contract(s) is active',
    );
  });

  it('raises nothing for an operational usage with an active contract beside an expired one', () => {
    const entities = findings({ municipalityId: 'org-aarby' })
      .filter((f) => f.code === 'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT')
      .map((f) => f.entityId);
    expect(entities).not.toContain('use-aarby-lon');
    expect(entities).not.toContain('use-aarby-esdh');
    expect(entities).not.toContain('use-aarby-hr');
  });

  it('reports contracts whose end passed or whose notice ran out that still cover operational usages', () => {
    const found = ofCode('EXPIRED_CONTRACT_COVERS_OPERATIONAL');
    expect(found.map((f) => [f.entityId, f.relatedIds])).toEqual([
      ['con-aarby-esdh-support', ['use-aarby-esdh']],
      ['con-aarby-lon-old', ['use-aarby-lon']],
      ['con-aarby-oko-old', ['use-aarby-oko']],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'Contract "ESDH support" is no longer active on 2025-06-01 (it was terminated on 2024-01-15 and its notice period has run out) but still covers operational usage "Akta ESDH"',
      'Contract "Løn 2019" is no longer active on 2025-06-01 (its end date 2024-06-30 has passed) but still covers operational usage "Lønportalen"',
      'Contract "Økonomi 2018" is no longer active on 2025-06-01 (its end date 2024-12-31 has passed) but still covers operational usage "Økonomi"',
    ]);
  });

  it('does not report a not-yet-started, a force-valid or an expired contract covering no operational usage', () => {
    const ids = ofCode('EXPIRED_CONTRACT_COVERS_OPERATIONAL').map((f) => f.entityId);
    expect(ids).not.toContain('con-aarby-future');
    expect(ids).not.toContain('con-aarby-forced');
    expect(ids).not.toContain('con-aarby-hr');
  });

  it('raises both contract findings for an operational usage covered only by an expired contract', () => {
    const aboutOko = findings({ municipalityId: 'org-aarby' }).filter(
      (f) => f.entityId === 'use-aarby-oko' || f.entityId === 'con-aarby-oko-old',
    );
    expect(aboutOko.map((f) => f.code)).toEqual([
      'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT',
      'EXPIRED_CONTRACT_COVERS_OPERATIONAL',
      'USAGE_WITHOUT_RESPONSIBLE_UNIT',
      'PERSONAL_DATA_WITHOUT_DATA_PROCESSING',
    ]);
  });

  it('judges contract validity at the asOf given', () => {
    const earlier = dataQuality(index, { asOf: '2024-06-01', municipalityId: 'org-aarby' });
    expect(
      earlier.counts.find((c) => c.code === 'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT'),
    ).toBeUndefined();
    expect(
      earlier.findings
        .filter((f) => f.code === 'EXPIRED_CONTRACT_COVERS_OPERATIONAL')
        .map((f) => f.entityId),
    ).toEqual(['con-aarby-esdh-support']);
  });

  it('reports a contract that covers and governs nothing, not one that only governs a relation', () => {
    const found = ofCode('CONTRACT_COVERS_NOTHING');
    expect(found.map((f) => [f.entityId, f.entityKind, f.message])).toEqual([
      [
        'con-aarby-tom',
        'Contract',
        'Contract "Tom rammeaftale" covers no usage and governs no relation',
      ],
    ]);
  });

  it('reports a usage in use without a responsible unit, not one with a unit or not in use', () => {
    const found = ofCode('USAGE_WITHOUT_RESPONSIBLE_UNIT');
    expect(found.map((f) => [f.entityId, f.message, f.relatedIds])).toEqual([
      ['use-aarby-oko', 'Usage "Økonomi" has no responsible org unit', ['sys-oko']],
    ]);
  });

  it('reports a usage with personal data and no data-processing registration', () => {
    const found = ofCode('PERSONAL_DATA_WITHOUT_DATA_PROCESSING');
    expect(found.map((f) => [f.entityId, f.message])).toEqual([
      [
        'use-aarby-oko',
        'Usage "Økonomi" registers personal data but no data-processing registration covers it',
      ],
    ]);
  });

  it('reports a local system named like a public one to its owner municipality', () => {
    const found = findings({ codes: ['LOCAL_SYSTEM_DUPLICATES_PUBLIC'] });
    expect(found.map((f) => [f.municipalityId, f.entityId, f.relatedIds])).toEqual([
      ['org-borup', 'sys-borup-kroner', ['sys-oko']],
      ['org-aarby', 'sys-aarby-akta', ['sys-esdh']],
    ]);
    expect(found[0]?.message).toBe(
      'Local system " KRONER ØKONOMI" has the same name as public catalogue system "Kroner Økonomi"',
    );
  });

  it('sorts by municipality name in Danish order, code and entity name, with exact counts', () => {
    const report = dataQuality(index, { asOf, first: 1000 });
    expect(report.total).toBe(13);
    // Danish collation sorts "Aa" as "Å", after every other letter: Borup comes first.
    expect(report.counts).toEqual([
      { municipalityId: 'org-borup', code: 'RELATION_WITHOUT_INTERFACE', count: 1 },
      { municipalityId: 'org-borup', code: 'INTERFACE_NOT_USED', count: 1 },
      { municipalityId: 'org-borup', code: 'LOCAL_SYSTEM_DUPLICATES_PUBLIC', count: 1 },
      { municipalityId: 'org-aarby', code: 'RELATION_WITHOUT_INTERFACE', count: 1 },
      { municipalityId: 'org-aarby', code: 'INTERFACE_NOT_USED', count: 1 },
      { municipalityId: 'org-aarby', code: 'OPERATIONAL_WITHOUT_ACTIVE_CONTRACT', count: 1 },
      { municipalityId: 'org-aarby', code: 'EXPIRED_CONTRACT_COVERS_OPERATIONAL', count: 3 },
      { municipalityId: 'org-aarby', code: 'CONTRACT_COVERS_NOTHING', count: 1 },
      { municipalityId: 'org-aarby', code: 'USAGE_WITHOUT_RESPONSIBLE_UNIT', count: 1 },
      { municipalityId: 'org-aarby', code: 'PERSONAL_DATA_WITHOUT_DATA_PROCESSING', count: 1 },
      { municipalityId: 'org-aarby', code: 'LOCAL_SYSTEM_DUPLICATES_PUBLIC', count: 1 },
    ]);
    expect(report.findings.map((f) => f.municipalityId)).toEqual([
      ...Array<string>(3).fill('org-borup'),
      ...Array<string>(10).fill('org-aarby'),
    ]);
  });

  it('filters by municipality and pages with counts independent of the page', () => {
    const page = dataQuality(index, { asOf, municipalityId: 'org-borup', first: 2, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.counts.map((c) => c.count)).toEqual([1, 1, 1]);
    expect(page.findings.map((f) => f.entityId)).toEqual(['if-esdh-arkiv', 'sys-borup-kroner']);
    const across = dataQuality(index, { asOf, municipalityId: 'org-aarby', first: 3, offset: 4 });
    expect(across.findings.map((f) => f.entityId)).toEqual([
      'con-aarby-lon-old',
      'con-aarby-oko-old',
      'con-aarby-tom',
    ]);
    const beyond = dataQuality(index, { asOf, municipalityId: 'org-aarby', first: 5, offset: 10 });
    expect(beyond.findings).toEqual([]);
    expect(beyond.total).toBe(10);
  });

  it('counts only the codes asked for', () => {
    const report = dataQuality(index, {
      asOf,
      codes: ['EXPIRED_CONTRACT_COVERS_OPERATIONAL', 'RELATION_WITHOUT_INTERFACE'],
      first: 1,
    });
    expect(report.total).toBe(5);
    expect(report.counts).toEqual([
      { municipalityId: 'org-borup', code: 'RELATION_WITHOUT_INTERFACE', count: 1 },
      { municipalityId: 'org-aarby', code: 'RELATION_WITHOUT_INTERFACE', count: 1 },
      { municipalityId: 'org-aarby', code: 'EXPIRED_CONTRACT_COVERS_OPERATIONAL', count: 3 },
    ]);
    expect(report.findings).toHaveLength(1);
  });

  it('answers an empty report for a municipality without findings', () => {
    const b = new LandscapeBuilder();
    b.node('Organization', { id: 'org-tom', name: 'Tom Kommune', kind: 'MUNICIPALITY' });
    const report = dataQuality(GraphIndex.fromLandscape(b.build()), {
      asOf,
      municipalityId: 'org-tom',
    });
    expect(report).toEqual({ asOf, total: 0, counts: [], findings: [] });
  });

  it.each([
    [{ municipalityId: 'org-nope' }, 'NOT_FOUND', 'Municipality "org-nope" not found'],
    [
      { municipalityId: 'org-nordlys' },
      'INVALID_INPUT',
      '"org-nordlys" is not a municipality (it is an Organization of kind SUPPLIER)',
    ],
    [
      { asOf: '2025-13-01' },
      'INVALID_INPUT',
      'asOf must be a real date YYYY-MM-DD; got "2025-13-01"',
    ],
    [{ codes: ['NO_SUCH_CODE'] }, 'INVALID_INPUT', 'Unknown finding code "NO_SUCH_CODE"'],
    [{ offset: -1 }, 'INVALID_INPUT', 'offset must be a whole number 0 or more; got -1'],
    [{ first: 2.5 }, 'INVALID_INPUT', 'first must be a whole number 0 or more; got 2.5'],
  ] as const)('rejects %o with %s', (options, code, message) => {
    const error = thrown(options as Partial<DataQualityOptions>);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
