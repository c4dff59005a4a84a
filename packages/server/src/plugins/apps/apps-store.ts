// Apps: named containers of forms. Deleting one hides it (and its forms) but keeps the data.
import { newId } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import { iso } from "../auth/credentials-store";

export interface AppView {
  id: string;
  name: string;
  description: string | null;
  /** One of APP_ICONS; null shows the name's initial. */
  icon: string | null;
  /** `#rrggbb`; null lets the web derive one from the id. */
  colour: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppInput {
  name: string;
  description?: string | null;
  icon?: string | null;
  colour?: string | null;
}

type AppRow = {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  colour: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export function toAppView(row: AppRow): AppView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    colour: row.colour,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const APP_COLUMNS = [
  "id",
  "name",
  "description",
  "icon",
  "colour",
  "created_by",
  "created_at",
  "updated_at",
] as const;

export async function createApp(db: Db, input: AppInput, actorId: string): Promise<AppView> {
  const row = await db
    .insertInto("apps")
    .values({
      id: newId(),
      name: input.name.trim(),
      description: input.description ?? null,
      icon: input.icon ?? null,
      colour: input.colour ?? null,
      created_by: actorId,
    })
    .returning(APP_COLUMNS)
    .executeTakeFirstOrThrow();
  return toAppView(row);
}

export async function listApps(db: Db): Promise<AppView[]> {
  const rows = await db
    .selectFrom("apps")
    .select(APP_COLUMNS)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toAppView);
}

export async function getApp(db: Db, id: string): Promise<AppView> {
  const row = await db
    .selectFrom("apps")
    .select(APP_COLUMNS)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such app");
  return toAppView(row);
}

export async function updateApp(db: Db, id: string, patch: Partial<AppInput>): Promise<AppView> {
  // Named one by one: a patch never reaches system columns (menu, revision, timestamps).
  const row = await db
    .updateTable("apps")
    .set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.icon !== undefined ? { icon: patch.icon } : {}),
      ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .returning(APP_COLUMNS)
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such app");
  return toAppView(row);
}

/** Moves the app and its forms out of sight in one transaction; their records stay in place. */
export async function deleteApp(db: Db, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .updateTable("apps")
      .set({ deleted_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (Number(deleted.numUpdatedRows) === 0) throw new FormworkError("NOT_FOUND", "No such app");
    await trx
      .updateTable("forms")
      .set({ deleted_at: sql<Date>`now()` })
      .where("app_id", "=", id)
      .where("deleted_at", "is", null)
      .execute();
  });
}
