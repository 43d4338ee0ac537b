import type { ContractTerms } from '../domain/contract-dates.ts';
import {
  PERSONAL_DATA_LEVEL_VALUES,
  type Label,
  type PersonalDataLevel,
  type RelationshipType,
} from '../model/model-types.ts';
import type { Direction, GraphIndex } from './graph-index.ts';
import { baseOf, type GraphView } from './graph-view.ts';
import { NeighbourSpan } from './neighbour-span.ts';
import { NodeSet } from './node-set.ts';

/**
 * Small lookups over the index that every analysis needs, written once. Nodes are dense
 * indexes (numbers) as GraphIndex hands them out.
 */

/** Labels that describe and do not carry dependency: traversals never pass through them. */
export const HUB_LABELS: ReadonlySet<Label> = new Set([
  'Organization',
  'Task',
  'DataType',
  'ArchitectureComponent',
]);

/** Read and done with inside neighboursWithLabel alone, which calls nothing that fills it. */
const LABEL_SPAN = new NeighbourSpan();

/** Neighbours over one relationship type that have the given label (types may join several). */
export function neighboursWithLabel(
  index: GraphView,
  node: number,
  type: RelationshipType,
  direction: Direction,
  label: Label,
): number[] {
  const result: number[] = [];
  const { targets, start, end } = index.neighbourSpan(node, type, direction, LABEL_SPAN);
  for (let i = start; i < end; i++)
    if (index.labelAt(targets[i]!) === label) result.push(targets[i]!);
  return result;
}

/** Whether a node is a municipality: an Organization of kind MUNICIPALITY. */
function isMunicipality(index: GraphView, node: number): boolean {
  return index.labelAt(node) === 'Organization' && index.recordAt(node).kind === 'MUNICIPALITY';
}

/** Every municipality's node, in node order. */
export function municipalityNodes(index: GraphView): number[] {
  return [...index.nodesOf('Organization')].filter((n) => isMunicipality(index, n));
}

/** The municipality (Organization id) a local node belongs to; null for shared nodes. */
export function municipalityIdOf(index: GraphView, node: number): string | null {
  const value = index.recordAt(node).municipalityId;
  return typeof value === 'string' ? value : null;
}

/** The catalogue system a usage is an instance of. */
export function systemOfUsage(index: GraphView, usage: number): number | undefined {
  return index.firstNeighbour(usage, 'INSTANCE_OF', 'OUT', 'System');
}

const personalDataTables = new WeakMap<GraphIndex, Int8Array>();

/**
 * A usage's personal-data level as its place in PERSONAL_DATA_LEVEL_VALUES (NONE is 0), −1 when
 * not recorded or not shown to the view. The levels are kept per index, a byte per node: an
 * analysis over thousands of usages reads a byte each instead of each usage's record, which lie
 * scattered over the heap (a supplier's blast radius took 0.89–0.90 times as long without them).
 * A restricted view's record of a usage may leave the level out, and then so does this.
 */
export function personalDataRankOf(view: GraphView): (usage: number) => number {
  const index = baseOf(view);
  let ranks = personalDataTables.get(index);
  if (!ranks) {
    ranks = new Int8Array(index.nodeCount).fill(-1);
    for (const usage of index.nodesOf('Usage')) {
      const level = index.recordAt(usage).personalData;
      ranks[usage] = PERSONAL_DATA_LEVEL_VALUES.indexOf(level as PersonalDataLevel);
    }
    personalDataTables.set(index, ranks);
  }
  const table = ranks;
  if (view === index) return (usage) => table[usage]!;
  return (usage) => ('personalData' in view.recordAt(usage) ? table[usage]! : -1);
}

/** Contracts covering a usage. */
export function contractsCoveringUsage(index: GraphView, usage: number): number[] {
  return neighboursWithLabel(index, usage, 'COVERS', 'IN', 'Contract');
}

/** The usage's main contract, if it has one. */
export function mainContractOfUsage(index: GraphView, usage: number): number | undefined {
  return index.firstNeighbour(usage, 'MAIN_CONTRACT', 'OUT', 'Contract');
}

/** The supplier organisation of a contract. */
export function supplierOfContract(index: GraphView, contract: number): number | undefined {
  return index.firstNeighbour(contract, 'SUPPLIED_BY', 'OUT', 'Organization');
}

/** Usages a contract covers. */
export function usagesCoveredByContract(index: GraphView, contract: number): number[] {
  return neighboursWithLabel(index, contract, 'COVERS', 'OUT', 'Usage');
}

/**
 * A usage's effective KLE tasks: its system's SUPPORTS, plus its own ADDS_TASK, minus its
 * OPTS_OUT_TASK (DOMAIN.md). Each task is visited once; `seen` is cleared and used to tell, so
 * analyses over thousands of usages pass one reused set instead of making one per usage.
 */
export function visitEffectiveTasks(
  index: GraphView,
  usage: number,
  seen: NodeSet,
  visit: (task: number) => void,
): void {
  seen.clear();
  const optsOut = index.neighbours(usage, 'OPTS_OUT_TASK', 'OUT');
  for (let i = 0; i < optsOut.length; i++) seen.add(optsOut[i]!);
  const system = systemOfUsage(index, usage);
  if (system !== undefined) {
    const supports = index.neighbours(system, 'SUPPORTS', 'OUT');
    for (let i = 0; i < supports.length; i++) if (seen.add(supports[i]!)) visit(supports[i]!);
  }
  const adds = index.neighbours(usage, 'ADDS_TASK', 'OUT');
  for (let i = 0; i < adds.length; i++) if (seen.add(adds[i]!)) visit(adds[i]!);
}

/** A usage's effective KLE tasks (see {@link visitEffectiveTasks}). */
export function effectiveTasks(index: GraphView, usage: number): number[] {
  return NodeSet.using(index.nodeCount, 1, ([seen]) => {
    const tasks: number[] = [];
    visitEffectiveTasks(index, usage, seen!, (task) => tasks.push(task));
    return tasks;
  });
}

/** The KLE main group a task belongs to (itself for a main group). */
export function mainGroupOfTask(index: GraphView, task: number): number {
  let current = task;
  for (let depth = 0; depth < 5; depth++) {
    const parent = index.firstNeighbour(current, 'SUBTASK_OF', 'OUT', 'Task');
    if (parent === undefined) return current;
    current = parent;
  }
  return current;
}

/**
 * A contract's terms as the contract-dates module reads them (the record has the same property
 * names), and a parent lookup for Kitos's requireValidParent rule.
 */
export function contractTerms(index: GraphView, contract: number): ContractTerms {
  return index.recordAt(contract);
}

/** Looks up a contract's parent contract's terms (for contract validity). */
export function parentLookup(index: GraphView): (contract: ContractTerms) => ContractTerms | null {
  return (contract) => {
    const node = index.indexOf(contract.id);
    if (node === undefined) return null;
    const parent = index.firstNeighbour(node, 'SUB_CONTRACT_OF', 'OUT', 'Contract');
    return parent === undefined ? null : contractTerms(index, parent);
  };
}
