// Dashboards of an app: rows with a title, the definition JSON and a version. Whether a definition is
// valid and who may change it is the server's decision; this file stores rows, and a write naming an
// older version than the stored one changes nothing (VERSION_CONFLICT, as form drafts do).
import { FormworkError } from "@formwork/schema";
import { type Kysely, type Selectable, sql } from "kysely";
import { newId } from "../ids";
import { type DashboardsTable, json, type SystemTables } from "../tables";

export type DashboardRow = Selectable<DashboardsTable>;

export interface DashboardSummary {
  id: string;
  appId: string;
  title: string;
  version: number;
  updatedAt: string;
}

export interface StoredDashboard extends DashboardSummary {
  definition: unknown;
}

function summary(row: Omit<DashboardRow, "definition"> | DashboardRow): DashboardSummary {
  return {
    id: row.id,
    appId: row.app_id,
    title: row.title,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function stored(row: DashboardRow): StoredDashboard {
  return { ...summary(row), definition: row.definition };
}

const notFound = () => new FormworkError("NOT_FOUND", "No such dashboard");

/** The app's live dashboards, oldest first (the menu order). */
export async function listDashboards(db: Kysely<SystemTables>, appId: string): Promise<DashboardSummary[]> {
  const rows = await db
    .selectFrom("dashboards")
    .select(["id", "app_id", "title", "version", "created_by", "created_at", "updated_at", "deleted_at"])
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(summary);
}

/** NOT_FOUND unless the dashboard is live and belongs to `appId`. */
export async function getDashboard(
  db: Kysely<SystemTables>,
  appId: string,
  id: string,
): Promise<StoredDashboard> {
  const row = await db
    .selectFrom("dashboards")
    .selectAll()
    .where("id", "=", id)
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound();
  return stored(row);
}

export async function insertDashboard(
  db: Kysely<SystemTables>,
  appId: string,
  definition: { title: string },
  userId: string,
): Promise<StoredDashboard> {
  const row = await db
    .insertInto("dashboards")
    .values({
      id: newId(),
      app_id: appId,
      title: definition.title,
      definition: json(definition),
      created_by: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return stored(row);
}

/** One UPDATE guarded by the version read (`expected`; undefined: overwrite). */
export async function updateDashboard(
  db: Kysely<SystemTables>,
  appId: string,
  id: string,
  definition: { title: string },
  expected: number | undefined,
): Promise<StoredDashboard> {
  const row = await db
    .updateTable("dashboards")
    .set({
      title: definition.title,
      definition: json(definition),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .$if(expected !== undefined, (q) => q.where("version", "=", expected!))
    .returningAll()
    .executeTakeFirst();
  if (row) return stored(row);
  const now = await getDashboard(db, appId, id);
  throw new FormworkError("VERSION_CONFLICT", "Someone else saved this dashboard since you opened it", [
    { path: "/headers/if-match", message: `current version is ${now.version}` },
  ]);
}

export async function deleteDashboard(db: Kysely<SystemTables>, appId: string, id: string): Promise<void> {
  const result = await db
    .updateTable("dashboards")
    .set({ deleted_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound();
}
