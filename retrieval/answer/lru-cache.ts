/**
 * A small least-recently-used map: it keeps the `capacity` entries used last. Answers to repeated questions and the
 * analyses of popular passages are kept in one, so what is asked again is quick while memory stays bounded however
 * large the collection.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param capacity Most entries kept; 0 turns caching off. */
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size(): number {
    return this.entries.size;
  }
}
