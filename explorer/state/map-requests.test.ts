import { describe, expect, it } from 'vitest';
import { EXPANSION_MAX_NODES, neighbourhoodRequests } from './map-requests.ts';
import { DEFAULT_STATE } from './url-state.ts';

describe('neighbourhoodRequests', () => {
  it('asks nothing without a focus', () => {
    expect(neighbourhoodRequests(DEFAULT_STATE)).toEqual([]);
  });

  it('asks for the focus and each expansion with the same filters', () => {
    const requests = neighbourhoodRequests({
      ...DEFAULT_STATE,
      focus: ['sys-akta'],
      depth: 2,
      municipality: 'org-aarby',
      lifecycles: ['OPERATIONAL'],
      kinds: ['SYSTEM', 'USAGE'],
      maxNodes: 1000,
      expansions: [
        { id: 'use-aarby-esdh', depth: 1, relationshipTypes: ['COVERS'] },
        { id: 'sys-akta', depth: 1, relationshipTypes: [] },
      ],
    });
    const filters = {
      municipalityId: 'org-aarby',
      lifecycles: ['OPERATIONAL'],
      supplierIds: null,
      personalData: null,
      kinds: ['SYSTEM', 'USAGE'],
    };
    expect(requests).toEqual([
      {
        ids: ['sys-akta'],
        depth: 2,
        relationshipTypes: null,
        direction: 'BOTH',
        filters,
        maxNodes: 1000,
      },
      {
        ids: ['use-aarby-esdh'],
        depth: 1,
        relationshipTypes: ['COVERS'],
        direction: 'BOTH',
        filters,
        maxNodes: EXPANSION_MAX_NODES,
      },
    ]);
  });
});
