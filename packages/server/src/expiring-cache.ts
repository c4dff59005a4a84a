// Look-ups remembered for a few seconds per key (which automations a form has, its webhooks, the
// forms of an app). When an entry expires, the first caller reloads it and the others keep the expired
// value until that reload lands: before, every request in flight at the expiry ran the same query
// (32 connections: 32 copies of each look-up every 5 s, and a submission with an automation paid
// about a third of a statement each for them — docs/benchmarks.md, issue 7). An entry is thus at most
// one round trip older than its TTL. Each caller loads on its own handle and never waits on another's
// load (on PGlite a caller inside a transaction must not wait on a query of the root handle).
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number; reloading: boolean }>();
  /** Bumped by every delete, so a load that raced one does not remember what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `reload` loads even while the entry is valid (the others still keep it until the load lands). */
  async get(key: K, load: () => Promise<V>, reload = false): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && !reload && (entry.until > this.now() || entry.reloading)) return entry.value;
    if (entry) entry.reloading = true;
    const generation = this.generation;
    try {
      const value = await load();
      if (generation === this.generation) this.set(key, value);
      return value;
    } finally {
      if (entry) entry.reloading = false;
    }
  }

  /** The value while it has not expired, without loading; undefined otherwise. */
  fresh(key: K): V | undefined {
    const entry = this.entries.get(key);
    return entry && entry.until > this.now() ? entry.value : undefined;
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.maxSize) this.entries.clear();
    this.entries.set(key, { value, until: this.now() + this.ttlMs, reloading: false });
  }

  /** Forgets `key`, or everything without one. */
  delete(key?: K): void {
    this.generation++;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  /** Forgets every key that `matches`. */
  deleteWhere(matches: (key: K) => boolean): void {
    this.generation++;
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
  }
}
