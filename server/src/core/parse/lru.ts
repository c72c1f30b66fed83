/**
 * A bounded map that drops its least recently used entries first. A lookup only stamps the entry
 * (re-inserting it to keep recency order made every hit a Map delete and insert, a large part of
 * a warm build); when the map outgrows its bound, the least recently used quarter is dropped at
 * once, so eviction costs one sort per `capacity / 4` insertions.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; used: number }>();
  private tick = 0;

  constructor(private capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Raise the bound to at least `capacity` (never lowers it). */
  reserve(capacity: number): void {
    if (capacity > this.capacity) this.capacity = capacity;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = ++this.tick;
    return entry.value;
  }

  set(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      entry.used = ++this.tick;
      return;
    }
    this.entries.set(key, { value, used: ++this.tick });
    if (this.entries.size > this.capacity) this.evict();
  }

  /** Keep the most recently used three quarters of the bound (at least one entry). */
  private evict(): void {
    const keep = Math.max(1, this.capacity - Math.max(1, Math.floor(this.capacity / 4)));
    const stamps = new Float64Array(this.entries.size);
    let i = 0;
    for (const entry of this.entries.values()) stamps[i++] = entry.used;
    stamps.sort();
    const cutoff = stamps[stamps.length - keep];
    for (const [key, entry] of this.entries) if (entry.used < cutoff) this.entries.delete(key);
  }
}
