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
  "forms.created_by",
  "forms.created_at",
  "forms.updated_at",
] as const;

function toFormView(row: FormRow): FormView {
  const definition = row.definition as FormDefinition;
  return {
    id: row.id,
    appId: row.app_id,
    key: row.key,
    name: definition.name,
    publishedVersion: row.published_version,
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
    const { definition: _draft, createdAt: _c, createdBy: _b, ...summary } = toFormView(row);
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
      .returning([
        "id",
        "app_id",
        "key",
        "definition",
        "published_version",
        "created_by",
        "created_at",
        "updated_at",
      ])
      .executeTakeFirstOrThrow();
    return toFormView(row);
  } catch (error) {
    throw error instanceof UniqueViolationError ? keyTaken(definition.key) : error;
  }
}

/** Replaces the draft; the key is fixed at creation because links and templates refer to it. */
export async function saveDraft(db: Db, id: string, definition: FormDefinition): Promise<FormView> {
  const current = await getForm(db, id);
  if (definition.key !== current.key) {
    throw new FormworkError("VALIDATION_FAILED", "A form's key cannot change", [
      { path: "/key", message: `the key is "${current.key}"` },
    ]);
  }
  const row = await db
    .updateTable("forms")
    .set({ definition: json(definition), updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .returning([
      "id",
      "app_id",
      "key",
      "definition",
      "published_version",
      "created_by",
      "created_at",
      "updated_at",
    ])
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such form");
  return toFormView(row);
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
