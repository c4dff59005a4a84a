// The audit log (system administrators): GET /api/audit, filtered and keyset-paged by the server.
import type { AuditLogEntry, AuditPage } from "@formwork/schema";
import type { Send } from "./transport";

export type AuditEntry = AuditLogEntry;

export interface AuditQuery {
  actor?: string;
  /** An exact action, or a prefix ending in "." for a family ("member."). */
  action?: string;
  /** ISO date-times. */
  from?: string;
  to?: string;
  /** The previous page's nextCursor. */
  before?: string;
  limit?: number;
}

export function auditApi(send: Send) {
  return {
    list: (query: AuditQuery = {}) =>
      send<AuditPage>({
        method: "GET",
        path: "/api/audit",
        query: { ...query },
      }),
  };
}
