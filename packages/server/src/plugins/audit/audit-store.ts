// The audit log (migration 0011): one append-only row per security-relevant change, written with the
// transaction's own connection so the row commits or rolls back with the change it records.
import { json } from "@formwork/db";
import type { AuditPage } from "@formwork/schema";
import type { FastifyRequest } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../database";
import { iso } from "../auth/credentials-store";

export interface AuditEntry {
  actorId: string | null;
  /** Who it was, as text that outlives renames and deletions (an email; "public" for anonymous). */
  actorLabel?: string;
  action: string;
  targetId?: string | null;
  appId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      actor_label: entry.actorLabel ?? "",
      action: entry.action,
      target_id: entry.targetId ?? null,
      app_id: entry.appId ?? null,
      ip: entry.ip ?? null,
      detail: json(entry.detail ?? {}),
    })
    .execute();
}

/** The actor and address of an authenticated request, for an entry. */
export function requestActor(request: FastifyRequest): Pick<AuditEntry, "actorId" | "actorLabel" | "ip"> {
  return {
    actorId: request.principal?.userId ?? null,
    actorLabel: request.principal?.email ?? "",
    ip: request.ip,
  };
}

export interface AuditQuery {
  actor?: string;
  /** Exact action, or a prefix ending in "." (e.g. "member.") for a family. */
  action?: string;
  from?: string;
  to?: string;
  /** Entries older than this id (the previous page's nextCursor). */
  before?: string;
  limit: number;
}

/** Newest first, filtered and paged in SQL (keyset on the identity id, served by the (…, at, id) indexes). */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  let q = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select([
      "a.id",
      "a.at",
      "a.actor_id",
      "a.actor_label",
      "u.name as actor_name",
      "a.action",
      "a.target_id",
      "a.app_id",
      "a.ip",
      "a.detail",
    ])
    .orderBy("a.id", "desc")
    .limit(query.limit + 1);
  if (query.actor) q = q.where("a.actor_id", "=", query.actor);
  if (query.action?.endsWith(".")) q = q.where(sql<boolean>`starts_with(a.action, ${query.action})`);
  else if (query.action) q = q.where("a.action", "=", query.action);
  if (query.from) q = q.where("a.at", ">=", new Date(query.from));
  if (query.to) q = q.where("a.at", "<", new Date(query.to));
  if (query.before) q = q.where("a.id", "<", query.before);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: iso(row.at),
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      actorName: row.actor_name,
      action: row.action,
      targetId: row.target_id,
      appId: row.app_id,
      ip: row.ip,
      detail: row.detail,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}
