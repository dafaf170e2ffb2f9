/** Options of {@link RecentKeys}. */
export interface RecentKeysOptions {
  /** How long a key is remembered, in ms. Default one hour: Slack re-delivers an event for up to about five minutes. */
  ttlMs?: number;
  /** The most keys remembered; the oldest are forgotten first. Default 10000. */
  maxKeys?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * Remembers keys for a while, to do something once per key although its request arrives several times. Memory stays
 * bounded: keys expire after `ttlMs`, and past `maxKeys` the oldest go first.
 */
export class RecentKeys {
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  /** Key → expiry. Every key gets the same TTL, so insertion order is expiry order. */
  private readonly expiries = new Map<string, number>();

  constructor(options: RecentKeysOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Records the keys; true when none of them was seen within the TTL, false when any was (a repeat). */
  firstSeen(...keys: string[]): boolean {
    const now = this.now();
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(key);
    }
    const repeat = keys.some((key) => this.expiries.has(key));
    for (const key of keys) {
      this.expiries.delete(key);
      this.expiries.set(key, now + this.ttlMs);
    }
    for (const key of this.expiries.keys()) {
      if (this.expiries.size <= this.maxKeys) break;
      this.expiries.delete(key);
    }
    return !repeat;
  }

  /** How many keys are remembered now. */
  get size(): number {
    return this.expiries.size;
  }
}
