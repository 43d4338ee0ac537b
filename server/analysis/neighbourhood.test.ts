import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { buildMapScenario } from '../testing/map-scenario.ts';
import { GraphIndex } from './graph-index.ts';
import { neighbourhood, type GraphSlice, type NeighbourhoodRequest } from './neighbourhood.ts';

const index = GraphIndex.fromLandscape(buildMapScenario());
const slice = (request: NeighbourhoodRequest): GraphSlice => neighbourhood(index, request);
const ids = (s: GraphSlice) => s.nodes.map((n) => n.id).sort();
const edgeIds = (s: GraphSlice) => s.edges.map((e) => e.id).sort();
const node = (s: GraphSlice, id: string) => s.nodes.find((n) => n.id === id);

describe('neighbourhood', () => {
  it('returns the direct neighbours at depth 1 with the edges between them', () => {
    const result = slice({ ids: ['sys-esdh'] });
    expect(ids(result)).toEqual([
      'ac-sdi',
      'if-esdh-sag',
      'org-nordlys',
      'sys-esdh',
      'task-27-24-00',
      'use-aarby-esdh',
      'use-askov-esdh',
      'use-borup-esdh',
    ]);
    expect(edgeIds(result)).toEqual([
      'EXPOSES:sys-esdh:if-esdh-sag',
      'INSTANCE_OF:use-aarby-esdh:sys-esdh',
      'INSTANCE_OF:use-askov-esdh:sys-esdh',
      'INSTANCE_OF:use-borup-esdh:sys-esdh',
      'RIGHTS_HOLDER:sys-esdh:org-nordlys',
      'SUPPORTS:sys-esdh:task-27-24-00',
      'USES_COMPONENT:sys-esdh:ac-sdi',
    ]);
    expect(node(result, 'sys-esdh')).toMatchObject({ depth: 0, isStart: true, hub: false });
    expect(node(result, 'use-borup-esdh')).toMatchObject({
      depth: 1,
      isStart: false,
      name: 'Akta ESDH',
      municipalityId: 'org-borup',
      lifecycle: 'PHASING_IN',
    });
    expect(result.truncated).toBe(false);
  });

  it('counts the relationships to nodes outside the slice per node', () => {
    const result = slice({ ids: ['sys-esdh'] });
    // INSTANCE_OF, BELONGS_TO, USED_BY, MAIN_CONTRACT, two COVERS, two TO_USAGE; one is shown.
    expect(node(result, 'use-aarby-esdh')?.hiddenNeighbours).toBe(7);
    expect(node(result, 'sys-esdh')?.hiddenNeighbours).toBe(0);
    expect(node(result, 'org-nordlys')?.hiddenNeighbours).toBe(5);
  });

  it('goes one layer further at depth 2', () => {
    const result = slice({ ids: ['sys-esdh'], depth: 2 });
    expect(ids(result)).toEqual(
      expect.arrayContaining([
        'con-aarby-esdh',
        'con-borup-esdh',
        'dpr-aarby-esdh',
        'rel-aarby-fag-esdh',
        'rel-aarby-oko-esdh',
        'unit-aarby-it',
        'org-aarby',
        'dt-sag',
      ]),
    );
    expect(node(result, 'rel-aarby-fag-esdh')?.depth).toBe(2);
    expect(ids(result)).not.toContain('use-aarby-fag');
    expect(edgeIds(result)).toContain('VIA:rel-aarby-oko-esdh:if-esdh-sag');
  });

  it('shows hubs as leaves and never passes through them', () => {
    const result = slice({ ids: ['sys-fag'], depth: 2 });
    expect(node(result, 'org-nordlys')).toMatchObject({ hub: true, depth: 1 });
    expect(node(result, 'task-27-24-00')).toMatchObject({ hub: true, depth: 1 });
    // Akta ESDH shares the supplier and the KLE task, but is not a neighbour through them.
    expect(ids(result)).not.toContain('sys-esdh');
    expect(ids(result)).toContain('rel-aarby-fag-esdh');
  });

  it('expands a start node that is a hub, but not the hubs it reaches', () => {
    expect(ids(slice({ ids: ['org-nordlys'] }))).toEqual([
      'con-aarby-esdh',
      'con-borup-esdh-old',
      'con-borup-oko',
      'dpr-aarby-esdh',
      'org-nordlys',
      'sys-esdh',
      'sys-fag',
    ]);
    const task = slice({ ids: ['task-27-24-00'], depth: 2 });
    expect(node(task, 'task-27-24')).toMatchObject({ depth: 1, hub: true });
    expect(node(task, 'use-aarby-fag')?.depth).toBe(2);
    expect(ids(task)).not.toContain('task-27');
  });

  it('admits non-hubs first up to maxNodes and counts what was left out', () => {
    const result = slice({ ids: ['sys-esdh'], maxNodes: 4 });
    expect(result.truncated).toBe(true);
    expect(result.nodes).toHaveLength(4);
    expect(result.nodes.some((n) => n.hub)).toBe(false);
    expect(result.hidden.byMaxNodes).toBe(4);
    expect(result.hidden.perLabel).toEqual([
      { label: 'Organization', byMaxNodes: 1, byFilters: 0, byKinds: 0 },
      { label: 'Task', byMaxNodes: 1, byFilters: 0, byKinds: 0 },
      { label: 'ArchitectureComponent', byMaxNodes: 1, byFilters: 0, byKinds: 0 },
      { label: 'Usage', byMaxNodes: 1, byFilters: 0, byKinds: 0 },
    ]);
    expect(node(result, 'sys-esdh')?.hiddenNeighbours).toBe(4);
  });

  it('turns a relation between shown usages into a directed via edge, user to used', () => {
    const result = slice({ ids: ['use-aarby-esdh'], filters: { kinds: ['Usage'] } });
    expect(ids(result)).toEqual(['use-aarby-esdh', 'use-aarby-fag', 'use-aarby-oko']);
    expect(result.edges).toEqual([
      {
        id: 'VIA_HIDDEN:use-aarby-oko:use-aarby-esdh',
        source: 'use-aarby-oko',
        target: 'use-aarby-esdh',
        type: 'VIA_HIDDEN',
        directed: true,
        via: ['rel-aarby-oko-esdh'],
        viaLabels: ['Relation'],
      },
      {
        id: 'VIA_HIDDEN:use-aarby-fag:use-aarby-esdh',
        source: 'use-aarby-fag',
        target: 'use-aarby-esdh',
        type: 'VIA_HIDDEN',
        directed: true,
        via: ['rel-aarby-fag-esdh'],
        viaLabels: ['Relation'],
      },
    ]);
    expect(result.hidden.byKinds).toBeGreaterThan(0);
  });

  it('does not count hidden intermediates as depth', () => {
    const one = slice({ ids: ['use-aarby-oko'], filters: { kinds: ['Usage'] } });
    expect(ids(one)).toEqual(['use-aarby-esdh', 'use-aarby-oko']);
    const two = slice({ ids: ['use-aarby-oko'], depth: 2, filters: { kinds: ['Usage'] } });
    expect(node(two, 'use-aarby-fag')?.depth).toBe(2);
  });

  it('joins systems through their usages and relations, user system to used system', () => {
    const result = slice({ ids: ['sys-esdh'], filters: { kinds: ['System'] } });
    expect(ids(result)).toEqual(['sys-esdh', 'sys-fag', 'sys-oko']);
    expect(result.edges.find((e) => e.source === 'sys-fag')).toMatchObject({
      target: 'sys-esdh',
      directed: true,
      via: ['use-aarby-fag', 'rel-aarby-fag-esdh', 'use-aarby-esdh'],
      viaLabels: ['Usage', 'Relation', 'Usage'],
    });
    expect(result.edges.find((e) => e.source === 'sys-oko')?.target).toBe('sys-esdh');
  });

  it('does not join two municipalities through a hidden catalogue node', () => {
    const result = slice({ ids: ['use-aarby-esdh'], depth: 3, filters: { kinds: ['Usage'] } });
    expect(ids(result)).not.toContain('use-borup-esdh');
  });

  it('keeps shared nodes and one municipality with the municipality filter', () => {
    const result = slice({ ids: ['sys-esdh'], filters: { municipalityId: 'org-aarby' } });
    expect(ids(result).filter((id) => id.startsWith('use-'))).toEqual(['use-aarby-esdh']);
    expect(ids(result)).toContain('org-nordlys');
    expect(result.hidden.byFilters).toBe(2);
    expect(result.hidden.perLabel).toEqual([
      { label: 'Usage', byMaxNodes: 0, byFilters: 2, byKinds: 0 },
    ]);
  });

  it('filters usages by lifecycle and by personal-data level', () => {
    const lifecycle = slice({ ids: ['sys-esdh'], filters: { lifecycles: ['PHASING_IN'] } });
    expect(ids(lifecycle).filter((id) => id.startsWith('use-'))).toEqual(['use-borup-esdh']);
    const personal = slice({ ids: ['sys-oko'], filters: { personalData: 'PERSONAL_DATA' } });
    expect(ids(personal).filter((id) => id.startsWith('use-'))).toEqual(['use-aarby-oko']);
  });

  it('keeps contracts of the chosen suppliers and the usages they cover', () => {
    const result = slice({
      ids: ['sys-esdh'],
      depth: 2,
      filters: { supplierIds: ['org-sydkyst'] },
    });
    expect(ids(result).filter((id) => id.startsWith('use-'))).toEqual(['use-borup-esdh']);
    expect(ids(result)).toContain('con-borup-esdh');
    expect(ids(result)).not.toContain('con-borup-esdh-old');
  });

  it('follows only the whitelisted relationship types', () => {
    const result = slice({ ids: ['sys-esdh'], depth: 2, relationshipTypes: ['INSTANCE_OF'] });
    expect(ids(result)).toEqual(['sys-esdh', 'use-aarby-esdh', 'use-askov-esdh', 'use-borup-esdh']);
    expect(result.edges.every((e) => e.type === 'INSTANCE_OF')).toBe(true);
    expect(node(result, 'use-aarby-esdh')?.hiddenNeighbours).toBe(0);
  });

  it('follows only outgoing relationships with direction OUT', () => {
    const result = slice({ ids: ['use-aarby-esdh'], direction: 'OUT' });
    expect(ids(result)).toEqual([
      'con-aarby-esdh',
      'org-aarby',
      'sys-esdh',
      'unit-aarby-it',
      'use-aarby-esdh',
    ]);
  });

  it('rejects unknown start ids, relationship types and out-of-range limits', () => {
    expect(() => slice({ ids: ['nope'] })).toThrow(NotFoundError);
    expect(() => slice({ ids: ['nope', 'sys-esdh', 'nix'] })).toThrow(
      'Entities "nope", "nix" not found',
    );
    expect(() => slice({ ids: ['sys-esdh'], relationshipTypes: ['USES'] })).toThrow(
      InvalidInputError,
    );
    expect(() => slice({ ids: ['sys-esdh'], relationshipTypes: ['USES'] })).toThrow(
      /^Unknown relationship type "USES"; allowed: UNIT_OF, PART_OF, .*PROCESSOR$/,
    );
    expect(() => slice({ ids: ['sys-esdh'], depth: 5 })).toThrow('depth must be 1–4; got 5');
    expect(() => slice({ ids: ['sys-esdh'], maxNodes: 0 })).toThrow(
      'maxNodes must be 1–5000; got 0',
    );
    expect(() => slice({ ids: ['sys-esdh'], filters: { municipalityId: 'sys-oko' } })).toThrow(
      'Municipality must be an Organization; "sys-oko" is a System',
    );
  });
});
