import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  parseViewState,
  patchViewState,
  serializeViewState,
  type ViewState,
} from './url-state.ts';

const akta = 'sys-akta-esdh';
const aarby = 'org-aarby';

describe('url state', () => {
  it('reads an empty query string as the defaults', () => {
    expect(parseViewState('')).toEqual(DEFAULT_STATE);
    expect(serializeViewState(DEFAULT_STATE)).toBe('');
  });

  it('round-trips a full map view', () => {
    const state: ViewState = {
      ...DEFAULT_STATE,
      view: 'map',
      municipality: aarby,
      asOf: '2026-03-01',
      focus: [akta, 'use-aarby-esdh'],
      depth: 2,
      relationshipTypes: ['INSTANCE_OF', 'COVERS'],
      direction: 'OUT',
      expansions: [
        { id: 'con-aarby-esdh', depth: 1, relationshipTypes: [] },
        { id: 'use-aarby-bi', depth: 2, relationshipTypes: ['FROM_USAGE', 'TO_USAGE'] },
      ],
      kinds: ['SYSTEM', 'USAGE'],
      lifecycles: ['OPERATIONAL'],
      suppliers: ['org-nordlys'],
      criticalities: ['HIGH'],
      personalData: 'SENSITIVE_DATA',
      grouping: 'municipality',
      collapsed: [`group:municipality:${aarby}`],
      layout: 'hierarchy',
      maxNodes: 1000,
      tab: 'table',
      selection: akta,
    };
    const search = serializeViewState(state);
    expect(parseViewState(search)).toEqual(state);
    expect(parseViewState(`?${search}`)).toEqual(state);
  });

  it('writes readable, stable query strings without defaults', () => {
    const state = { ...DEFAULT_STATE, view: 'impact' as const, contracts: ['c-1', 'c-2'] };
    expect(serializeViewState(state)).toBe('view=impact&contracts=c-1,c-2');
    const expansion = {
      ...DEFAULT_STATE,
      expansions: [{ id: 'u-1', depth: 1, relationshipTypes: [] }],
    };
    expect(serializeViewState(expansion)).toBe('ex=u-1');
  });

  it('drops values that do not parse instead of failing', () => {
    const state = parseViewState(
      'view=nowhere&depth=9&date=2026-02-30&kinds=SYSTEM,GHOST&pd=SOME&max=-3&life=OPERATIONAL,OPERATIONAL',
    );
    expect(state.view).toBe('map');
    expect(state.depth).toBe(1);
    expect(state.asOf).toBeNull();
    expect(state.kinds).toEqual(['SYSTEM']);
    expect(state.personalData).toBeNull();
    expect(state.maxNodes).toBe(500);
    expect(state.lifecycles).toEqual(['OPERATIONAL']);
  });

  it('reads expansions with their depth and relationship types', () => {
    expect(parseViewState('ex=a~3~COVERS.NOPE,b').expansions).toEqual([
      { id: 'a', depth: 3, relationshipTypes: ['COVERS'] },
      { id: 'b', depth: 1, relationshipTypes: [] },
    ]);
  });

  it('clears the selection when the view changes and the page when a filter does', () => {
    const state = { ...DEFAULT_STATE, selection: akta, page: 3, view: 'deadlines' as const };
    expect(patchViewState(state, { view: 'map' }).selection).toBeNull();
    expect(patchViewState(state, { view: 'map', selection: 'x' }).selection).toBe('x');
    expect(patchViewState(state, { statuses: ['OVERDUE'] }).page).toBe(0);
    expect(patchViewState(state, { tab: 'table' }).page).toBe(3);
  });
});
