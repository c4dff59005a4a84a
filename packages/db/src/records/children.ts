// Sub-form rows live in a child table per sub-form field; a write replaces all rows of the parent.
import type { Kysely } from "kysely";
import { newId } from "../ids";
import type { ChildLayout } from "../storage/layout";
import type { FormModel } from "./model";
import { dataOf, type Row, toColumnValue } from "./values";

// biome-ignore lint/suspicious/noExplicitAny: record tables are created at runtime and have no static types.
type AnyDb = Kysely<any>;

const MAX_PARAMETERS = 60_000;
const NO_IDS: ReadonlySet<string> = new Set();

function isRowObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Child rows to insert. A row keeps its `id` across edits when it names a row this parent owned
 * (`ownedIds`, what the replace just deleted); any other id is replaced, so a client cannot claim
 * or collide with another record's rows.
 */
function childRows(
  child: ChildLayout,
  parentId: string,
  value: unknown,
  ownedIds: ReadonlySet<string>,
): Row[] {
  if (!Array.isArray(value)) return [];
  const used = new Set<string>();
  return value.filter(isRowObject).map((input, order) => {
    const wanted = input.id;
    const id = typeof wanted === "string" && ownedIds.has(wanted) && !used.has(wanted) ? wanted : newId();
    used.add(id);
    const row: Row = { id, parent_id: parentId, row_order: order };
    for (const column of child.columns)
      row[column.column] = toColumnValue(column.sqlType, input[column.fieldId]);
    return row;
  });
}

export async function insertChildRows(db: AnyDb, child: ChildLayout, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const perRow = child.columns.length + 3;
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  for (let start = 0; start < rows.length; start += chunk) {
    await db
      .insertInto(child.table)
      .values(rows.slice(start, start + chunk))
      .execute();
  }
}

/** Rows to insert for the sub-forms present in each record's data (absent sub-forms are untouched). */
export function collectChildRows(
  model: FormModel,
  records: readonly { id: string; data: Record<string, unknown> }[],
) {
  const byChild = new Map<ChildLayout, Row[]>();
  for (const child of model.layout.children) {
    const rows: Row[] = [];
    for (const record of records) {
      if (Object.hasOwn(record.data, child.fieldId))
        rows.push(...childRows(child, record.id, record.data[child.fieldId], NO_IDS));
    }
    byChild.set(child, rows);
  }
  return byChild;
}

/** Replaces the rows of the sub-forms present in `data` for one parent. */
export async function replaceChildRows(
  db: AnyDb,
  model: FormModel,
  parentId: string,
  data: Record<string, unknown>,
) {
  for (const child of model.layout.children) {
    if (!Object.hasOwn(data, child.fieldId)) continue;
    const deleted: { id: string }[] = await db
      .deleteFrom(child.table)
      .where("parent_id", "=", parentId)
      .returning("id")
      .execute();
    const owned = new Set(deleted.map((row) => String(row.id)));
    await insertChildRows(db, child, childRows(child, parentId, data[child.fieldId], owned));
  }
}

/**
 * Rows of the given sub-forms for a page of parents: one query per sub-form, never one per record.
 * Returns parent id -> (field id -> rows in order).
 */
export async function loadChildRows(
  db: AnyDb,
  model: FormModel,
  parentIds: readonly string[],
  fieldIds?: ReadonlySet<string>,
): Promise<Map<string, Map<string, Record<string, unknown>[]>>> {
  const result = new Map<string, Map<string, Record<string, unknown>[]>>();
  for (const id of parentIds) result.set(id, new Map());
  if (parentIds.length === 0) return result;
  for (const child of model.layout.children) {
    if (fieldIds && !fieldIds.has(child.fieldId)) continue;
    for (const id of parentIds) result.get(id)?.set(child.fieldId, []);
    const rows: Row[] = await db
      .selectFrom(child.table)
      .selectAll()
      .where("parent_id", "in", parentIds)
      .orderBy("parent_id")
      .orderBy("row_order")
      .execute();
    for (const row of rows)
      result
        .get(String(row.parent_id))
        ?.get(child.fieldId)
        ?.push({ id: String(row.id), ...dataOf(row, child.columns) });
  }
  return result;
}
