/** One caller waiting for its turn. */
interface Waiter {
  readonly exclusive: boolean;
  readonly start: () => void;
}

/**
 * Lets up to `maxShared` shared holders, or one exclusive holder, work at a time. Callers start
 * in the order they came: a shared caller behind a waiting exclusive one waits too, so a stream
 * of reads cannot keep a write waiting for ever.
 */
export class ReadWriteLock {
  readonly #maxShared: number;
  #shared = 0;
  #exclusive = false;
  readonly #waiting: Waiter[] = [];

  constructor(maxShared: number) {
    if (!Number.isInteger(maxShared) || maxShared < 1) {
      throw new Error(`A lock needs room for at least one shared holder; got ${maxShared}`);
    }
    this.#maxShared = maxShared;
  }

  /** Runs `work` beside other shared work, never beside exclusive work. */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.#hold(false, work);
  }

  /** Runs `work` alone. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#hold(true, work);
  }

  async #hold<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    if (this.#waiting.length === 0 && this.#free(exclusive)) this.#enter(exclusive);
    else await new Promise<void>((start) => this.#waiting.push({ exclusive, start }));
    try {
      return await work();
    } finally {
      if (exclusive) this.#exclusive = false;
      else this.#shared--;
      this.#wake();
    }
  }

  #free(exclusive: boolean): boolean {
    if (this.#exclusive) return false;
    return exclusive ? this.#shared === 0 : this.#shared < this.#maxShared;
  }

  #enter(exclusive: boolean): void {
    if (exclusive) this.#exclusive = true;
    else this.#shared++;
  }

  /** Starts waiting callers from the front while they fit. */
  #wake(): void {
    while (this.#waiting.length > 0 && this.#free(this.#waiting[0]!.exclusive)) {
      const next = this.#waiting.shift()!;
      this.#enter(next.exclusive);
      next.start();
    }
  }
}
