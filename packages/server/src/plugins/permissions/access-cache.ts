// A principal's access facts on a form (departments with ancestors and subs, roles, app-admin flag,
// the form's sets that include them), remembered for a few seconds so a busy writer does not pay the
// recursive facts query on every create. Keyed by user and form.
//
// Invalidation rides the credential cache's path (one mechanism): `forgetUser` forgets that user's
// facts, `forgetAccess` (called after any org, app-admin or permission-set change commits) forgets
// every user's, since moving a department or editing a set changes the facts of many users at once.
// A lookup that raced such a change never stores its (possibly stale) answer, and an expired entry is
// reloaded by one caller while the user's other requests keep it (ExpiringCache). Staleness bound
// across instances: CREDENTIAL_CACHE_TTL_MS plus one round trip (docs/deploy.md, "Several instances").
import type { AccessFacts } from "@formwork/db";
import type { Db } from "../../database";
import { ExpiringCache } from "../../expiring-cache";
import { CREDENTIAL_CACHE_TTL_MS, type CredentialCache } from "../auth/credential-cache";

const MAX_ENTRIES = 10_000;

export class AccessFactsCache {
  private readonly entries: ExpiringCache<string, AccessFacts>;

  constructor(ttlMs = CREDENTIAL_CACHE_TTL_MS, now: () => number = Date.now) {
    this.entries = new ExpiringCache(ttlMs, MAX_ENTRIES, now);
  }

  /** The facts, from the cache when fresh, else from `load` (remembered unless a change raced it). */
  get(userId: string, formId: string, load: () => Promise<AccessFacts>): Promise<AccessFacts> {
    return this.entries.get(`${userId}:${formId}`, load);
  }

  /** Forgets one user's facts on every form (or everyone's when `userId` is null). */
  forget(userId: string | null): void {
    if (userId === null) this.entries.delete();
    else this.entries.deleteWhere((key) => key.startsWith(`${userId}:`));
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
