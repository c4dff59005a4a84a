// The audit log (system administrators): GET /api/audit, filtered and keyset-paged by the server.
import type { Send } from "./transport";

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  action: string;
  targetId: string | null;
  appId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

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
      send<{ entries: AuditEntry[]; nextCursor: string | null }>({
        method: "GET",
        path: "/api/audit",
        query: { ...query },
      }),
  };
}
