import { allowsEdge, redact, type NodeRule, type Visibility } from '../access/visibility.ts';
import type { NodeRecord } from '../model/landscape.ts';
import { LABELS, type Label, type RelationshipType } from '../model/model-types.ts';
import type { Direction, GraphIndex } from './graph-index.ts';
import type { GraphView } from './graph-view.ts';
import type { NeighbourSpan } from './neighbour-span.ts';

const LABEL_CODE = new Map<Label, number>(LABELS.map((l, i) => [l, i]));
const EMPTY = new Uint32Array(0);

/** Per index: each node's label code and owning municipality (an ordinal; −1 for shared nodes). */
interface Owners {
  readonly labels: Uint8Array;
  readonly owner: Int32Array;
  readonly municipalities: readonly string[];
}

const OWNERS = new WeakMap<GraphIndex, Owners>();

function ownersOf(index: GraphIndex): Owners {
  let owners = OWNERS.get(index);
  if (owners) return owners;
  const labels = new Uint8Array(index.nodeCount);
  const owner = new Int32Array(index.nodeCount).fill(-1);
  const ordinals = new Map<string, number>();
  for (let node = 0; node < index.nodeCount; node++) {
    labels[node] = LABEL_CODE.get(index.labelAt(node))!;
    const municipalityId = index.recordAt(node).municipalityId;
    if (typeof municipalityId !== 'string') continue;
    let ordinal = ordinals.get(municipalityId);
    if (ordinal === undefined) ordinals.set(municipalityId, (ordinal = ordinals.size));
    owner[node] = ordinal;
  }
  owners = { labels, owner, municipalities: [...ordinals.keys()] };
  OWNERS.set(index, owners);
  return owners;
}

/**
 * The index as one restricted viewer sees it (access/visibility.ts): hidden nodes are unknown ids
 * and never neighbours, partly shown nodes carry redacted records and are reached only over the
 * relationship types their rule allows. Built per request; costs one small table.
 */
export class VisibleGraph implements GraphView {
  readonly base: GraphIndex;
  readonly visibility: Visibility;
  readonly #labels: Uint8Array;
  readonly #owner: Int32Array;
  /** Rule per (owner ordinal + 1) × label count + label code; null hides. */
  readonly #rules: (NodeRule | null)[];
  readonly #redacted = new Map<number, NodeRecord>();

  constructor(base: GraphIndex, visibility: Visibility) {
    this.base = base;
    this.visibility = visibility;
    const owners = ownersOf(base);
    this.#labels = owners.labels;
    this.#owner = owners.owner;
    this.#rules = [null, ...owners.municipalities].flatMap((municipalityId) =>
      LABELS.map((label) =>
        municipalityId === null
          ? visibility.ruleFor(label, undefined)
          : visibility.ruleFor(label, municipalityId),
      ),
    );
  }

  #ruleAt(node: number): NodeRule | null {
    return this.#rules[(this.#owner[node]! + 1) * LABELS.length + this.#labels[node]!]!;
  }

  /** Whether the viewer may see this node at all. */
  sees(node: number): boolean {
    return this.#ruleAt(node) !== null;
  }

  get changeCounter(): number {
    return this.base.changeCounter;
  }

  get nodeCount(): number {
    return this.base.nodeCount;
  }

  get relationshipCount(): number {
    return this.base.relationshipCount;
  }

  indexOf(id: string): number | undefined {
    const node = this.base.indexOf(id);
    return node !== undefined && this.sees(node) ? node : undefined;
  }

  idAt(node: number): string {
    return this.base.idAt(node);
  }

  idRank(node: number): number {
    return this.base.idRank(node);
  }

  labelAt(node: number): Label {
    return this.base.labelAt(node);
  }

  recordAt(node: number): NodeRecord {
    const rule = this.#ruleAt(node);
    // A hidden node should never be asked for; if a bug does, it shows nothing but its id.
    if (rule === null) return { id: this.base.idAt(node) };
    if (rule.fields === null) return this.base.recordAt(node);
    let record = this.#redacted.get(node);
    if (!record) this.#redacted.set(node, (record = redact(this.base.recordAt(node), rule)));
    return record;
  }

  get(id: string): { label: Label; record: NodeRecord } | undefined {
    const node = this.indexOf(id);
    return node === undefined
      ? undefined
      : { label: this.labelAt(node), record: this.recordAt(node) };
  }

  degree(node: number, type: RelationshipType, direction: Direction): number {
    return this.neighbours(node, type, direction).length;
  }

  neighbours(node: number, type: RelationshipType, direction: Direction): Uint32Array {
    const all = this.base.neighbours(node, type, direction);
    if (all.length === 0) return all;
    const own = this.#ruleAt(node);
    if (own === null || !allowsEdge(own, type)) return EMPTY;
    // Indexed loops: for...of over the views took 1.2 to 1.4 times as long in the analyses and
    // floors measured (see floors.ts).
    let kept = 0;
    for (let i = 0; i < all.length; i++) if (this.#reaches(all[i]!, type)) kept++;
    if (kept === all.length) return all;
    const visible = new Uint32Array(kept);
    let k = 0;
    for (let i = 0; i < all.length; i++) if (this.#reaches(all[i]!, type)) visible[k++] = all[i]!;
    return visible;
  }

  neighbourSpan(
    node: number,
    type: RelationshipType,
    direction: Direction,
    span: NeighbourSpan,
  ): NeighbourSpan {
    // A restricted view filters, so its spans cover a list of their own.
    const visible = this.neighbours(node, type, direction);
    return span.set(visible, 0, visible.length);
  }

  firstNeighbour(
    node: number,
    type: RelationshipType,
    direction: Direction,
    label: Label,
  ): number | undefined {
    const own = this.#ruleAt(node);
    if (own === null || !allowsEdge(own, type)) return undefined;
    const all = this.base.neighbours(node, type, direction);
    for (let i = 0; i < all.length; i++) {
      if (this.base.labelAt(all[i]!) === label && this.#reaches(all[i]!, type)) return all[i];
    }
    return undefined;
  }

  #reaches(node: number, type: RelationshipType): boolean {
    const rule = this.#ruleAt(node);
    return rule !== null && allowsEdge(rule, type);
  }

  *nodesOf(label: Label): Iterable<number> {
    for (const node of this.base.nodesOf(label)) if (this.sees(node)) yield node;
  }
}

/** The graph a viewer works on: the whole index, or the part a restricted viewer may see. */
export function graphFor(index: GraphIndex, visibility: Visibility | null): GraphView {
  return visibility === null ? index : new VisibleGraph(index, visibility);
}
