/** A weighted choice: the value and its (non-negative) weight. */
export type Weighted<T> = readonly [value: T, weight: number];

/**
 * FNV-1a over the UTF-16 code units of `text`, started from `basis`, then avalanched (murmur3's
 * finaliser) so that similar names ("unit:1", "unit:2") give unrelated states.
 */
function hashString(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Cumulative weights for one Zipf table, shared by every stream (they never change). */
const ZIPF_TABLES = new Map<string, Float64Array>();

function zipfTable(n: number, exponent: number): Float64Array {
  const key = `${n}:${exponent}`;
  let table = ZIPF_TABLES.get(key);
  if (!table) {
    table = new Float64Array(n);
    let sum = 0;
    for (let rank = 1; rank <= n; rank++) {
      sum += 1 / rank ** exponent;
      table[rank - 1] = sum;
    }
    ZIPF_TABLES.set(key, table);
  }
  return table;
}

/** Index of the first cumulative weight above `target` (binary search). */
function searchCumulative(cumulative: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A seeded pseudo-random stream (sfc32: 128 bits of state, so streams forked from different names
 * never run into each other the way 32-bit generators can across hundreds of thousands of UUIDs).
 * Streams are named: `Random.create(seed, 'catalogue')` and `random.fork('unit', 3)` give
 * independent, reproducible sequences, so one part of the landscape can change how many numbers
 * it draws without shifting the ids of every other part.
 */
export class Random {
  readonly #seed: number;
  readonly #path: string;
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  private constructor(seed: number, path: string) {
    this.#seed = seed;
    this.#path = path;
    const text = `${seed}/${path}`;
    this.#a = hashString(text, 0x811c9dc5);
    this.#b = hashString(text, 0x9e3779b9);
    this.#c = hashString(text, 0x243f6a88);
    this.#d = hashString(text, 0xb7e15162) | 1;
    // sfc32 mixes poorly in its first outputs; discard them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The stream named by `path` under `seed`. */
  static create(seed: number, ...path: readonly (string | number)[]): Random {
    return new Random(seed, path.join('/'));
  }

  /** An independent child stream; forking draws nothing from this stream. */
  fork(...path: readonly (string | number)[]): Random {
    return new Random(this.#seed, `${this.#path}/${path.join('/')}`);
  }

  /** 32 uniformly random bits as an unsigned integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. Always draws one number, whatever `p` is. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(choices: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    if (!(total > 0)) throw new Error('Cannot pick from choices whose weights sum to zero');
    let target = this.next() * total;
    for (const [value, weight] of choices) {
      target -= weight;
      if (target < 0) return value;
    }
    return (choices[choices.length - 1] as Weighted<T>)[0];
  }

  /** An index into `cumulative` (running sums of weights), with probability by weight. */
  cumulativeIndex(cumulative: ArrayLike<number>): number {
    const total = cumulative[cumulative.length - 1] as number;
    return searchCumulative(cumulative, this.next() * total);
  }

  /**
   * A rank in [0, n) from a Zipf (power-law) distribution: rank 0 is the most popular, and the
   * weight of rank r is 1 / (r + 1)^exponent. Exponent 1 gives the classic long tail.
   */
  zipf(n: number, exponent = 1): number {
    return this.cumulativeIndex(zipfTable(n, exponent));
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** `count` distinct elements in random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /**
   * `count` distinct indexes, drawn without replacement with probability by weight
   * (Efraimidis-Spirakis: each index gets the key log(u) / w and the largest keys win).
   * Draws exactly one number per weight, so the draw count does not depend on the result.
   */
  weightedSampleIndexes(weights: readonly number[], count: number): number[] {
    const keyed: { index: number; key: number }[] = [];
    for (let index = 0; index < weights.length; index++) {
      const u = this.next();
      const weight = weights[index] as number;
      if (weight > 0) keyed.push({ index, key: Math.log(u || Number.MIN_VALUE) / weight });
    }
    keyed.sort((x, y) => y.key - x.key || x.index - y.index);
    return keyed.slice(0, Math.max(0, count)).map((k) => k.index);
  }

  /** A random UUID in version 4 format (122 random bits). */
  uuid(): string {
    const w0 = this.uint32();
    const w1 = this.uint32();
    const w2 = this.uint32();
    const w3 = this.uint32();
    const bytes = [
      w0 >>> 24,
      (w0 >>> 16) & 0xff,
      (w0 >>> 8) & 0xff,
      w0 & 0xff,
      w1 >>> 24,
      (w1 >>> 16) & 0xff,
      ((w1 >>> 8) & 0x0f) | 0x40,
      w1 & 0xff,
      ((w2 >>> 24) & 0x3f) | 0x80,
      (w2 >>> 16) & 0xff,
      (w2 >>> 8) & 0xff,
      w2 & 0xff,
      w3 >>> 24,
      (w3 >>> 16) & 0xff,
      (w3 >>> 8) & 0xff,
      w3 & 0xff,
    ].map((b) => HEX[b] as string);
    return (
      `${bytes.slice(0, 4).join('')}-${bytes.slice(4, 6).join('')}-${bytes.slice(6, 8).join('')}-` +
      `${bytes.slice(8, 10).join('')}-${bytes.slice(10, 16).join('')}`
    );
  }
}

/** Running sums of `weights`, for repeated `Random.cumulativeIndex` picks from one list. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] as number;
    cumulative[i] = sum;
  }
  return cumulative;
}
