import "server-only";

/**
 * A short-lived cache of successful CRM reads, shared by everyone using this
 * server process, with single-flight: identical reads that arrive together
 * make one upstream call. Entries stay past their freshness for a while so
 * that, when the month's quota is used up, reads can still show what was last
 * seen (marked stale). Errors are never stored.
 */
export interface CacheEntry<T> {
  value: T;
  storedAt: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CacheEntry<unknown>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly options: { freshMs: number; keepStaleMs: number; maxEntries: number; now?: () => number }) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** A fresh entry, or undefined. */
  getFresh<T>(key: string): CacheEntry<T> | undefined {
    const entry = this.entries.get(key) as CacheEntry<T> | undefined;
    if (!entry) return undefined;
    const age = this.now() - entry.storedAt;
    if (age > this.options.keepStaleMs) {
      this.entries.delete(key);
      return undefined;
    }
    return age <= this.options.freshMs ? entry : undefined;
  }

  /** Any entry still kept, however old: for serving stale data when the CRM refuses. */
  getAny<T>(key: string): CacheEntry<T> | undefined {
    const entry = this.entries.get(key) as CacheEntry<T> | undefined;
    if (entry && this.now() - entry.storedAt > this.options.keepStaleMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set<T>(key: string, value: T) {
    // Map keeps insertion order: deleting and re-adding makes this the newest entry.
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.now() });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  isInFlight(key: string): boolean {
    return this.inFlight.has(key);
  }

  /** Joins an identical read already on its way, or starts it. */
  singleFlight<T>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const promise = load().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Drops every entry whose key starts with one of the prefixes (after a write). */
  invalidate(prefixes: readonly string[]) {
    for (const key of [...this.entries.keys()]) {
      if (prefixes.some((prefix) => key.startsWith(prefix))) this.entries.delete(key);
    }
  }

  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}
