import { describe, expect, it } from 'vitest';
import { aktaSlice, AARBY } from '../../testing/map-fixtures.ts';
import { collapseGroups } from './collapse-groups.ts';
import { mapToElements } from './map-to-elements.ts';
import { sliceToMapGraph } from './slice-to-map-graph.ts';

const grouped = mapToElements(sliceToMapGraph(aktaSlice()), 'municipality');
const aarby = `group:municipality:${AARBY}`;

describe('collapseGroups', () => {
  it('leaves elements alone when nothing (known) is collapsed', () => {
    expect(collapseGroups(grouped, [])).toBe(grouped);
    expect(collapseGroups(grouped, ['group:municipality:nowhere'])).toBe(grouped);
  });

  it('hides the members and redraws their outside edges to the group', () => {
    const collapsed = collapseGroups(grouped, [aarby]);
    expect(collapsed.nodes.map((n) => n.data.id)).toEqual([aarby, 'sys-akta']);
    const group = collapsed.nodes[0]!;
    expect(group.classes).toContain('collapsed');
    expect(group.data.label).toBe('Aarby Kommune\n4 elementer, 3 interne forbindelser');
    expect(collapsed.edges.map((e) => [e.data.source, e.data.target])).toEqual([
      [aarby, 'sys-akta'],
    ]);
  });

  it('merges edges that end up between the same pair into one counted edge', () => {
    const doubled = {
      nodes: grouped.nodes,
      edges: [
        ...grouped.edges,
        {
          group: 'edges' as const,
          data: {
            id: 'extra',
            source: 'use-aarby-portal',
            target: 'sys-akta',
            type: 'INSTANCE_OF' as const,
            label: '',
          },
          classes: [],
        },
      ],
    };
    const edge = collapseGroups(doubled, [aarby]).edges.find((e) => e.data.target === 'sys-akta')!;
    expect(edge.data).toMatchObject({ type: 'AGGREGATE', count: 2, label: '2 forbindelser' });
    expect(edge.classes).toEqual(['aggregate']);
  });
});
