import { describe, expect, it } from 'vitest';
import { GRAPH_MODEL } from '../server/model/graph-model.ts';
import { countLandscape, type Landscape, type NodeRecord } from '../server/model/landscape.ts';
import { LOCAL_LABELS, type Label, type RelationshipType } from '../server/model/model-types.ts';
import { generateLandscape } from './generate-landscape.ts';

const REFERENCE_DATE = '2025-06-01';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LOCAL = new Set<string>(LOCAL_LABELS);
/** Date properties and what is computed from dates (the procurement plan's year and quarter). */
const DATE_DERIVED = new Set([
  ...GRAPH_MODEL.labels.flatMap((l) =>
    l.properties.filter((p) => p.type === 'date').map((p) => p.name),
  ),
  'procurementPlanYear',
  'procurementPlanQuarter',
]);

/** Lookups over a generated landscape for the checks below. */
function inspect(landscape: Landscape) {
  const byId = new Map<string, NodeRecord>();
  const labelOf = new Map<string, Label>();
  for (const [label, rows] of landscape.nodes) {
    for (const row of rows) {
      byId.set(row.id, row);
      labelOf.set(row.id, label);
    }
  }
  const nodes = (label: Label) => landscape.nodes.get(label) ?? [];
  const rels = (type: RelationshipType) => landscape.relationships.get(type) ?? [];
  /** Targets of `type` edges per source id (optionally only from one label). */
  const out = (type: RelationshipType, fromLabel?: Label) => {
    const map = new Map<string, string[]>();
    for (const r of rels(type)) {
      if (fromLabel && r.fromLabel !== fromLabel) continue;
      const list = map.get(r.from);
      if (list) list.push(r.to);
      else map.set(r.from, [r.to]);
    }
    return map;
  };
  /** Sources of `type` edges per target id (optionally only from one label). */
  const into = (type: RelationshipType, fromLabel?: Label) => {
    const map = new Map<string, string[]>();
    for (const r of rels(type)) {
      if (fromLabel && r.fromLabel !== fromLabel) continue;
      const list = map.get(r.to);
      if (list) list.push(r.from);
      else map.set(r.to, [r.from]);
    }
    return map;
  };
  const municipalities = nodes('Organization').filter((o) => o.kind === 'MUNICIPALITY');
  return { byId, labelOf, nodes, rels, out, into, municipalities };
}

type Inspection = ReturnType<typeof inspect>;

/** Every relationship with a local end that leaves its municipality, as readable strings. */
function crossingEdges(x: Inspection): string[] {
  const municipalityOf = (id: string): string | null => {
    const node = x.byId.get(id);
    if (!node) return null;
    if (LOCAL.has(x.labelOf.get(id) as string)) return node.municipalityId as string;
    return node.kind === 'MUNICIPALITY' ? id : null;
  };
  const problems: string[] = [];
  for (const type of GRAPH_MODEL.relationshipTypes.map((t) => t.name as RelationshipType)) {
    for (const r of x.rels(type)) {
      if (!LOCAL.has(r.fromLabel) && !LOCAL.has(r.toLabel)) continue;
      const from = municipalityOf(r.from);
      const to = municipalityOf(r.to);
      if (from !== null && to !== null && from !== to)
        problems.push(`${type} ${r.from} -> ${r.to}`);
    }
  }
  return problems;
}

/** A plain, comparable copy of a landscape (maps become arrays, order kept). */
function snapshot(landscape: Landscape) {
  return { nodes: [...landscape.nodes], relationships: [...landscape.relationships] };
}

const small = generateLandscape({ scale: 'small', seed: 1, referenceDate: REFERENCE_DATE });
const s = inspect(small);

describe('generateLandscape determinism', () => {
  it('gives an identical landscape for the same scale, seed and reference date', () => {
    const again = generateLandscape({ scale: 'small', seed: 1, referenceDate: REFERENCE_DATE });
    expect(snapshot(again)).toEqual(snapshot(small));
  });

  it('defaults the seed to 1', () => {
    const defaulted = generateLandscape({ scale: 'small', referenceDate: REFERENCE_DATE });
    expect(defaulted.nodes.get('Usage')?.map((u) => u.id)).toEqual(
      small.nodes.get('Usage')?.map((u) => u.id),
    );
  });

  it('gives different ids for a different seed', () => {
    const other = inspect(
      generateLandscape({ scale: 'small', seed: 2, referenceDate: REFERENCE_DATE }),
    );
    const ids = new Set(s.byId.keys());
    expect([...other.byId.keys()].filter((id) => ids.has(id))).toEqual([]);
  });

  it('keeps ids, counts, edges and every non-date property when only the reference date changes', () => {
    const later = generateLandscape({ scale: 'small', seed: 1, referenceDate: '2026-02-14' });
    expect(countLandscape(later)).toEqual(countLandscape(small));
    expect([...later.relationships]).toEqual([...small.relationships]);
    let movedDates = 0;
    for (const [label, rows] of small.nodes) {
      const laterRows = later.nodes.get(label) ?? [];
      expect(laterRows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      rows.forEach((row, i) => {
        const laterRow = laterRows[i] as NodeRecord;
        for (const [key, value] of Object.entries(row)) {
          if (!DATE_DERIVED.has(key)) expect(laterRow[key]).toEqual(value);
          else if (value !== laterRow[key]) movedDates++;
        }
      });
    }
    expect(movedDates).toBeGreaterThan(500);
  });

  it('rejects an unknown scale and an impossible reference date', () => {
    expect(() => generateLandscape({ scale: 'huge' as 'small' })).toThrow(/Unknown scale "huge"/);
    expect(() => generateLandscape({ scale: 'small', referenceDate: '2025-02-30' })).toThrow(
      /Invalid date/,
    );
  });
});

describe('small landscape', () => {
  const count = countLandscape(small);
  const n = (label: Label) => count.nodes[label] ?? 0;
  const municipality = s.municipalities[0] as NodeRecord;

  it('is one mid-size municipality with a proportionate landscape', () => {
    expect(s.municipalities).toHaveLength(1);
    expect(municipality).toMatchObject({
      name: 'Svendborg Kommune',
      municipalityCode: 479,
      region: 'Syddanmark',
    });
    expect(municipality.cvr).toMatch(/^\d{8}$/);
    expect(n('Usage')).toBeGreaterThanOrEqual(400);
    expect(n('Usage')).toBeLessThanOrEqual(600);
    expect(n('OrgUnit')).toBeGreaterThanOrEqual(300);
    expect(n('OrgUnit')).toBeLessThanOrEqual(700);
    expect(n('Contract')).toBeGreaterThanOrEqual(150);
    expect(n('Contract')).toBeLessThanOrEqual(320);
    expect(n('Relation') / n('Usage')).toBeGreaterThan(1);
    expect(n('Relation') / n('Usage')).toBeLessThan(1.5);
    expect(n('DataProcessing')).toBeGreaterThanOrEqual(100);
    expect(n('DataProcessing')).toBeLessThanOrEqual(250);
    expect(n('DataType')).toBe(9);
    expect(s.nodes('ArchitectureComponent').map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Beskedfordeler',
        'Fordelingskomponent',
        'Sags- og dokumentindeks',
        'Serviceplatformen',
        'NemLog-in',
        'Digital Post',
        'MitID',
      ]),
    );
    expect(s.nodes('Task').filter((t) => t.level === 'MAIN_GROUP')).toHaveLength(36);
    expect(s.nodes('Task').filter((t) => t.level === 'GROUP')).toHaveLength(490);
  });

  it('trims the catalogue to what the municipality uses plus some unused entries', () => {
    const used = new Set(s.rels('INSTANCE_OF').map((r) => r.to));
    const unused = s.nodes('System').filter((sys) => !used.has(sys.id));
    expect(unused.length).toBeGreaterThan(50);
    expect(unused.length).toBeLessThan(n('System') / 2);
    expect(n('System')).toBeLessThan(1_500);
  });

  it('uses UUID-shaped ids', () => {
    for (const id of s.byId.keys()) expect(id).toMatch(UUID_V4);
  });

  it('invents supplier names and includes communities and authorities', () => {
    const kinds = s.nodes('Organization').map((o) => o.kind);
    expect(kinds.filter((k) => k === 'SUPPLIER').length).toBeGreaterThan(50);
    expect(kinds).toContain('COMMUNITY');
    expect(kinds).toContain('AUTHORITY');
    const suppliers = s.nodes('Organization').filter((o) => o.kind === 'SUPPLIER');
    expect(suppliers.every((o) => / (A\/S|ApS|I\/S|K\/S)$/.test(o.name as string))).toBe(true);
    expect(
      suppliers
        .map((o) => (o.name as string).toLowerCase())
        .filter((name) => /\b(kmd|netcompany|systematic|visma|kombit)\b/.test(name)),
    ).toEqual([]);
  });

  it('puts every local node in the municipality', () => {
    for (const label of LOCAL_LABELS) {
      for (const node of s.nodes(label)) expect(node.municipalityId).toBe(municipality.id);
    }
    const belongs = s.out('BELONGS_TO');
    for (const label of ['Usage', 'Contract', 'DataProcessing'] as const) {
      for (const node of s.nodes(label)) expect(belongs.get(node.id)).toEqual([municipality.id]);
    }
    const unitOf = s.out('UNIT_OF');
    for (const unit of s.nodes('OrgUnit')) expect(unitOf.get(unit.id)).toEqual([municipality.id]);
  });

  it('keeps every local edge inside the municipality', () => {
    expect(crossingEdges(s)).toEqual([]);
  });

  it('builds one unit tree under a root named after the municipality', () => {
    const parent = s.out('PART_OF');
    const roots = s.nodes('OrgUnit').filter((u) => !parent.has(u.id));
    expect(roots.map((u) => u.name)).toEqual(['Svendborg Kommune']);
    expect([...parent.values()].every((p) => p.length === 1)).toBe(true);
    const withEan = s.nodes('OrgUnit').filter((u) => u.ean !== null);
    expect(withEan.length).toBeGreaterThan(20);
    expect(withEan.every((u) => /^\d{13}$/.test(u.ean as string))).toBe(true);
  });

  it('never has two usages of one system and gives each usage one system', () => {
    const systemOf = s.out('INSTANCE_OF');
    expect(s.nodes('Usage').every((u) => systemOf.get(u.id)?.length === 1)).toBe(true);
    const systems = s.nodes('Usage').map((u) => (systemOf.get(u.id) as string[])[0]);
    expect(new Set(systems).size).toBe(systems.length);
  });

  it('has exactly one ESDH, økonomi, løn, IdM and integration platform', () => {
    const systemOf = s.out('INSTANCE_OF');
    const typeCount = (businessType: string) =>
      s
        .nodes('Usage')
        .filter(
          (u) =>
            s.byId.get((systemOf.get(u.id) as string[])[0] as string)?.businessType ===
            businessType,
        ).length;
    for (const type of [
      'ESDH og Journalisering',
      'Økonomi og betaling',
      'Løn, personale og HR',
      'Bruger- og rettighedsstyring',
      'Basal infrastruktur og integration',
    ]) {
      expect(typeCount(type), type).toBe(1);
    }
  });

  it('keeps the responsible unit among the using units, with a few usages missing one', () => {
    const usedBy = s.out('USED_BY');
    const responsible = s.out('RESPONSIBLE');
    for (const usage of s.nodes('Usage')) {
      const units = usedBy.get(usage.id) ?? [];
      expect(units.length).toBeGreaterThanOrEqual(1);
      expect(units.length).toBeLessThanOrEqual(4);
      const owner = responsible.get(usage.id);
      if (owner) expect(units).toContain(owner[0]);
    }
    const missing = s.nodes('Usage').filter((u) => !responsible.has(u.id)).length / n('Usage');
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(0.08);
  });

  it('adds only tasks the system lacks and opts out only of tasks it supports', () => {
    const systemOf = s.out('INSTANCE_OF');
    const supports = s.out('SUPPORTS');
    const supported = (usageId: string) =>
      new Set(supports.get((systemOf.get(usageId) as string[])[0] as string) ?? []);
    expect(s.rels('ADDS_TASK').length).toBeGreaterThan(0);
    expect(s.rels('OPTS_OUT_TASK').length).toBeGreaterThan(0);
    for (const r of s.rels('ADDS_TASK')) expect(supported(r.from).has(r.to)).toBe(false);
    for (const r of s.rels('OPTS_OUT_TASK')) expect(supported(r.from).has(r.to)).toBe(true);
  });

  it('exposes each interface from exactly one system, carrying 1-4 data types', () => {
    const exposedBy = s.into('EXPOSES');
    const carries = s.out('CARRIES');
    for (const iface of s.nodes('Interface')) {
      expect(exposedBy.get(iface.id)).toHaveLength(1);
      const types = carries.get(iface.id) ?? [];
      expect(types.length).toBeGreaterThanOrEqual(1);
      expect(types.length).toBeLessThanOrEqual(4);
    }
  });

  it('routes every relation between two different usages, through an interface its provider exposes', () => {
    const from = s.out('FROM_USAGE');
    const to = s.out('TO_USAGE');
    const via = s.out('VIA');
    const systemOf = s.out('INSTANCE_OF');
    const exposes = s.out('EXPOSES');
    for (const relation of s.nodes('Relation')) {
      const a = (from.get(relation.id) as string[])[0] as string;
      const b = (to.get(relation.id) as string[])[0] as string;
      expect(a).not.toBe(b);
      const iface = via.get(relation.id)?.[0];
      if (iface) expect(exposes.get((systemOf.get(b) as string[])[0] as string)).toContain(iface);
    }
    const withoutInterface =
      s.nodes('Relation').filter((r) => !via.has(r.id)).length / n('Relation');
    expect(withoutInterface).toBeGreaterThan(0);
    expect(withoutInterface).toBeLessThan(0.1);
  });

  it('makes ESDH, økonomi, IdM and the integration platform hubs, with chains and a cycle', () => {
    const from = s.out('FROM_USAGE');
    const to = s.out('TO_USAGE');
    const uses = new Map<string, Set<string>>();
    const incoming = new Map<string, number>();
    for (const relation of s.nodes('Relation')) {
      const a = (from.get(relation.id) as string[])[0] as string;
      const b = (to.get(relation.id) as string[])[0] as string;
      uses.set(a, (uses.get(a) ?? new Set()).add(b));
      incoming.set(b, (incoming.get(b) ?? 0) + 1);
    }
    const top = [...incoming.values()].sort((x, y) => y - x);
    expect(top[3]).toBeGreaterThan(25);
    // Longest simple path from each usage (depth-limited) and whether any usage reaches itself.
    let longest = 0;
    let cycle = false;
    const walk = (start: string, node: string, depth: number, seen: Set<string>) => {
      longest = Math.max(longest, depth);
      if (depth >= 5) return;
      for (const next of uses.get(node) ?? []) {
        if (next === start) cycle = true;
        else if (!seen.has(next)) walk(start, next, depth + 1, new Set(seen).add(next));
      }
    };
    for (const start of uses.keys()) walk(start, start, 0, new Set([start]));
    expect(longest).toBeGreaterThanOrEqual(4);
    expect(cycle).toBe(true);
  });

  it('points every main contract at a contract that covers the usage', () => {
    const coveredBy = s.into('COVERS', 'Contract');
    const main = s.out('MAIN_CONTRACT', 'Usage');
    expect(main.size / n('Usage')).toBeGreaterThan(0.7);
    for (const [usage, contracts] of main) {
      expect(contracts).toHaveLength(1);
      expect(coveredBy.get(usage)).toContain(contracts[0]);
    }
  });

  it('covers usages with 1-6 contracts, some twice, some not at all, and leaves a few contracts empty', () => {
    const covers = s.out('COVERS', 'Contract');
    const coveredBy = s.into('COVERS', 'Contract');
    for (const list of covers.values()) expect(list.length).toBeLessThanOrEqual(6);
    const empty = s.nodes('Contract').filter((c) => !covers.has(c.id)).length;
    expect(empty).toBeGreaterThan(0);
    expect(empty / n('Contract')).toBeLessThan(0.06);
    expect([...coveredBy.values()].some((list) => list.length >= 2)).toBe(true);
    const uncovered = s.nodes('Usage').filter((u) => !coveredBy.has(u.id)).length / n('Usage');
    expect(uncovered).toBeGreaterThan(0);
    expect(uncovered).toBeLessThan(0.08);
  });

  it('supplies every contract and links sub-contracts to a parent in the same municipality', () => {
    const supplier = s.out('SUPPLIED_BY');
    expect(
      s.nodes('Contract').filter((c) => supplier.has(c.id)).length / n('Contract'),
    ).toBeGreaterThan(0.95);
    const parent = s.out('SUB_CONTRACT_OF');
    expect(parent.size).toBeGreaterThan(0);
    for (const [child, [p]] of parent) {
      expect(s.labelOf.get(p as string)).toBe('Contract');
      expect(child).not.toBe(p);
    }
    expect(s.nodes('Contract').some((c) => c.requireValidParent === true)).toBe(true);
    const types = new Set(s.nodes('Contract').map((c) => c.contractType));
    for (const type of [
      'Hovedkontrakt',
      'Tillægskontrakt',
      'Serviceaftale',
      'Snitflade',
      'Databehandleraftale',
    ])
      expect(types).toContain(type);
  });

  it('registers data processing for usages with personal data, with a few missing', () => {
    const covers = s.out('COVERS', 'DataProcessing');
    const usages = new Map(s.nodes('Usage').map((u) => [u.id, u]));
    for (const list of covers.values()) {
      for (const usage of list)
        expect(['PERSONAL_DATA', 'SENSITIVE_DATA', 'LEGAL_DATA']).toContain(
          usages.get(usage)?.personalData,
        );
    }
    const processors = s.out('PROCESSOR');
    expect(s.nodes('DataProcessing').every((d) => (processors.get(d.id)?.length ?? 0) >= 1)).toBe(
      true,
    );
    const covered = new Set([...covers.values()].flat());
    const personal = s
      .nodes('Usage')
      .filter((u) => u.personalData !== null && u.personalData !== 'NONE');
    const missing = personal.filter((u) => !covered.has(u.id)).length / personal.length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(0.1);
    const main = s.out('MAIN_CONTRACT', 'DataProcessing');
    expect(main.size / n('DataProcessing')).toBeGreaterThan(0.7);
  });

  it('keeps most usages operational, with the other lifecycles present', () => {
    const lifecycles = s.nodes('Usage').map((u) => u.lifecycle);
    expect(
      lifecycles.filter((l) => l === 'OPERATIONAL').length / lifecycles.length,
    ).toBeGreaterThan(0.7);
    for (const l of ['PHASING_IN', 'PHASING_OUT', 'NOT_IN_USE', 'UNDECIDED'])
      expect(lifecycles).toContain(l);
  });
});

describe('medium landscape', () => {
  const medium = generateLandscape({ scale: 'medium', seed: 1, referenceDate: REFERENCE_DATE });
  const m = inspect(medium);

  it('has ten municipalities of mixed sizes, including København and Aarhus', () => {
    expect(m.municipalities).toHaveLength(10);
    expect(m.municipalities.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Københavns Kommune', 'Aarhus Kommune']),
    );
    const usagesPer = new Map<string, number>();
    for (const u of m.nodes('Usage'))
      usagesPer.set(
        u.municipalityId as string,
        (usagesPer.get(u.municipalityId as string) ?? 0) + 1,
      );
    const kbh = m.municipalities.find((o) => o.municipalityCode === 101) as NodeRecord;
    expect(usagesPer.get(kbh.id)).toBeGreaterThan(900);
    expect(Math.min(...usagesPer.values())).toBeLessThan(450);
  });

  it('keeps every local edge inside its municipality and never repeats a (municipality, system) usage', () => {
    expect(crossingEdges(m)).toEqual([]);
    const systemOf = m.out('INSTANCE_OF');
    const keys = m
      .nodes('Usage')
      .map((u) => `${u.municipalityId}|${(systemOf.get(u.id) as string[])[0]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives popularity a heavy tail: a few systems everywhere, many in one municipality', () => {
    const users = new Map<string, number>();
    for (const r of m.rels('INSTANCE_OF')) users.set(r.to, (users.get(r.to) ?? 0) + 1);
    const counts = [...users.values()];
    expect(counts.filter((c) => c >= 9).length).toBeGreaterThan(20);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(counts.length / 3);
  });

  it('has local systems, some duplicating a public system by name', () => {
    const systems = m.nodes('System');
    const publicNames = new Set(systems.filter((x) => x.scope === 'PUBLIC').map((x) => x.name));
    const local = systems.filter((x) => x.scope === 'LOCAL');
    const municipalityIds = new Set(m.municipalities.map((o) => o.id));
    expect(local.every((x) => municipalityIds.has(x.ownerId as string))).toBe(true);
    const duplicates = local.filter((x) => publicNames.has(x.name)).length;
    expect(duplicates).toBeGreaterThan(0);
    expect(duplicates).toBeLessThan(local.length / 3);
  });

  it('has contracts ending in every month of the coming two years, and on common cycles across municipalities', () => {
    const ends = new Map<string, number>();
    for (const c of m.nodes('Contract')) {
      if (c.validTo)
        ends.set(
          (c.validTo as string).slice(0, 7),
          (ends.get((c.validTo as string).slice(0, 7)) ?? 0) + 1,
        );
    }
    for (let i = 0; i < 24; i++) {
      const month = `${2025 + Math.floor((5 + i) / 12)}-${String(((5 + i) % 12) + 1).padStart(2, '0')}`;
      expect(ends.get(month) ?? 0, month).toBeGreaterThanOrEqual(3);
    }
    // Shared-procurement candidates: one system's contracts in two municipalities ending within 3 months.
    const systemOf = m.out('INSTANCE_OF');
    const endsBySystem = new Map<string, { municipality: string; end: number }[]>();
    const contracts = new Map(m.nodes('Contract').map((c) => [c.id, c]));
    for (const r of m.rels('COVERS')) {
      const contract = contracts.get(r.from);
      if (!contract?.validTo) continue;
      const system = (systemOf.get(r.to) as string[])[0] as string;
      const list = endsBySystem.get(system) ?? [];
      list.push({
        municipality: contract.municipalityId as string,
        end: Date.parse(contract.validTo as string),
      });
      endsBySystem.set(system, list);
    }
    let systemsWithCandidates = 0;
    for (const list of endsBySystem.values()) {
      if (
        list.some((a, i) =>
          list
            .slice(i + 1)
            .some(
              (b) => b.municipality !== a.municipality && Math.abs(b.end - a.end) < 92 * 86_400_000,
            ),
        )
      ) {
        systemsWithCandidates++;
      }
    }
    expect(systemsWithCandidates).toBeGreaterThan(50);
  });
});

describe('national landscape', () => {
  it('reaches the national scale in a few seconds', () => {
    const started = performance.now();
    const national = generateLandscape({
      scale: 'national',
      seed: 1,
      referenceDate: REFERENCE_DATE,
    });
    const seconds = (performance.now() - started) / 1000;
    const { nodes, relationships } = countLandscape(national);
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    const kinds = (kind: string) =>
      national.nodes.get('Organization')?.filter((o) => o.kind === kind).length;
    expect(kinds('MUNICIPALITY')).toBe(98);
    expect(kinds('SUPPLIER')).toBe(300);
    expect(nodes.System).toBeGreaterThan(5_500);
    expect(nodes.System).toBeLessThan(6_500);
    expect(nodes.Interface).toBeGreaterThan(2_500);
    expect(nodes.Interface).toBeLessThan(4_000);
    expect(nodes.Task).toBe(2_911);
    expect(total(nodes)).toBeGreaterThan(100_000);
    expect(total(nodes)).toBeLessThan(300_000);
    expect(total(relationships)).toBeGreaterThan(500_000);
    expect(total(relationships)).toBeLessThan(2_500_000);
    expect(seconds).toBeLessThan(30);
  });
});
