// Extension points of the organisation plugin, so later features plug in without editing its routes.
import type { Db } from "../../database";

/** A change to the organisation, as the audit log (a later task) will record it. */
export interface OrgAuditEvent {
  action:
    | "member.create"
    | "member.update"
    | "member.disable"
    | "member.enable"
    | "member.roles"
    | "member.password"
    | "invite.create"
    | "invite.accept"
    | "department.create"
    | "department.update"
    | "department.delete"
    | "department.heads"
    | "department.members.add"
    | "department.members.remove"
    | "roleGroup.create"
    | "roleGroup.update"
    | "roleGroup.delete"
    | "role.create"
    | "role.update"
    | "role.delete"
    | "role.members.add"
    | "role.members.remove";
  /** Who did it; null for a public invite acceptance (the invited member is `targetId`). */
  actorId: string | null;
  /** The member, department, role or group changed. */
  targetId: string;
  /** What was asked for (never a password or a token). */
  detail?: Record<string, unknown>;
}

export interface OrgHooks {
  /**
   * Called inside the change's transaction, so the audit row commits or rolls back with the change.
   * AUDIT LOG HOOK: issue 6 item 7 plugs its writer in here.
   */
  audit?(trx: Db, event: OrgAuditEvent): Promise<void>;
  /**
   * Called after a member was disabled and the transaction committed: their sessions are already
   * deleted and their API tokens revoked. REALTIME: open sockets of this user must be closed here too
   * (the realtime issue registers this hook).
   */
  memberDisabled?(userId: string): void;
  /**
   * Called after every change's transaction committed: departments, roles and memberships decide
   * permissions, so the org plugin forgets cached access facts here.
   */
  committed?(event: OrgAuditEvent): void;
}

/** Runs one state change in one transaction with its audit event. */
export function auditedChange(db: Db, hooks: OrgHooks) {
  return <T>(event: (result: T) => OrgAuditEvent, work: (trx: Db) => Promise<T>): Promise<T> =>
    db
      .transaction()
      .execute(async (trx) => {
        const result = await work(trx);
        const audited = event(result);
        await hooks.audit?.(trx, audited);
        return { result, audited };
      })
      .then(({ result, audited }) => {
        hooks.committed?.(audited);
        return result;
      });
}
