import type {
  Landscape,
  NodeRecord,
  PropertyValue,
  RelationshipRecord,
} from '../model/landscape.ts';
import type { Label, RelationshipType } from '../model/model-types.ts';
import { allowsEdge, type NodeRule, type Visibility } from './visibility.ts';

/** A record with the fields a rule hides set to null: exports keep every column. */
function blankHidden(record: NodeRecord, rule: NodeRule): NodeRecord {
  if (rule.fields === null) return record;
  const shown: Record<string, PropertyValue> = {};
  for (const key of Object.keys(record)) shown[key] = rule.fields.has(key) ? record[key]! : null;
  return shown as NodeRecord;
}

/**
 * The part of a landscape a viewer may see (exports): the same rules as the analyses' view
 * (analysis/visible-graph.ts), applied to records read from the store. Null visibility sees all.
 */
export function visibleLandscape(landscape: Landscape, visibility: Visibility | null): Landscape {
  if (visibility === null) return landscape;
  const rules = new Map<string, NodeRule>();
  const nodes = new Map<Label, NodeRecord[]>();
  for (const [label, records] of landscape.nodes) {
    const shown: NodeRecord[] = [];
    for (const record of records) {
      const owner = record.municipalityId;
      const rule = visibility.ruleFor(label, typeof owner === 'string' ? owner : undefined);
      if (rule === null) continue;
      rules.set(record.id, rule);
      shown.push(blankHidden(record, rule));
    }
    nodes.set(label, shown);
  }
  const reaches = (id: string, type: RelationshipType) => {
    const rule = rules.get(id);
    return rule !== undefined && allowsEdge(rule, type);
  };
  const relationships = new Map<RelationshipType, RelationshipRecord[]>();
  for (const [type, rows] of landscape.relationships) {
    relationships.set(
      type,
      rows.filter((r) => reaches(r.from, type) && reaches(r.to, type)),
    );
  }
  return { nodes, relationships };
}
