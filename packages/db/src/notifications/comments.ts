// Comments on a record (issue 7): plain text with the ids of the members it @mentions. The routes check
// that the caller may view the record; these functions only store. Deleted comments are soft-deleted
// (kept for the audit, never listed).
import { type CommentInput, FormworkError, type RecordComment } from "@formwork/schema";
import { sql } from "kysely";
import { newId } from "../ids";
import type { Db } from "../org/shared";

export type CommentView = RecordComment;
export type { CommentInput };

const MAX_LISTED = 500;

/** The record's live comments, oldest first (at most 500, the newest kept). */
export async function listComments(db: Db, formId: string, recordId: string): Promise<CommentView[]> {
  const { rows } = await sql<CommentRow>`
    SELECT * FROM (${commentSelect()} WHERE c.form_id = ${formId} AND c.record_id = ${recordId}
      AND c.deleted_at IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT ${MAX_LISTED}) page
    ORDER BY page.created_at, page.id`.execute(db);
  return rows.map(commentView);
}

/** A live comment, or null. */
export async function getComment(db: Db, id: string): Promise<CommentView | null> {
  const { rows } =
    await sql<CommentRow>`${commentSelect()} WHERE c.id = ${id} AND c.deleted_at IS NULL`.execute(db);
  return rows[0] ? commentView(rows[0]) : null;
}

export async function insertComment(
  db: Db,
  target: { formId: string; recordId: string; authorId: string },
  input: CommentInput,
): Promise<CommentView> {
  const id = newId();
  await db
    .insertInto("comments")
    .values({
      id,
      form_id: target.formId,
      record_id: target.recordId,
      author_id: target.authorId,
      body: input.text,
      mentions: [...new Set(input.mentions ?? [])],
    })
    .execute();
  return (await getComment(db, id))!;
}

export async function updateComment(db: Db, id: string, input: CommentInput): Promise<CommentView> {
  const result = await db
    .updateTable("comments")
    .set({ body: input.text, mentions: [...new Set(input.mentions ?? [])], edited_at: sql`now()` })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new FormworkError("NOT_FOUND", "No such comment");
  return (await getComment(db, id))!;
}

export async function deleteComment(db: Db, id: string): Promise<void> {
  await db
    .updateTable("comments")
    .set({ deleted_at: sql`now()` })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .execute();
}

interface CommentRow {
  id: string;
  form_id: string;
  record_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  mentions: { id: string; name: string }[];
  created_at: Date;
  edited_at: Date | null;
}

function commentSelect() {
  return sql`SELECT c.id, c.form_id, c.record_id, c.author_id, a.name AS author_name, c.body, c.created_at,
      c.edited_at,
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) ORDER BY m.n)
        FROM unnest(c.mentions) WITH ORDINALITY AS m(id, n) JOIN users u ON u.id = m.id), '[]'::jsonb) AS mentions
    FROM comments c LEFT JOIN users a ON a.id = c.author_id`;
}

function commentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    formId: row.form_id,
    recordId: row.record_id,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? "" } : null,
    text: row.body,
    mentions: row.mentions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at ? row.edited_at.toISOString() : null,
  };
}
