import { describe, expect, it } from 'vitest';
import { Visibility } from '../access/visibility.ts';
import { ACCESS_SHARING, buildAccessLandscape } from '../testing/access-scenario.ts';
import { blastRadius } from './blast-radius.ts';
import { compare } from './compare.ts';
import { deadlines } from './deadlines.ts';
import { GraphIndex } from './graph-index.ts';
import { countView } from './graph-view.ts';
import { NeighbourSpan } from './neighbour-span.ts';
import { neighbourhood } from './neighbourhood.ts';
import { searchEntities } from './search-index.ts';
import { VisibleGraph } from './visible-graph.ts';
import { whoUses } from './who-uses.ts';
import { LABELS, RELATIONSHIP_TYPES } from '../model/model-types.ts';

/**
 * The analyses themselves, called with a restricted view (no resolver in between): what a view
 * hides, no analysis reaches.
 */
const index = GraphIndex.fromLandscape(buildAccessLandscape());
const sharing = new Map(
  Object.entries(ACCESS_SHARING).map(([id, level]) => [id, level.toUpperCase() as 'NONE']),
);
const aarby = new VisibleGraph(index, new Visibility('org-a', sharing));
const AS_OF = '2026-11-22';

describe('a restricted view', () => {
  it('counts only what it shows, as the whole index counts everything', () => {
    const all = countView(index);
    const shown = countView(aarby);
    expect(all.nodes.Contract).toBe([...index.nodesOf('Contract')].length);
    expect(shown.nodes.Contract).toBe([...aarby.nodesOf('Contract')].length);
    expect(shown.nodes.Contract).toBeLessThan(all.nodes.Contract);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b);
    expect(sum(all.relationships)).toBe(index.relationshipCount);
    expect(sum(shown.relationships)).toBeLessThan(index.relationshipCount);
  });

  it('gives every degree as the length of the neighbours, for the view and the whole index', () => {
    let positive = 0;
    for (const view of [index, aarby]) {
      for (let node = 0; node < index.nodeCount; node++) {
        for (const type of RELATIONSHIP_TYPES) {
          for (const direction of ['OUT', 'IN'] as const) {
            const degree = view.degree(node, type, direction);
            expect(degree).toBe(view.neighbours(node, type, direction).length);
            if (degree > 0) positive++;
          }
        }
      }
    }
    expect(positive).toBeGreaterThan(index.relationshipCount);
    const hidden = index.indexOf('con-b')!;
    expect(index.degree(hidden, 'BELONGS_TO', 'OUT')).toBe(1);
    expect(aarby.degree(hidden, 'BELONGS_TO', 'OUT')).toBe(0);
  });

  it('writes into a span the very neighbours it gives as a view, for the view and the whole index', () => {
    // One span filled again and again, as the analyses' loops use it.
    const span = new NeighbourSpan();
    let filtered = 0;
    for (const view of [index, aarby]) {
      for (let node = 0; node < index.nodeCount; node++) {
        for (const type of RELATIONSHIP_TYPES) {
          for (const direction of ['OUT', 'IN'] as const) {
            const { targets, start, end } = view.neighbourSpan(node, type, direction, span);
            const expected = [...view.neighbours(node, type, direction)];
            expect([...targets.subarray(start, end)]).toEqual(expected);
            expect(span.length).toBe(expected.length);
            if (expected.length > 0) expect(span.includes(expected.at(-1)!)).toBe(true);
            if (view === aarby && index.degree(node, type, direction) > expected.length) filtered++;
          }
        }
      }
    }
    // The restricted view left some neighbours out, so its spans were not the index's.
    expect(filtered).toBeGreaterThan(0);
    const hidden = index.indexOf('con-b')!;
    expect(aarby.neighbourSpan(hidden, 'BELONGS_TO', 'OUT', span).length).toBe(0);
    expect(span.includes(index.indexOf('org-b')!)).toBe(false);
  });

  it('gives each first neighbour of a label as the first of the neighbours with that label', () => {
    let found = 0;
    let hiddenByView = 0;
    for (let node = 0; node < index.nodeCount; node++) {
      for (const type of RELATIONSHIP_TYPES) {
        for (const direction of ['OUT', 'IN'] as const) {
          for (const label of LABELS) {
            const answers = [index, aarby].map((view) => {
              const first = view.firstNeighbour(node, type, direction, label);
              const expected = [...view.neighbours(node, type, direction)].find(
                (n) => view.labelAt(n) === label,
              );
              expect(first).toBe(expected);
              return first;
            });
            if (answers[0] !== undefined) found++;
            if (answers[0] !== answers[1]) hiddenByView++;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(index.nodeCount);
    expect(hiddenByView).toBeGreaterThan(0);
  });

  it('hides nodes, edges and fields by sharing level', () => {
    expect(aarby.indexOf('con-b')).toBeUndefined();
    expect(aarby.indexOf('unit-c')).toBeUndefined();
    expect(aarby.recordAt(aarby.indexOf('con-c')!)).not.toHaveProperty('acquisitionCost');
    expect(aarby.recordAt(aarby.indexOf('con-d')!).acquisitionCost).toBe(4000.5);
    const usage = aarby.indexOf('use-b-esdh')!;
    expect(aarby.recordAt(usage)).toEqual({
      id: 'use-b-esdh',
      municipalityId: 'org-b',
      lifecycle: 'OPERATIONAL',
    });
    // A usage shared as a catalogue fact is reached from its system, not from its tasks.
    expect(aarby.neighbours(usage, 'INSTANCE_OF', 'OUT')).toHaveLength(1);
    const oko = aarby.indexOf('use-b-oko')!;
    expect(aarby.neighbours(oko, 'ADDS_TASK', 'OUT')).toHaveLength(0);
    const task = aarby.indexOf('task-27')!;
    const adders = [...aarby.neighbours(task, 'ADDS_TASK', 'IN')].map((n) => aarby.idAt(n));
    expect(adders.sort()).toEqual(['use-a-oko', 'use-c-oko', 'use-d-oko']);
    expect([...aarby.nodesOf('Contract')].map((n) => aarby.idAt(n)).sort()).toEqual([
      'con-a',
      'con-c',
      'con-d',
    ]);
  });

  it("counts no personal-data level a view does not show (Borup's usage at NONE)", () => {
    const level = (view: typeof index | typeof aarby) =>
      blastRadius(view, { systemIds: ['sys-esdh'], asOf: AS_OF }).personalData;
    const seen = level(aarby);
    expect(seen.byLevel.find((l) => l.level === 'SENSITIVE_DATA')?.count).toBe(3);
    // Three økonomi usages that depend on theirs record no level, and Borup's is not shown.
    expect(seen.notRecorded).toBe(4);
    expect(seen.usageIds).toEqual(['use-a-esdh', 'use-c-esdh', 'use-d-esdh']);
    expect(level(index).byLevel.find((l) => l.level === 'SENSITIVE_DATA')?.count).toBe(4);
  });

  it('keeps the whole index unchanged for others', () => {
    expect(index.indexOf('con-b')).toBeDefined();
    expect(index.recordAt(index.indexOf('con-c')!).acquisitionCost).toBe(3000.5);
  });

  it('bounds every analysis called with it', () => {
    const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);
    const slice = neighbourhood(aarby, { ids: ['sys-esdh', 'org-s'], depth: 4, maxNodes: 5000 });
    expect(ids(slice.nodes)).not.toContain('con-b');
    expect(ids(slice.nodes)).not.toContain('rel-b');
    expect(ids(slice.nodes)).toContain('rel-c');

    const blast = blastRadius(aarby, { supplierId: 'org-s', asOf: AS_OF });
    expect(blast.endingContracts.map((c) => c.contractId).sort()).toEqual([
      'con-a',
      'con-c',
      'con-d',
    ]);
    expect(blast.dataProcessings.map((d) => d.dataProcessingId).sort()).toEqual(['dp-a', 'dp-d']);

    const list = deadlines(aarby, { asOf: AS_OF, withinMonths: 60, first: 100 });
    expect(list.items.map((i) => i.contractId).sort()).toEqual(['con-a', 'con-c', 'con-d']);

    const who = whoUses(aarby, 'sys-esdh', AS_OF);
    const borup = who.rows.find((r) => r.municipalityId === 'org-b');
    expect(borup?.contract ?? null).toBeNull();
    expect(who.rows.find((r) => r.municipalityId === 'org-c')?.contract?.contractId).toBe('con-c');

    expect(searchEntities(aarby, 'SECRET').hits.map((h) => h.id)).toEqual(['con-a', 'con-d']);
    expect(searchEntities(aarby, 'b-lokal').total).toBe(0);
    expect(searchEntities(index, 'b-lokal').total).toBe(2);

    const both = compare(aarby, { municipalityIds: ['org-a', 'org-b'], asOf: AS_OF });
    expect(both.suppliers.perMunicipality.map((p) => p.count)).toEqual([1, 0]);
    // Cached per level of sight: the whole index still sees Borup's supplier afterwards.
    const all = compare(index, { municipalityIds: ['org-a', 'org-b'], asOf: AS_OF });
    expect(all.suppliers.perMunicipality.map((p) => p.count)).toEqual([1, 1]);
  });
});
