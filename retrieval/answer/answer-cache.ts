/**
 * A small least-recently-used map. Support desks and chat channels ask the same questions again and again; an answer
 * depends only on the question, its options and the collection, so it can be kept until the collection changes.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, V>();

  /** @param capacity Most entries kept; 0 turns caching off. */
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
