import type { GraphIndex } from '../analysis/graph-index.ts';
import { municipalityNodes, neighboursWithLabel } from '../analysis/graph-queries.ts';
import { entityName } from '../analysis/search-index.ts';
import { endOfMonth, startOfMonth } from '../domain/calendar-date.ts';
import { Random } from '../../seed/random.ts';

/** The start entities of the benchmark's scenarios, drawn once per run from the landscape. */
export interface ScenarioInputs {
  readonly asOf: string;
  /** Ids for point reads: usages, systems and contracts. */
  readonly entityIds: readonly string[];
  /** Usages (an ordinary 1-hop neighbourhood). */
  readonly usageIds: readonly string[];
  /** Systems with a typical number of usages (a 2-hop neighbourhood of a few hundred nodes). */
  readonly typicalSystemIds: readonly string[];
  /** The most used systems (a 2-hop neighbourhood of thousands of nodes). */
  readonly hubSystemIds: readonly string[];
  /** Suppliers with 20–60 contracts. */
  readonly supplierIds: readonly string[];
  /** Calendar months for the national "everything ending this month" question. */
  readonly months: readonly { from: string; to: string }[];
  /** Pairs of municipalities. */
  readonly municipalityPairs: readonly (readonly [string, string])[];
  /** Search texts: pieces of real names. */
  readonly searchTexts: readonly string[];
}

function idsOf(index: GraphIndex, label: Parameters<GraphIndex['nodesOf']>[0]): number[] {
  return [...index.nodesOf(label)];
}

/** Draws varied but reproducible start entities from the landscape (seeded). */
export function pickScenarioInputs(index: GraphIndex, asOf: string, seed = 1): ScenarioInputs {
  const random = Random.create(seed, 'bench');
  const sample = (nodes: readonly number[], n: number) =>
    nodes.length === 0 ? [] : Array.from({ length: n }, () => random.pick(nodes));
  const usages = idsOf(index, 'Usage');
  const systems = idsOf(index, 'System')
    .map((s) => ({ s, usages: index.degree(s, 'INSTANCE_OF', 'IN') }))
    .filter((x) => x.usages > 0)
    .sort((a, b) => a.usages - b.usages);
  const typical = systems.slice(Math.floor(systems.length * 0.4), Math.floor(systems.length * 0.7));
  const hubs = systems.slice(-Math.max(1, Math.floor(systems.length * 0.01)));
  const suppliers = idsOf(index, 'Organization').filter((o) => {
    const contracts = neighboursWithLabel(index, o, 'SUPPLIED_BY', 'IN', 'Contract').length;
    return contracts >= 20 && contracts <= 60;
  });
  const busiestSuppliers = idsOf(index, 'Organization')
    .map((o) => ({ o, n: neighboursWithLabel(index, o, 'SUPPLIED_BY', 'IN', 'Contract').length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 10)
    .map((x) => x.o);
  const municipalities = municipalityNodes(index);
  const names = [...idsOf(index, 'System'), ...idsOf(index, 'OrgUnit')]
    .map((n) => entityName(index, n))
    .filter((name) => name.length >= 5);
  const id = (n: number) => index.idAt(n);
  return {
    asOf,
    entityIds: sample(
      [...usages, ...systems.map((x) => x.s), ...idsOf(index, 'Contract')],
      200,
    ).map(id),
    usageIds: sample(usages, 200).map(id),
    typicalSystemIds: sample(
      typical.map((x) => x.s),
      100,
    ).map(id),
    hubSystemIds: sample(
      hubs.map((x) => x.s),
      20,
    ).map(id),
    supplierIds: sample(suppliers.length > 0 ? suppliers : busiestSuppliers, 50).map(id),
    months: Array.from({ length: 12 }, (_, k) => {
      const from = startOfMonth(asOf, k + 1);
      return { from, to: endOfMonth(from) };
    }),
    municipalityPairs:
      municipalities.length < 2
        ? []
        : Array.from({ length: 50 }, () => {
            const a = random.pick(municipalities);
            let b = random.pick(municipalities);
            while (b === a) b = random.pick(municipalities);
            return [id(a), id(b)] as const;
          }),
    searchTexts: Array.from({ length: 100 }, () => {
      const name = random.pick(names);
      const start = random.int(0, Math.max(0, name.length - 4));
      return name.slice(start, start + random.int(3, 5));
    }),
  };
}

/** The as-of date benchmarks stand on (and seed from): the first day of the current month. */
export function benchAsOf(today = new Date()): string {
  return startOfMonth(today.toISOString().slice(0, 10));
}
