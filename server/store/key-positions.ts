/**
 * Where each node key of one label stands among that label's nodes, for turning relationship
 * keys into positions (readGraph). Kùzu's keys are row offsets, small non-negative integers, and
 * find their position in an array; any other keys (ids) go through a map.
 */
export class KeyPositions {
  readonly #dense: Int32Array | null;
  readonly #map: Map<unknown, number> | null;

  private constructor(dense: Int32Array | null, map: Map<unknown, number> | null) {
    this.#dense = dense;
    this.#map = map;
  }

  /** Key i stands at position i. */
  static of(keys: readonly unknown[]): KeyPositions {
    let max = -1;
    let small = true;
    for (const key of keys) {
      if (typeof key !== 'number' || !Number.isInteger(key) || key < 0) {
        small = false;
        break;
      }
      if (key > max) max = key;
    }
    // Offsets leave gaps where nodes were deleted; past a few times the count a map is smaller.
    if (small && max < 4 * keys.length + 1024) {
      const dense = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < keys.length; i++) dense[keys[i] as number] = i;
      return new KeyPositions(dense, null);
    }
    return new KeyPositions(null, new Map(keys.map((key, i) => [key, i])));
  }

  /** The position of a key, or -1 for a key not read. */
  positionOf(key: unknown): number {
    if (this.#dense) {
      return typeof key === 'number' && key >= 0 && key < this.#dense.length
        ? this.#dense[key]!
        : -1;
    }
    return this.#map!.get(key) ?? -1;
  }
}
