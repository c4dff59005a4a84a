// Organisation changes (members, invites, departments, roles) into the audit log, inside the change's
// transaction (the org plugin calls its audit hook there).
import type { Db } from "../../database";
import type { OrgAuditEvent } from "../org/hooks";
import { writeAudit } from "./audit-store";

export function orgAuditHook(trx: Db, event: OrgAuditEvent): Promise<void> {
  return writeAudit(trx, {
    actorId: event.actorId,
    action: event.action,
    targetId: event.targetId,
    ...(event.detail ? { detail: event.detail } : {}),
  });
}
