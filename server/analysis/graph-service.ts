import type { GraphStore } from '../store/graph-store.ts';
import { GraphIndex } from './graph-index.ts';
import { prepareSearch } from './search-index.ts';

export interface GraphServiceOptions {
  /**
   * How long an index is trusted before the store's change counter is checked again, so that
   * writes by another server over the same Neo4j show up. @default 2000
   */
  readonly checkEveryMs?: number;
}

/** Builds the index and its search corpus, so no user's first search pays for the corpus. */
async function buildIndex(store: GraphStore): Promise<GraphIndex> {
  const index = await GraphIndex.build(store);
  prepareSearch(index);
  return index;
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
    return new GraphService(store, await buildIndex(store), options);
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
        return index;
      })
      .finally(() => {
        this.#rebuilding = null;
      });
    return this.#rebuilding;
  }
}
