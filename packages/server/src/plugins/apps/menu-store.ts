// Reading and changing an app's menu of forms and dashboards. A change is one transaction: lock the app row, refuse a
// layout made on an older revision (412), check it against the live forms, store it, bump the revision.
import { json } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import { checkMenu, type MenuLayout, type MenuTargets, resolveMenu } from "./menu-layout";

export interface AppMenu {
  menu: MenuLayout;
  menuRevision: number;
}

async function liveIds(db: Db, table: "forms" | "dashboards", appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom(table)
    .select("id")
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

async function liveTargets(db: Db, appId: string): Promise<MenuTargets> {
  const [forms, dashboards] = await Promise.all([
    liveIds(db, "forms", appId),
    liveIds(db, "dashboards", appId),
  ]);
  return { forms, dashboards };
}

export async function getMenu(db: Db, appId: string): Promise<AppMenu> {
  const row = await db
    .selectFrom("apps")
    .select(["menu", "menu_revision"])
    .where("id", "=", appId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such app");
  return { menu: resolveMenu(row.menu, await liveTargets(db, appId)), menuRevision: row.menu_revision };
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
    return writeMenu(trx, appId, layout);
  });
}

/** Checks the layout against the app's live forms and dashboards and stores it, inside `tx`. */
export async function writeMenu(tx: Db, appId: string, layout: MenuLayout): Promise<AppMenu> {
  const menu = checkMenu(layout, await liveTargets(tx, appId));
  const saved = await tx
    .updateTable("apps")
    .set({ menu: json(menu), menu_revision: sql<number>`menu_revision + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", appId)
    .returning("menu_revision")
    .executeTakeFirstOrThrow();
  return { menu, menuRevision: saved.menu_revision };
}
