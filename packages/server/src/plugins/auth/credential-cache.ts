// Who a session cookie or an API token belongs to, remembered for a few seconds so a busy client does
// not cost a database round trip per request. Keyed by the credential's SHA-256 (never the secret).
//
// Staleness bound: this process forgets an entry at once when it revokes the token, ends the session
// or is told a user changed (forgetUser); another instance may still accept the credential for at most
// CREDENTIAL_CACHE_TTL_MS after the change committed (docs/deploy.md, "Several instances").
import type { Principal } from "./principal";

export const CREDENTIAL_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  /** Epoch ms after which the entry must be looked up again. */
  until: number;
}

export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Bumped by every forget. A lookup notes it before asking the database and `set` drops its answer
   * when it changed meanwhile: a read that raced a revoke cannot put the revoked principal back.
   */
  private generation = 0;
  /** Caches derived from who a user is (the permissions' access facts): told of every forget. */
  private readonly listeners: ((userId: string | null) => void)[] = [];
  /** Holders of live connections made with a credential (realtime sockets): told when one ends. */
  private readonly credentialListeners: ((kind: Principal["via"], credentialId: string) => void)[] = [];

  constructor(
    private readonly ttlMs = CREDENTIAL_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The principal remembered for this credential hash, if still fresh. */
  get(kind: Principal["via"], hash: string): Principal | undefined {
    const key = `${kind}:${hash}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.principal;
    this.entries.delete(key);
    return undefined;
  }

  /** Call before the database lookup whose answer will be passed to `set`. */
  startLookup(): number {
    return this.generation;
  }

  /** Remembers a principal the database just confirmed; never past the credential's own expiry. */
  set(
    lookup: number,
    kind: Principal["via"],
    hash: string,
    principal: Principal,
    expiresAt: Date | null,
  ): void {
    if (lookup !== this.generation) return;
    const now = this.now();
    const until = Math.min(now + this.ttlMs, expiresAt ? expiresAt.getTime() : Number.POSITIVE_INFINITY);
    if (until <= now) return;
    // A full cache starts over rather than tracking recency: entries live seconds anyway.
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(`${kind}:${hash}`, { principal, until });
  }

  /** Forgets one credential: a revoked token (by its id) or an ended session (by its hash). */
  forgetCredential(kind: Principal["via"], credentialId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.principal.via === kind && entry.principal.credentialId === credentialId) {
        this.entries.delete(key);
      }
    }
    for (const listener of this.credentialListeners) listener(kind, credentialId);
  }

  /** Registers a holder of connections made with credentials: called when one is revoked or ended. */
  onForgetCredential(listener: (kind: Principal["via"], credentialId: string) => void): void {
    this.credentialListeners.push(listener);
  }

  /** Forgets every credential of a user: disabled, sessions ended, role or name changed. */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.principal.userId === userId) this.entries.delete(key);
    }
    for (const listener of this.listeners) listener(userId);
  }

  /**
   * The organisation (departments, roles, memberships), an app's admins or a permission set changed:
   * credentials stay valid, but every user's derived access facts are forgotten. Call after commit.
   */
  forgetAccess(): void {
    for (const listener of this.listeners) listener(null);
  }

  /** Registers a derived cache: called with a user id (that user changed) or null (anyone may have). */
  onForget(listener: (userId: string | null) => void): void {
    this.listeners.push(listener);
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /**
     * The app's credential cache. Code that disables a user, changes a user's admin flag or ends
     * credentials outside the auth plugin calls `forgetUser` after its transaction commits; code that
     * changes departments, roles, memberships, app admins or permission sets calls `forgetAccess`.
     */
    credentialCache: CredentialCache;
  }
}
