// Saved views of a form's grid: name, filter (json-logic), sort, columns and page size, personal or
// shared. Who may see or change which view is the server's decision (it passes the caller's id); this
// file only stores rows. Saving a view also records the indexes its filter and sort need (./index-plan),
// in the same transaction; the server builds them once the row has committed (./form-indexes).
import { FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { UniqueViolationError } from "../errors";
import { newId } from "../ids";
import { modelOf } from "../records/model";
import type { PublishedForm } from "../storage/types";
import { json, type SavedView, type SystemTables } from "../tables";
import { inTransaction } from "../transaction";
import { releaseUnwantedIndexes, requestIndexes } from "./form-indexes";
import { planViewIndexes } from "./index-plan";

export interface ViewSort {
  field: string;
  direction: "asc" | "desc";
}

export interface ViewColumn {
  id: string;
  visible: boolean;
  width?: number;
}

export interface ViewContent {
  name: string;
  shared: boolean;
  filter: unknown;
  sort: ViewSort[];
  columns: ViewColumn[];
  pageSize: number;
}

/** The btree index lists the view's filter and sort need on this published form. */
export function viewIndexLists(form: PublishedForm, view: Pick<ViewContent, "filter" | "sort">): string[][] {
  const model = modelOf(form);
  return planViewIndexes({
    definition: form.definition,
    columnTypes: new Map([...model.columnsById].map(([id, column]) => [id, column.sqlType])),
    filter: view.filter,
    sort: view.sort,
  });
}

/** Shared views of the form and the user's own personal ones: shared first, then by creation. */
export async function listViews(
  db: Kysely<SystemTables>,
  formId: string,
  userId: string,
): Promise<SavedView[]> {
  return db
    .selectFrom("views")
    .selectAll()
    .where("form_id", "=", formId)
    .where((w) => w.or([w("shared", "=", true), w("owner_id", "=", userId)]))
    .orderBy("shared", "desc")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function findView(db: Kysely<SystemTables>, id: string): Promise<SavedView | undefined> {
  return db.selectFrom("views").selectAll().where("id", "=", id).executeTakeFirst();
}

function nameTaken(name: string): FormworkError {
  return new FormworkError("CONFLICT", `A view named "${name}" already exists here`, [
    { path: "/name", message: "already used by another view you can see" },
  ]);
}

async function mapNameConflict<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof UniqueViolationError ? nameTaken(name) : error;
  }
}

/** Inserts the view and requests its indexes, in one transaction. */
export async function insertView(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  ownerId: string,
  content: ViewContent,
): Promise<SavedView> {
  return mapNameConflict(content.name, () =>
    inTransaction(db, async (trx) => {
      const row = await trx
        .insertInto("views")
        .values({
          id: newId(),
          form_id: form.id,
          name: content.name,
          shared: content.shared,
          owner_id: ownerId,
          filter: content.filter === undefined || content.filter === null ? null : json(content.filter),
          sort: json(content.sort),
          columns: json(content.columns),
          page_size: content.pageSize,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await requestIndexes(trx, form, viewIndexLists(form, content));
      return row;
    }),
  );
}

/** The index lists every saved view of the form needs (after a change, in its transaction). */
async function wantedIndexLists(trx: Kysely<SystemTables>, form: PublishedForm): Promise<string[][]> {
  const views = await trx
    .selectFrom("views")
    .select(["filter", "sort"])
    .where("form_id", "=", form.id)
    .execute();
  return views.flatMap((view) => viewIndexLists(form, { filter: view.filter, sort: view.sort }));
}

export interface ViewChangeResult {
  view: SavedView;
  /** Indexes no view needs any more: drop them once the change has committed (dropReleasedIndexes). */
  released: string[];
}

/** Replaces the view's content (and owner, when given); VERSION_CONFLICT when `expectedVersion` is stale. */
export async function updateView(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
  content: ViewContent,
  { expectedVersion, ownerId }: { expectedVersion?: number | undefined; ownerId?: string } = {},
): Promise<ViewChangeResult> {
  return mapNameConflict(content.name, () =>
    inTransaction(db, async (trx) => {
      let update = trx
        .updateTable("views")
        .set({
          name: content.name,
          shared: content.shared,
          ...(ownerId ? { owner_id: ownerId } : {}),
          filter: content.filter === undefined || content.filter === null ? null : json(content.filter),
          sort: json(content.sort),
          columns: json(content.columns),
          page_size: content.pageSize,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", id);
      if (expectedVersion !== undefined) update = update.where("version", "=", expectedVersion);
      const row = await update.returningAll().executeTakeFirst();
      if (!row) {
        if (expectedVersion === undefined) throw new FormworkError("NOT_FOUND", "No such view");
        throw new FormworkError("VERSION_CONFLICT", "The view was changed by someone else; reload it", [
          { path: "/version", message: "stale version" },
        ]);
      }
      await requestIndexes(trx, form, viewIndexLists(form, content));
      const released = await releaseUnwantedIndexes(trx, form, await wantedIndexLists(trx, form));
      return { view: row, released };
    }),
  );
}

/** Deletes the view; returns the indexes no remaining view needs (drop them after the commit). */
export async function deleteView(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("views").where("id", "=", id).execute();
    return releaseUnwantedIndexes(trx, form, await wantedIndexLists(trx, form));
  });
}
