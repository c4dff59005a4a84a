// A principal's access facts on a form (departments with ancestors and subs, roles, app-admin flag,
// the form's sets that include them), remembered for a few seconds so a busy writer does not pay the
// recursive facts query on every create. Keyed by user and form.
//
// Invalidation rides the credential cache's path (one mechanism): `forgetUser` forgets that user's
// facts, `forgetAccess` (called after any org, app-admin or permission-set change commits) forgets
// every user's, since moving a department or editing a set changes the facts of many users at once.
// A lookup that raced such a change never stores its (possibly stale) answer: see `generation`.
// Staleness bound across instances: CREDENTIAL_CACHE_TTL_MS (docs/deploy.md, "Several instances").
import type { AccessFacts } from "@formwork/db";
import type { Db } from "../../database";
import { CREDENTIAL_CACHE_TTL_MS, type CredentialCache } from "../auth/credential-cache";

const MAX_ENTRIES = 10_000;

interface Entry {
  facts: AccessFacts;
  until: number;
}

export class AccessFactsCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly ttlMs = CREDENTIAL_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The facts, from the cache when fresh, else from `load` (remembered unless a change raced it). */
  async get(userId: string, formId: string, load: () => Promise<AccessFacts>): Promise<AccessFacts> {
    const key = `${userId}:${formId}`;
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && entry.until > now) return entry.facts;
    if (entry) this.entries.delete(key);
    const lookup = this.generation;
    const facts = await load();
    if (lookup === this.generation) {
      // A full cache starts over rather than tracking recency: entries live seconds anyway.
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { facts, until: this.now() + this.ttlMs });
    }
    return facts;
  }

  /** Forgets one user's facts on every form (or everyone's when `userId` is null). */
  forget(userId: string | null): void {
    this.generation++;
    if (userId === null) {
      this.entries.clear();
      return;
    }
    const prefix = `${userId}:`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

const caches = new WeakMap<Db, AccessFactsCache>();

/**
 * Gives `db` an access cache that the credential cache's invalidations reach. Calls with another
 * handle (a transaction) find none and read the facts directly, which is always correct.
 */
export function attachAccessCache(db: Db, credentials: CredentialCache): AccessFactsCache {
  // Several apps on one handle (tests of multi-instance behaviour) share the cache, so every app's
  // invalidations reach the cache every app reads.
  let cache = caches.get(db);
  if (!cache) {
    cache = new AccessFactsCache();
    caches.set(db, cache);
  }
  const shared = cache;
  credentials.onForget((userId) => shared.forget(userId));
  return shared;
}

export function accessCacheOf(db: Db): AccessFactsCache | undefined {
  return caches.get(db);
}
