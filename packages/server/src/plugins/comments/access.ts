// Who may read and write a record's comments: exactly the users who may view the record (its row
// condition included), checked through the permissions plugin's record scope. A mention must name an
// active member who may view it too; anyone else is refused with a pointer rather than silently dropped,
// so the writer knows who will not be told.
import { getRecord, type PublishedForm } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { visibleRecord } from "../permissions/enforce";
import { recordScope, scopeTimeZone } from "../permissions/scope";
import { assertRecordAccess, recordPasses } from "../records/record-access";
import { recordTitle } from "../workflow/records";

/** NOT_FOUND unless the record is live and the caller may view it (its existence is private). */
export async function assertCanViewRecord(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  recordId: string,
) {
  const record = await getRecord(db, form, recordId);
  if (!record) throw new FormworkError("NOT_FOUND", "No such record");
  await assertRecordAccess(db, principal, form, recordId, "read");
  return record;
}

/** Writing a comment takes the permission sets' `comment` action on top of seeing the record. */
export async function assertCanComment(db: Db, principal: Principal, form: PublishedForm, recordId: string) {
  const record = await assertCanViewRecord(db, principal, form, recordId);
  const scope = await recordScope(db, principal, form, scopeTimeZone(db));
  if (!scope.actions.has("comment")) {
    throw new FormworkError("FORBIDDEN", "You may not comment on this form's records", [
      { path: "", message: "the comment action is not granted", code: "COMMENT_NOT_ALLOWED" },
    ]);
  }
  return record;
}

export interface MentionTarget {
  userId: string;
  /** The record's title from the fields this member may read (never a hidden field's text). */
  title: string;
}

/**
 * The mentioned members, each checked: an active user (VALIDATION_FAILED at /mentions/i otherwise) who
 * may view the record (FORBIDDEN at /mentions/i otherwise).
 */
export async function checkMentions(
  db: Db,
  form: PublishedForm,
  recordId: string,
  mentions: readonly string[],
): Promise<MentionTarget[]> {
  if (mentions.length === 0) return [];
  const { rows } = await sql<{ id: string; name: string; email: string; is_admin: boolean }>`
    SELECT id, name, email, is_admin FROM users WHERE id = ANY(${[...new Set(mentions)]}::uuid[])
      AND NOT disabled`.execute(db);
  const users = new Map(rows.map((r) => [r.id, r]));
  const record = await getRecord(db, form, recordId);
  const out: MentionTarget[] = [];
  for (const [index, id] of mentions.entries()) {
    const user = users.get(id);
    const path = `/mentions/${index}`;
    if (!user) {
      throw new FormworkError("VALIDATION_FAILED", "The mentioned member is not in the directory", [
        { path, message: "no such active member", code: "MENTION_NOT_MEMBER" },
      ]);
    }
    const principal: Principal = {
      userId: user.id,
      email: user.email,
      name: user.name,
      isAdmin: user.is_admin,
      via: "session",
      credentialId: "",
    };
    const scope = await recordScope(db, principal, form, scopeTimeZone(db));
    if (!record || !(await recordPasses(db, principal, form, recordId, "read"))) {
      throw new FormworkError("FORBIDDEN", `${user.name} may not view this record`, [
        { path, message: "cannot view this record", code: "MENTION_CANNOT_VIEW" },
      ]);
    }
    if (!out.some((m) => m.userId === id)) {
      out.push({ userId: id, title: recordTitle(form, visibleRecord(scope, record).data) });
    }
  }
  return out;
}
