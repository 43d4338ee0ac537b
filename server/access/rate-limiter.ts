/**
 * Requests per key (a viewer) as token buckets: each key may burst `perMinute` requests, and
 * regains them at `perMinute` per minute. Buckets of keys that have been quiet for a minute are
 * full again, so they are forgotten to bound memory.
 */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #sweptAt: number;

  constructor(perMinute: number, now: () => number = () => performance.now()) {
    this.#perMinute = perMinute;
    this.#now = now;
    this.#sweptAt = now();
  }

  /**
   * Takes one request from the key's bucket: 0 when allowed, else the seconds until the next
   * request would be.
   */
  take(key: string): number {
    const now = this.#now();
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: this.#perMinute, at: now };
    const refilled = Math.min(
      this.#perMinute,
      bucket.tokens + ((now - bucket.at) / 60_000) * this.#perMinute,
    );
    if (refilled < 1) {
      this.#buckets.set(key, { tokens: refilled, at: now });
      return Math.ceil(((1 - refilled) / this.#perMinute) * 60);
    }
    this.#buckets.set(key, { tokens: refilled - 1, at: now });
    return 0;
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.at >= 60_000) this.#buckets.delete(key);
    }
  }
}
