// Form drafts (the definition the designer edits) and their published versions. Publishing itself —
// DDL diff plus definition in one transaction — belongs to the db package.
import { json, newId, UniqueViolationError } from "@formwork/db";
import { type FormDefinition, FormworkError, type LocalizedText } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import { iso } from "../auth/credentials-store";

export interface FormSummary {
  id: string;
  appId: string;
  key: string;
  name: LocalizedText;
  publishedVersion: number;
  updatedAt: string;
}

export interface FormView extends FormSummary {
  /** The draft's revision, bumped by every save; its ETag, named by If-Match on the next save. */
  revision: number;
  createdAt: string;
  createdBy: string | null;
  /** The draft. */
  definition: FormDefinition;
}

type FormRow = {
  id: string;
  app_id: string;
  key: string;
  definition: unknown;
  published_version: number;
  draft_revision: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

const FORM_COLUMNS = [
  "forms.id",
  "forms.app_id",
  "forms.key",
  "forms.definition",
  "forms.published_version",
  "forms.draft_revision",
  "forms.created_by",
  "forms.created_at",
  "forms.updated_at",
] as const;

const RETURNED_COLUMNS = [
  "id",
  "app_id",
  "key",
  "definition",
  "published_version",
  "draft_revision",
  "created_by",
  "created_at",
  "updated_at",
] as const;

function toFormView(row: FormRow): FormView {
  const definition = row.definition as FormDefinition;
  return {
    id: row.id,
    appId: row.app_id,
    key: row.key,
    name: definition.name,
    publishedVersion: row.published_version,
    revision: row.draft_revision,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    createdBy: row.created_by,
    definition,
  };
}

export async function listForms(db: Db, appId: string): Promise<FormSummary[]> {
  const rows = await db
    .selectFrom("forms")
    .select(FORM_COLUMNS)
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => {
    const { definition: _draft, createdAt: _c, createdBy: _b, revision: _r, ...summary } = toFormView(row);
    return summary;
  });
}

/** A live form of a live app, or NOT_FOUND. */
export async function getForm(db: Db, id: string): Promise<FormView> {
  const row = await db
    .selectFrom("forms")
    .innerJoin("apps", "apps.id", "forms.app_id")
    .select(FORM_COLUMNS)
    .where("forms.id", "=", id)
    .where("forms.deleted_at", "is", null)
    .where("apps.deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such form");
  return toFormView(row);
}

export async function createForm(
  db: Db,
  appId: string,
  definition: FormDefinition,
  actorId: string,
): Promise<FormView> {
  try {
    const row = await db
      .insertInto("forms")
      .values({
        id: newId(),
        app_id: appId,
        key: definition.key,
        definition: json(definition),
        created_by: actorId,
      })
      .returning(RETURNED_COLUMNS)
      .executeTakeFirstOrThrow();
    return toFormView(row);
  } catch (error) {
    throw error instanceof UniqueViolationError ? keyTaken(definition.key) : error;
  }
}

/**
 * Replaces the draft; the key is fixed at creation because links and templates refer to it. With
 * `expected`, only if the draft is still at that revision (a conditional update, so two designers
 * saving at once can't both win): otherwise VERSION_CONFLICT and nothing changes.
 */
export async function saveDraft(
  db: Db,
  id: string,
  definition: FormDefinition,
  expected?: number,
): Promise<FormView> {
  const current = await getForm(db, id);
  if (definition.key !== current.key) {
    throw new FormworkError("VALIDATION_FAILED", "A form's key cannot change", [
      { path: "/key", message: `the key is "${current.key}"` },
    ]);
  }
  const row = await db
    .updateTable("forms")
    .set({
      definition: json(definition),
      draft_revision: sql<number>`draft_revision + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .$if(expected !== undefined, (query) => query.where("draft_revision", "=", expected!))
    .returning(RETURNED_COLUMNS)
    .executeTakeFirst();
  if (row) return toFormView(row);
  const now = await getForm(db, id);
  throw new FormworkError("VERSION_CONFLICT", "Someone else saved this draft since you opened it", [
    { path: "/headers/if-match", message: `current revision is ${now.revision}` },
  ]);
}

export interface FormVersionSummary {
  version: number;
  createdAt: string;
  createdBy: string | null;
}

export async function listVersions(db: Db, formId: string): Promise<FormVersionSummary[]> {
  const rows = await db
    .selectFrom("form_versions")
    .select(["version", "created_at", "created_by"])
    .where("form_id", "=", formId)
    .orderBy("version", "desc")
    .execute();
  return rows.map((row) => ({
    version: row.version,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
  }));
}

export async function getVersion(db: Db, formId: string, version: number) {
  const row = await db
    .selectFrom("form_versions")
    .select(["version", "definition", "created_at", "created_by"])
    .where("form_id", "=", formId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such version");
  return {
    version: row.version,
    definition: row.definition as FormDefinition,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
  };
}

function keyTaken(key: string): FormworkError {
  return new FormworkError("CONFLICT", `The app already has a form with the key "${key}"`, [
    { path: "/key", message: "already taken in this app" },
  ]);
}
