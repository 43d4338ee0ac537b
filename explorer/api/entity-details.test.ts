import { describe, expect, it } from 'vitest';
import { ENTITY_DETAILS_QUERY, RELATED_PAGE, toEntityDetails } from './entity-details.ts';
import { toEntityRef } from './entity-ref.ts';

describe('toEntityRef', () => {
  it.each([
    [
      { __typename: 'Usage', id: 'u', localName: null, system: { name: 'Akta ESDH' } },
      'USAGE',
      'Akta ESDH',
    ],
    [
      { __typename: 'Usage', id: 'u', localName: 'ESDH', system: { name: 'Akta ESDH' } },
      'USAGE',
      'ESDH',
    ],
    [
      { __typename: 'Task', id: 't', number: '27.24.00', title: 'Sygedagpenge' },
      'TASK',
      '27.24.00 Sygedagpenge',
    ],
    [
      {
        __typename: 'Relation',
        id: 'r',
        from: { system: { name: 'Borgerportal' } },
        to: { localName: 'ESDH' },
      },
      'RELATION',
      'Borgerportal → ESDH',
    ],
    [{ __typename: 'OrgUnit', id: 'o', name: 'IT', municipalityId: 'org-aarby' }, 'ORG_UNIT', 'IT'],
  ])('names %j', (raw, kind, name) => {
    expect(toEntityRef(raw)).toMatchObject({ kind, name });
  });
});

describe('toEntityDetails', () => {
  it('formats set properties in Danish, in order, and skips empty ones', () => {
    const details = toEntityDetails({
      __typename: 'Usage',
      id: 'use-aarby-esdh',
      localName: 'ESDH',
      localSystemId: null,
      lifecycle: 'PHASING_OUT',
      validFrom: '2019-03-01',
      businessCritical: true,
      criticality: 'HIGH',
      personalData: 'SENSITIVE_DATA',
    });
    expect(details.properties).toEqual([
      { label: 'Lokalt navn', value: 'ESDH' },
      { label: 'Livscyklus', value: 'Under udfasning' },
      { label: 'Gyldig fra', value: '1. mar. 2019' },
      { label: 'Forretningskritisk', value: 'Ja' },
      { label: 'Kritikalitet', value: 'Høj' },
      { label: 'Persondata', value: 'Følsomme persondata' },
    ]);
  });

  it('lists non-empty relationships and tells when there are more than a page', () => {
    const many = Array.from({ length: RELATED_PAGE + 1 }, (_, i) => ({
      __typename: 'Usage',
      id: `u${i}`,
      localName: `U${i}`,
    }));
    const details = toEntityDetails({
      __typename: 'System',
      id: 'sys-akta',
      name: 'Akta ESDH',
      rightsHolder: { __typename: 'Organization', id: 'org-nordlys', name: 'Nordlys Data A/S' },
      parent: null,
      usages: many,
      interfaces: [],
    });
    expect(details.relations.map((r) => [r.label, r.items.length, r.more])).toEqual([
      ['Rettighedshaver', 1, false],
      ['Anvendes af', RELATED_PAGE, true],
    ]);
  });

  it('asks for aliases where field types clash between entity types', () => {
    expect(ENTITY_DETAILS_QUERY).toContain('contractCriticality: criticality');
    expect(ENTITY_DETAILS_QUERY).toContain('componentKind: kind');
    expect(ENTITY_DETAILS_QUERY).toContain(`usages(first: ${RELATED_PAGE + 1}) { ...Ref }`);
  });
});
