// No escalation: nobody changes their own admin flag or roles, whatever they hold. Checked against
// what the request would change, so saving one's own profile with the values unchanged still works.
import { FormworkError } from "@formwork/schema";
import type { Db } from "../../database";

export function forbidSelf(path: string, what: string): FormworkError {
  return new FormworkError("FORBIDDEN", `You cannot change your own ${what}`, [
    { path, message: "cannot be changed for yourself" },
  ]);
}

/** Throws when the actor's own admin flag or role set would change. */
export async function assertNoSelfEscalation(
  db: Db,
  actor: { userId: string; isAdmin: boolean },
  targetId: string,
  change: { isAdmin?: boolean; roleIds?: readonly string[] },
): Promise<void> {
  if (actor.userId !== targetId) return;
  if (change.isAdmin !== undefined && change.isAdmin !== actor.isAdmin)
    throw forbidSelf("/isAdmin", "admin flag");
  if (change.roleIds !== undefined) {
    const held = await db
      .selectFrom("user_roles")
      .select("role_id")
      .where("user_id", "=", targetId)
      .execute();
    const now = new Set(held.map((r) => r.role_id));
    const next = new Set(change.roleIds);
    if (now.size !== next.size || [...next].some((id) => !now.has(id))) throw forbidSelf("/roleIds", "roles");
  }
}

/** Throws when a role's member list change touches the actor. */
export function assertNotSelf(actorId: string, userIds: readonly string[]): void {
  const index = userIds.indexOf(actorId);
  if (index >= 0) throw forbidSelf(`/userIds/${index}`, "roles");
}
