// Reading and changing an app's form menu. A change is one transaction: lock the app row, refuse a
// layout made on an older revision (412), check it against the live forms, store it, bump the revision.
import { json } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import { checkMenu, type MenuLayout, resolveMenu } from "./menu-layout";

export interface AppMenu {
  menu: MenuLayout;
  menuRevision: number;
}

async function liveFormIds(db: Db, appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("forms")
    .select("id")
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

export async function getMenu(db: Db, appId: string): Promise<AppMenu> {
  const row = await db
    .selectFrom("apps")
    .select(["menu", "menu_revision"])
    .where("id", "=", appId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such app");
  return { menu: resolveMenu(row.menu, await liveFormIds(db, appId)), menuRevision: row.menu_revision };
}

export async function saveMenu(
  db: Db,
  appId: string,
  layout: MenuLayout,
  expected: number,
): Promise<AppMenu> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("apps")
      .select("menu_revision")
      .where("id", "=", appId)
      .where("deleted_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new FormworkError("NOT_FOUND", "No such app");
    if (row.menu_revision !== expected) {
      throw new FormworkError("VERSION_CONFLICT", "Someone changed the menu since you read it", [
        { path: "/headers/if-match", message: `current revision is ${row.menu_revision}` },
      ]);
    }
    const menu = checkMenu(layout, await liveFormIds(trx, appId));
    const saved = await trx
      .updateTable("apps")
      .set({ menu: json(menu), menu_revision: sql<number>`menu_revision + 1`, updated_at: sql<Date>`now()` })
      .where("id", "=", appId)
      .returning("menu_revision")
      .executeTakeFirstOrThrow();
    return { menu, menuRevision: saved.menu_revision };
  });
}
