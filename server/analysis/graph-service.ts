import { collectGarbage } from '../collect-garbage.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { prepareComparison } from './compare.ts';
import { GraphIndex } from './graph-index.ts';
import { prepareSearch } from './search-index.ts';

export interface GraphServiceOptions {
  /**
   * How long an index is trusted before the store's change counter is checked again, so that
   * writes by another server over the same Neo4j show up. @default 2000
   */
  readonly checkEveryMs?: number;
}

/** Milliseconds each step of {@link buildIndex} took. */
export interface IndexBuildSteps {
  graph: number;
  search: number;
  compare: number;
}

/**
 * Builds the index, its search corpus and the municipalities' comparison profiles, so no user's
 * first search or comparison pays for them. The benchmark's index build measures this, and asks
 * for the time of each step in `steps`.
 */
export async function buildIndex(store: GraphStore, steps?: IndexBuildSteps): Promise<GraphIndex> {
  const start = performance.now();
  const index = await GraphIndex.build(store);
  const built = performance.now();
  prepareSearch(index);
  const searchable = performance.now();
  prepareComparison(index);
  if (steps) {
    steps.graph = built - start;
    steps.search = searchable - built;
    steps.compare = performance.now() - searchable;
  }
  return index;
}

/** Indexes at least this large leave enough memory behind to be worth giving back. */
const LARGE_INDEX_NODES = 50_000;

/**
 * Gives back to the system the memory a large index build used on the way: the build makes a few
 * hundred thousand objects that live on (records, their texts) among much more garbage, which a
 * memory-reducing collection compacts away. Runs after the current task, so a refresh answers
 * first.
 */
function releaseBuildMemory(index: GraphIndex): void {
  if (index.nodeCount < LARGE_INDEX_NODES) return;
  setTimeout(collectGarbage, 0).unref();
}

/**
 * Owns the current in-memory index of one store: builds it at start-up, rebuilds it after writes
 * made through this server, and when the store's change counter moves (writes by others).
 */
export class GraphService {
  readonly store: GraphStore;
  readonly #checkEveryMs: number;
  #index: GraphIndex;
  #checkedAt = Date.now();
  #rebuilding: Promise<GraphIndex> | null = null;

  private constructor(store: GraphStore, index: GraphIndex, options: GraphServiceOptions) {
    this.store = store;
    this.#index = index;
    this.#checkEveryMs = options.checkEveryMs ?? 2000;
  }

  static async create(store: GraphStore, options: GraphServiceOptions = {}): Promise<GraphService> {
    const index = await buildIndex(store);
    releaseBuildMemory(index);
    return new GraphService(store, index, options);
  }

  /** The index to answer from; refreshed first when the store changed since it was built. */
  async current(): Promise<GraphIndex> {
    if (Date.now() - this.#checkedAt < this.#checkEveryMs) return this.#index;
    this.#checkedAt = Date.now();
    const counter = await this.store.changeCounter();
    return counter === this.#index.changeCounter ? this.#index : this.refresh();
  }

  /** Rebuilds the index now (call after writing through this server). */
  refresh(): Promise<GraphIndex> {
    this.#rebuilding ??= buildIndex(this.store)
      .then((index) => {
        this.#index = index;
        this.#checkedAt = Date.now();
        releaseBuildMemory(index);
        return index;
      })
      .finally(() => {
        this.#rebuilding = null;
      });
    return this.#rebuilding;
  }
}
