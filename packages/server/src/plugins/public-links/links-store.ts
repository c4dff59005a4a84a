// Public links in the database. The token (256 random bits) is shown once; only its SHA-256 is stored.
// A link is live when not disabled, not expired and (fill links) under its submission cap — judged by
// the database clock in the lookup itself, so an invalid, expired, disabled or used-up token all look
// the same to the caller: one indexed query that finds nothing.
import { sql } from "kysely";
import type { Db } from "../../database";
import { iso } from "../auth/credentials-store";
import { hashSecret, newSecret } from "../auth/secret-token";

export const PUBLIC_LINK_PREFIX = "pl_";

export interface PublicLinkInfo {
  id: string;
  formId: string;
  kind: "fill" | "query";
  name: string;
  hasPassword: boolean;
  expiresAt: string | null;
  maxSubmissions: number | null;
  submissions: number;
  queryFields: string[];
  displayFields: string[];
  disabled: boolean;
  createdAt: string;
}

export interface LiveLink {
  id: string;
  formId: string;
  kind: "fill" | "query";
  passwordHash: string | null;
  queryFields: string[];
  displayFields: string[];
}

export interface NewLink {
  id: string;
  formId: string;
  kind: "fill" | "query";
  name?: string | undefined;
  passwordHash: string | null;
  expiresAt: string | null;
  maxSubmissions: number | null;
  queryFields: string[];
  displayFields: string[];
  createdBy: string;
}

export async function createLink(db: Db, link: NewLink): Promise<{ token: string; info: PublicLinkInfo }> {
  const token = newSecret(PUBLIC_LINK_PREFIX);
  const row = await db
    .insertInto("public_links")
    .values({
      id: link.id,
      form_id: link.formId,
      kind: link.kind,
      name: link.name ?? "",
      token_hash: hashSecret(token),
      password_hash: link.passwordHash,
      expires_at: link.expiresAt,
      max_submissions: link.maxSubmissions,
      query_fields: link.queryFields,
      display_fields: link.displayFields,
      created_by: link.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, info: toInfo(row) };
}

export async function listLinks(db: Db, formId: string): Promise<PublicLinkInfo[]> {
  const rows = await db
    .selectFrom("public_links")
    .selectAll()
    .where("form_id", "=", formId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toInfo);
}

export async function linkFormId(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("public_links").select("form_id").where("id", "=", id).executeTakeFirst();
  return row?.form_id;
}

export async function setLinkDisabled(db: Db, id: string, disabled: boolean): Promise<PublicLinkInfo> {
  const row = await db
    .updateTable("public_links")
    .set({ disabled_at: disabled ? sql<Date>`now()` : null })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInfo(row);
}

/** The live link of a token of this kind, or null — the same null for every reason. */
export async function liveLink(db: Db, kind: "fill" | "query", token: string): Promise<LiveLink | null> {
  const row = await db
    .selectFrom("public_links")
    .select(["id", "form_id", "kind", "password_hash", "query_fields", "display_fields"])
    .where("token_hash", "=", hashSecret(token))
    .where("kind", "=", kind)
    .where("disabled_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", sql<Date>`now()`)]))
    .where((eb) =>
      eb.or([eb("max_submissions", "is", null), eb("submissions", "<", eb.ref("max_submissions"))]),
    )
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    formId: row.form_id,
    kind: row.kind,
    passwordHash: row.password_hash,
    queryFields: row.query_fields,
    displayFields: row.display_fields,
  };
}

/**
 * Counts one submission in the creating transaction; false when the cap was reached meanwhile (the
 * conditional UPDATE serialises concurrent submitters on the row, so the cap is never exceeded).
 */
export async function countSubmission(trx: Db, id: string): Promise<boolean> {
  const result = await trx
    .updateTable("public_links")
    .set((eb) => ({ submissions: eb("submissions", "+", 1) }))
    .where("id", "=", id)
    .where((eb) =>
      eb.or([eb("max_submissions", "is", null), eb("submissions", "<", eb.ref("max_submissions"))]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toInfo(row: {
  id: string;
  form_id: string;
  kind: "fill" | "query";
  name: string;
  password_hash: string | null;
  expires_at: Date | null;
  max_submissions: number | null;
  submissions: number;
  query_fields: string[];
  display_fields: string[];
  disabled_at: Date | null;
  created_at: Date;
}): PublicLinkInfo {
  return {
    id: row.id,
    formId: row.form_id,
    kind: row.kind,
    name: row.name,
    hasPassword: row.password_hash !== null,
    expiresAt: row.expires_at ? iso(row.expires_at) : null,
    maxSubmissions: row.max_submissions,
    submissions: row.submissions,
    queryFields: row.query_fields,
    displayFields: row.display_fields,
    disabled: row.disabled_at !== null,
    createdAt: iso(row.created_at),
  };
}
