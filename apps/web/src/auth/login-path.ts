const DEFAULT_TARGET = "/apps";

/** The login URL that returns to `target` afterwards. */
export function loginPath(target: string): string {
  return target === "/" || target === DEFAULT_TARGET ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}

/**
 * Where to go after signing in. Only paths of this site are followed, so a crafted link cannot send a
 * user who just typed their password to another site.
 */
export function afterLoginTarget(next: string | null): string {
  if (next === null) return DEFAULT_TARGET;
  const sameSite = next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
  return sameSite && !next.startsWith("/login") ? next : DEFAULT_TARGET;
}
