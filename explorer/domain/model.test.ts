import { describe, expect, it } from 'vitest';
import { GRAPH_MODEL } from '../../server/model/graph-model.ts';
import * as server from '../../server/model/model-types.ts';
import { kindOf } from '../../server/api/create-schema.ts';
import { FINDING_CODES as SERVER_FINDING_CODES } from '../../server/analysis/data-quality.ts';
import { DEADLINE_STATUSES as SERVER_DEADLINE_STATUSES } from '../../server/analysis/deadlines.ts';
import { HUB_LABELS } from '../../server/analysis/graph-queries.ts';
import {
  CRITICALITIES,
  DEADLINE_STATUSES,
  ENTITY_KINDS,
  FINDING_CODES,
  HUB_KINDS,
  LIFECYCLES,
  PERSONAL_DATA_LEVELS,
  RELATIONSHIP_ENDS,
  RELATIONSHIP_TYPES,
  TYPENAME_OF_KIND,
  kindOfTypename,
  relationshipTypesOf,
} from './model.ts';

// The explorer keeps its own copy of the model's closed sets so its bundle holds no server code;
// these tests keep the copy honest.
describe('explorer model', () => {
  it('has the kinds, relationship types and enums of the server model', () => {
    expect(ENTITY_KINDS).toEqual(server.LABELS.map(kindOf));
    expect(Object.values(TYPENAME_OF_KIND)).toEqual(server.LABELS);
    expect(RELATIONSHIP_TYPES).toEqual(server.RELATIONSHIP_TYPES);
    expect(LIFECYCLES).toEqual(server.LIFECYCLE_VALUES);
    expect(CRITICALITIES).toEqual(server.CRITICALITY_VALUES);
    expect(PERSONAL_DATA_LEVELS).toEqual(server.PERSONAL_DATA_LEVEL_VALUES);
  });

  it('has the deadline statuses, finding codes and hub kinds of the analyses', () => {
    expect(DEADLINE_STATUSES).toEqual(SERVER_DEADLINE_STATUSES);
    expect(FINDING_CODES).toEqual(SERVER_FINDING_CODES);
    expect(new Set(HUB_KINDS)).toEqual(new Set([...HUB_LABELS].map(kindOf)));
  });

  it('joins the kinds the server model joins', () => {
    for (const { name, pairs } of GRAPH_MODEL.relationshipTypes) {
      expect(RELATIONSHIP_ENDS[name as keyof typeof RELATIONSHIP_ENDS]).toEqual(
        pairs.map(({ from, to }) => [kindOf(from as server.Label), kindOf(to as server.Label)]),
      );
    }
  });

  it('names kinds from type names and lists the relationships of a kind', () => {
    expect(kindOfTypename('OrgUnit')).toBe('ORG_UNIT');
    expect(kindOfTypename('ORG_UNIT')).toBe('ORG_UNIT');
    expect(kindOfTypename('Nope')).toBeUndefined();
    expect(relationshipTypesOf('RELATION')).toEqual(['GOVERNS', 'FROM_USAGE', 'TO_USAGE', 'VIA']);
  });
});
