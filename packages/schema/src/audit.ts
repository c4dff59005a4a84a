// The audit log's entries as the API answers them (GET /api/audit): one shape for the server that
// writes the answer and the client that reads it.

export interface AuditLogEntry {
  id: string;
  /** ISO date-time. */
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

export interface AuditPage {
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page. */
  nextCursor: string | null;
}
