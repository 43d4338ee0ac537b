/** Sets kept for reuse, beyond which returned sets are left to the garbage collector. */
const MAX_POOLED = 16;
const pool: NodeSet[] = [];

/**
 * A set of dense node numbers (GraphIndex's) kept as stamps in a typed array, so adding, testing
 * and clearing cost O(1) and allocate nothing. A national blast radius touches tens of thousands
 * of nodes; as Set and Map entries they were most of its time and megabytes of garbage per
 * request. A member may carry whole numbers in columns (e.g. the step a search reached it by).
 *
 * Sets are reused across requests: take them with {@link NodeSet.using}, which clears them before
 * the work and takes them back after it, so one set is never shared by two pieces of work.
 */
export class NodeSet {
  readonly capacity: number;
  #stamps: Uint32Array;
  #stamp = 1;
  #members = 0;
  readonly #columns: Int32Array[] = [];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.#stamps = new Uint32Array(capacity);
  }

  /**
   * Runs `work` with `count` empty sets for nodes `0 .. capacity − 1`, from the pool when it has
   * them. Analyses are synchronous, so a set is back in the pool before the next request.
   */
  static using<T>(capacity: number, count: number, work: (sets: NodeSet[]) => T): T {
    const sets: NodeSet[] = [];
    while (sets.length < count) {
      const pooled = pool.pop();
      // An index rebuilt with another node count leaves sets of the old size: let them go.
      const set = pooled?.capacity === capacity ? pooled : new NodeSet(capacity);
      set.clear();
      sets.push(set);
    }
    try {
      return work(sets);
    } finally {
      for (const set of sets) if (pool.length < MAX_POOLED) pool.push(set);
    }
  }

  /** How many nodes are in the set. */
  get members(): number {
    return this.#members;
  }

  clear(): void {
    this.#members = 0;
    if (++this.#stamp < 0xffffffff) return;
    // After four billion clears the stamps wrap: start over from a zeroed array.
    this.#stamps.fill(0);
    this.#stamp = 1;
  }

  has(node: number): boolean {
    return this.#stamps[node] === this.#stamp;
  }

  /** Adds a node; false when it was already in the set. */
  add(node: number): boolean {
    if (this.#stamps[node] === this.#stamp) return false;
    this.#stamps[node] = this.#stamp;
    this.#members++;
    return true;
  }

  /** A member's value in a column (0 until set; read only for members). */
  value(node: number, column: number): number {
    return this.#column(column)[node]!;
  }

  setValue(node: number, column: number, value: number): void {
    this.#column(column)[node] = value;
  }

  /**
   * Counts a node `by` times (once by default): adds it with that count, or adds to its count
   * (column 0). Returns the new count, so with the default 1 means the node was new.
   */
  count(node: number, by = 1): number {
    const counts = this.#column(0);
    if (this.add(node)) return (counts[node] = by);
    return (counts[node]! += by);
  }

  #column(column: number): Int32Array {
    // Made on first use: most sets only mark membership.
    while (this.#columns.length <= column) this.#columns.push(new Int32Array(this.capacity));
    return this.#columns[column]!;
  }
}
