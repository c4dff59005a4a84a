import type { Kysely } from "kysely";
import { isId } from "../ids";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { loadChildRows } from "./children";
import { modelOf } from "./model";
import type { ApiRecord, DeletedFilter } from "./types";
import { type Row, toApiRecord } from "./values";

// biome-ignore lint/suspicious/noExplicitAny: record tables are created at runtime and have no static types.
type AnyDb = Kysely<any>;

/** One record with its sub-form rows; null when absent (or, by default, in the recycle bin). */
export async function getRecord(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
  options: { deleted?: DeletedFilter } = {},
): Promise<ApiRecord | null> {
  if (!isId(id)) return null;
  const model = modelOf(form);
  const any = db as AnyDb;
  let query = any.selectFrom(model.layout.table).selectAll().where("id", "=", id);
  const deleted = options.deleted ?? "exclude";
  if (deleted === "exclude") query = query.where("deleted_at", "is", null);
  if (deleted === "only") query = query.where("deleted_at", "is not", null);
  const row: Row | undefined = await query.executeTakeFirst();
  if (!row) return null;
  const children = model.layout.children.length ? await loadChildRows(any, model, [id]) : null;
  return toApiRecord(row, model, children?.get(id) ?? null);
}
