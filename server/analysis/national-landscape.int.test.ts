import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { landscapeSize } from '../../seed/landscape-size.ts';
import { MUNICIPALITIES, municipalityOrganizationName } from '../../seed/municipalities.ts';
import type { Derived } from '../domain/contract-dates.ts';
import type { Landscape } from '../model/landscape.ts';
import type { Label } from '../model/model-types.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { blastRadius } from './blast-radius.ts';
import { compare, MAX_PROCUREMENT_CANDIDATES } from './compare.ts';
import { dataQuality } from './data-quality.ts';
import { deadlines } from './deadlines.ts';
import type { GraphIndex } from './graph-index.ts';
import { neighboursWithLabel } from './graph-queries.ts';
import { GraphService } from './graph-service.ts';
import { neighbourhood } from './neighbourhood.ts';
import { foldSearchText, searchEntities } from './search-index.ts';
import { whoUses } from './who-uses.ts';

/**
 * Every analysis on the whole seeded national landscape (98 municipalities, ~210k nodes), read
 * back from the embedded store the way the server reads it: the answers must be non-empty,
 * within their bounds and in line with what the generator was asked to make. Speed is the
 * benchmark's business (`overblik bench`), not this test's.
 */
const AS_OF = '2026-01-01';

let dir: string;
let store: GraphStore;
let landscape: Landscape;
let index: GraphIndex;

const count = (label: Label) => landscape.nodes.get(label)?.length ?? 0;
const valueOf = <T>(date: Derived<T>): T | null => (date.known ? date.value : null);
const sumOf = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** The municipality Organization of a seed municipality, by its name. */
function municipalityId(code: number): string {
  const municipality = MUNICIPALITIES.find((m) => m.code === code)!;
  const name = municipalityOrganizationName(municipality);
  const found = landscape.nodes.get('Organization')!.find((o) => o.name === name);
  return found!.id;
}

/** The node of `label` with the most `type` neighbours in `direction` of `neighbourLabel`. */
function busiest(
  label: Label,
  type: Parameters<typeof neighboursWithLabel>[2],
  direction: 'IN' | 'OUT',
  neighbourLabel: Label,
): { node: number; degree: number } {
  let best = { node: -1, degree: -1 };
  for (const node of index.nodesOf(label)) {
    const degree = neighboursWithLabel(index, node, type, direction, neighbourLabel).length;
    if (degree > best.degree) best = { node, degree };
  }
  return best;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overblik-national-'));
  landscape = generateLandscape({ scale: 'national', seed: 1, referenceDate: AS_OF });
  store = await createStore({ kind: 'embedded', path: join(dir, 'national.kuzu') });
  await store.bulkLoad(landscape);
  const graph = await GraphService.create(store);
  index = await graph.current();
});

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the national landscape read back into the index', () => {
  it('holds every generated node and relationship', () => {
    const relationships = sumOf([...landscape.relationships.values()].map((r) => r.length));
    expect(index.nodeCount).toBe(sumOf([...landscape.nodes.values()].map((n) => n.length)));
    expect(index.relationshipCount).toBe(relationships);
    expect(index.nodeCount).toBeGreaterThan(150_000);
  });

  it('has the usages the generator aims at for each of the 98 municipalities', () => {
    const municipalities = [...index.nodesOf('Organization')].filter(
      (n) => index.recordAt(n).kind === 'MUNICIPALITY',
    );
    expect(municipalities).toHaveLength(98);
    for (const m of MUNICIPALITIES) {
      const node = index.indexOf(municipalityId(m.code))!;
      const usages = neighboursWithLabel(index, node, 'BELONGS_TO', 'IN', 'Usage').length;
      const aim = landscapeSize(m).usages;
      expect(usages, m.name).toBeGreaterThanOrEqual(Math.floor(aim * 0.7));
      expect(usages, m.name).toBeLessThanOrEqual(Math.ceil(aim * 1.3));
    }
  });
});

describe('analyses on the national landscape', () => {
  it('search finds every municipality by name, ranked and bounded', () => {
    const result = searchEntities(index, 'kommune', { kinds: ['Organization'], first: 100 });
    const municipalities = MUNICIPALITIES.map((m) => municipalityId(m.code));
    expect(result.total).toBe(98);
    expect(result.hits.map((h) => h.id).sort()).toEqual(municipalities.sort());
    for (const hit of result.hits) expect(foldSearchText(hit.name)).toContain('kommune');
    const everything = searchEntities(index, 'kommune', { first: 100 });
    expect(everything.hits).toHaveLength(100);
    expect(everything.total).toBeGreaterThan(98);
    const aarhus = searchEntities(index, 'Aarhus Kommune');
    expect(aarhus.hits[0]).toMatchObject({ id: municipalityId(751), matchedOn: 'name' });
    expect(aarhus.hits.length).toBeLessThanOrEqual(20);
  });

  it('search within one municipality finds only its own and shared entities', () => {
    const aarhus = municipalityId(751);
    const result = searchEntities(index, 'a', { municipalityId: aarhus, first: 100 });
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) expect([null, aarhus]).toContain(hit.municipalityId);
  });

  it('neighbourhood of the most used system stops at maxNodes', () => {
    const system = busiest('System', 'INSTANCE_OF', 'IN', 'Usage');
    expect(system.degree).toBeGreaterThan(49);
    expect(system.degree).toBeLessThanOrEqual(98 * 2);
    const slice = neighbourhood(index, {
      ids: [index.idAt(system.node)],
      depth: 2,
      maxNodes: 300,
    });
    expect(slice.nodes.length).toBeLessThanOrEqual(300);
    expect(slice.nodes.length).toBeGreaterThan(system.degree);
    expect(slice.truncated).toBe(true);
    expect(slice.hidden.byMaxNodes).toBeGreaterThan(0);
    const shown = new Set(slice.nodes.map((n) => n.id));
    expect(shown).toContain(index.idAt(system.node));
    for (const edge of slice.edges) {
      expect(shown.has(edge.source) && shown.has(edge.target)).toBe(true);
    }
  });

  it('neighbourhood of one usage is small and complete', () => {
    const [usage] = index.nodesOf('Usage');
    const slice = neighbourhood(index, { ids: [index.idAt(usage!)], depth: 1 });
    expect(slice.truncated).toBe(false);
    expect(slice.nodes.length).toBeGreaterThan(2);
    expect(slice.nodes.length).toBeLessThan(100);
    expect(slice.nodes.filter((n) => n.isStart)).toHaveLength(1);
  });

  it('blast radius of the busiest supplier ends its contracts and bounds its lists', () => {
    const supplier = busiest('Organization', 'SUPPLIED_BY', 'IN', 'Contract');
    expect(supplier.degree).toBeGreaterThan(20);
    const result = blastRadius(index, {
      supplierId: index.idAt(supplier.node),
      asOf: AS_OF,
      limit: 50,
    });
    expect(result.totals.endingContracts).toBe(supplier.degree);
    expect(result.endingContracts).toHaveLength(Math.min(50, supplier.degree));
    expect(result.totals.hitUsages).toBeGreaterThan(0);
    expect(result.totals.hitUsages).toBeLessThanOrEqual(count('Usage'));
    expect(result.totals.lostUsages + result.totals.degradedUsages).toBe(result.totals.hitUsages);
    expect(result.hitUsages.length).toBeLessThanOrEqual(50);
    expect(result.dependentUsages.length).toBeLessThanOrEqual(50);
    expect(result.totals.dependentsByDepth.length).toBeLessThanOrEqual(result.maxDepth);
    expect(sumOf(result.totals.dependentsByDepth)).toBe(result.totals.dependentUsages);
  });

  it('blast radius of one month ends a plausible share of the contracts', () => {
    const result = blastRadius(index, {
      window: { from: '2026-03-01', to: '2026-03-31' },
      asOf: AS_OF,
      limit: 0,
    });
    // Contract ends spread over years around the reference date: one month holds some, never most.
    expect(result.totals.endingContracts).toBeGreaterThan(20);
    expect(result.totals.endingContracts).toBeLessThan(count('Contract') / 10);
    expect(result.endingContracts).toHaveLength(0);
    expect(result.hitUsages).toHaveLength(0);
    expect(result.totals.hitUsages).toBeGreaterThan(0);
    const listed = blastRadius(index, {
      window: { from: '2026-03-01', to: '2026-03-31' },
      asOf: AS_OF,
      limit: 25,
    });
    expect(listed.endingContracts).toHaveLength(25);
    for (const contract of listed.endingContracts) {
      expect(valueOf(contract.dates.plannedEnd)).toMatch(/^2026-03-/);
    }
  });

  it('deadlines lists a page of contracts soonest first with consistent counts', () => {
    const page = deadlines(index, { asOf: AS_OF, withinMonths: 6, first: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.total).toBeGreaterThan(50);
    expect(page.total).toBeLessThanOrEqual(count('Contract'));
    expect(sumOf(page.statusCounts.map((s) => s.count))).toBe(page.total);
    expect(page.statusCounts.find((s) => s.status === 'DUE')!.count).toBeGreaterThan(0);
    const decideBy = page.items.map((i) => valueOf(i.dates.decideBy)).filter((d) => d !== null);
    expect(decideBy).toEqual([...decideBy].sort());
    for (const item of page.items) expect(item.usageIds.length).toBeLessThanOrEqual(100);
  });

  it('compare of København and Aarhus shares systems and bounds its candidates', () => {
    const ids = [municipalityId(101), municipalityId(751)];
    const result = compare(index, { municipalityIds: ids, asOf: AS_OF });
    expect(result.systems.sharedIds.length).toBeGreaterThan(50);
    expect(result.systems.unionCount).toBeLessThanOrEqual(count('System'));
    expect(result.systems.jaccard).toBeGreaterThan(0);
    expect(result.systems.jaccard).toBeLessThan(1);
    expect(result.suppliers.sharedIds.length).toBeGreaterThan(0);
    expect(result.mainGroups.length).toBeGreaterThan(0);
    const candidates = result.sharedProcurement.candidates;
    expect(candidates.length).toBeLessThanOrEqual(MAX_PROCUREMENT_CANDIDATES);
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect(new Set(candidate.contracts.map((c) => c.municipalityId)).size).toBe(2);
    }
  });

  it('whoUses of the most used system lists one row per usage, within 98 municipalities', () => {
    const system = busiest('System', 'INSTANCE_OF', 'IN', 'Usage');
    const result = whoUses(index, index.idAt(system.node), AS_OF);
    expect(result.rows).toHaveLength(system.degree);
    expect(result.municipalityCount).toBeGreaterThan(40);
    expect(result.municipalityCount).toBeLessThanOrEqual(98);
    expect(sumOf(result.byLifecycle.map((l) => l.count))).toBe(system.degree);
  });

  it('dataQuality pages its findings and counts every municipality', () => {
    const report = dataQuality(index, { asOf: AS_OF, first: 100 });
    expect(report.findings).toHaveLength(100);
    expect(sumOf(report.counts.map((c) => c.count))).toBe(report.total);
    expect(new Set(report.counts.map((c) => c.municipalityId)).size).toBe(98);
    // Findings are the exception, not the rule: fewer than one per usage.
    expect(report.total).toBeLessThan(count('Usage'));
    const aarhus = municipalityId(751);
    const own = dataQuality(index, { asOf: AS_OF, municipalityId: aarhus, first: 20 });
    expect(own.findings.length).toBeGreaterThan(0);
    for (const finding of own.findings) expect(finding.municipalityId).toBe(aarhus);
  });
});
