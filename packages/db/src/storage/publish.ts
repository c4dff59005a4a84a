// Publishing a form version: the DDL diff between the catalog and the new definition's layout, then the
// immutable version row, all on the caller's transaction (PostgreSQL DDL is transactional, so a refused
// or failed publish leaves tables, indexes and versions exactly as they were).
import { type FormDefinition, FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { UniqueViolationError } from "../errors";
import { dropRollups, rebuildRollups } from "../records/rollups";
import { json, type SystemTables } from "../tables";
import { inTransaction } from "../transaction";
import { readColumns, readIndexes } from "./catalog";
import { CATALOG_TYPE, safeCast, sqlTypeFromCatalog } from "./columns";
import {
  buildLayout,
  CHILD_SYSTEM_COLUMNS,
  type ColumnLayout,
  SYSTEM_COLUMNS,
  type TableLayout,
} from "./layout";
import { quoteIdentifier, recordTableName } from "./names";
import { lockPublishedForm, storeIndexLists } from "./stored-indexes";
import type { PublishInput, PublishResult } from "./types";

export async function publishForm(db: Kysely<SystemTables>, input: PublishInput): Promise<PublishResult> {
  return inTransaction(db, async (trx) => {
    const form = await trx
      .selectFrom("forms")
      .select(["id", "table_name", "published_version"])
      .where("id", "=", input.formId)
      .where("deleted_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!form) throw new FormworkError("NOT_FOUND", "Form not found.");

    const table = form.table_name ?? recordTableName(form.id);
    const indexes = input.indexes ?? (await currentIndexes(trx, form.id, form.published_version));
    const layout = buildLayout(table, input.definition, indexes);
    // Rollup triggers name the table's columns: off while the columns change, rebuilt after.
    await dropRollups(trx, form.id);
    await applyLayout(trx, layout, input.previousDefinition ?? null);

    const version = form.published_version + 1;
    await trx
      .insertInto("form_versions")
      .values({
        form_id: form.id,
        version,
        definition: json(input.definition),
        storage: json({ indexes }),
        created_by: input.actorId ?? null,
      })
      .execute();
    await trx
      .updateTable("forms")
      .set({
        published_version: version,
        table_name: table,
        definition: json(input.definition),
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", form.id)
      .execute();
    await rebuildRollups(trx, {
      id: form.id,
      tableName: table,
      version,
      definition: input.definition,
      indexes,
    });
    return { version, tableName: table };
  });
}

/** The extra indexes of the published version (what `addIndexes` and earlier publishes asked for). */
async function currentIndexes(
  db: Kysely<SystemTables>,
  formId: string,
  version: number,
): Promise<string[][]> {
  if (version === 0) return [];
  const row = await db
    .selectFrom("form_versions")
    .select("storage")
    .where("form_id", "=", formId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row?.storage.indexes ?? [];
}

/**
 * Adds btree indexes over the published table without publishing a new version — what a saved view
 * asks for when it filters or sorts on fields (`[["status", "$createdAt"]]`). They are recorded with
 * the current version, so later publishes keep them unless given a new `indexes` list.
 */
export async function addIndexes(
  db: Kysely<SystemTables>,
  formId: string,
  indexes: readonly (readonly string[])[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const form = await lockPublishedForm(trx, formId);
    const merged = [...form.indexes, ...indexes.map((list) => [...list])];
    const layout = buildLayout(form.tableName, form.definition, merged);
    const present = await readIndexes(trx as unknown as Kysely<unknown>, [form.tableName]);
    for (const index of layout.indexes) {
      if (!present.has(index.name)) await execute(trx, index.create);
    }
    await storeIndexLists(trx, form, indexes);
  });
}

async function applyLayout(db: Kysely<SystemTables>, layout: TableLayout, previous: FormDefinition | null) {
  const tables = [layout.table, ...layout.children.map((c) => c.table)];
  const existing = await readColumns(db as unknown as Kysely<unknown>, tables);

  // Indexes are diffed by name (names encode kind and coverage). The ones the new layout no longer
  // wants go first: ALTER COLUMN TYPE rebuilds every index on the column with its old expression, and
  // the old search index's coalesce(col, '') cannot be rebuilt over a column that became text[] or
  // jsonb ("COALESCE types text[] and text"). Indexes of tables this layout no longer lists (a removed
  // sub-form) are left alone with their hidden data.
  const present = await readIndexes(db as unknown as Kysely<unknown>, tables);
  const wanted = new Set(layout.indexes.map((index) => index.name));
  for (const name of present) {
    if (!wanted.has(name)) await execute(db, `DROP INDEX ${quoteIdentifier(name)}`);
  }

  await syncTable(
    db,
    layout.table,
    SYSTEM_COLUMNS,
    layout.columns,
    existing.get(layout.table),
    previous,
    RECORD_TABLE_STORAGE,
  );
  for (const child of layout.children) {
    await syncTable(
      db,
      child.table,
      CHILD_SYSTEM_COLUMNS(layout.table),
      child.columns,
      existing.get(child.table),
      previous,
    );
  }

  for (const index of layout.indexes) {
    if (present.has(index.name)) continue;
    try {
      await execute(db, index.create);
    } catch (error) {
      if (error instanceof UniqueViolationError && index.fieldPath) {
        throw new FormworkError(
          "INCOMPATIBLE_CHANGE",
          "Existing records repeat a value of a field made unique.",
          [{ path: index.fieldPath, message: "Existing records have duplicate values" }],
        );
      }
      throw error;
    }
  }
}

/**
 * A record table's pages are filled to 85 %: the free rest lets an update that changes no indexed
 * column — above all a flow's `flow_status` (no index covers it: the partial indexes' predicate is on
 * `deleted_at`) — write its new version on the same page (a HOT update), so no index gets a new entry;
 * without room it moves to another page and every index, the trigram search index included, re-indexes
 * the unchanged row. Measured on the workflow bench's record table (10,000 rows of ~350 bytes, 21 a
 * full page), flow_status updates of 1,000 rows, share that were HOT: in bursts where every row of a page
 * changes in one statement (a batch of timers over records written together) 0 % at 100, 12 % at 90,
 * 21 % at 85, 36 % at 75, 100 % only at 50; spread (1,000 random rows per statement, three statements)
 * 48 % at 100, 82 % at 90, 97 % at 85, 100 % at 75. 85 makes a newly written table ~18 % larger (567
 * against 479 pages) — a 50 that would cover bursts doubles it for every form, most of whose records
 * never change status. Migration 0031 sets it on tables published before.
 */
export const RECORD_TABLE_FILLFACTOR = 85;
const RECORD_TABLE_STORAGE = `WITH (fillfactor = ${RECORD_TABLE_FILLFACTOR})`;

async function syncTable(
  db: Kysely<SystemTables>,
  table: string,
  systemColumns: Record<string, string>,
  columns: readonly ColumnLayout[],
  existing: Map<string, string> | undefined,
  previous: FormDefinition | null,
  storage = "",
) {
  if (!existing) {
    const definitions = [
      ...Object.entries(systemColumns).map(([name, ddl]) => `${quoteIdentifier(name)} ${ddl}`),
      ...columns.map((c) => `${quoteIdentifier(c.column)} ${CATALOG_TYPE[c.sqlType]}`),
    ];
    const create = `CREATE TABLE ${quoteIdentifier(table)} (${definitions.join(", ")})`;
    await execute(db, storage ? `${create} ${storage}` : create);
    return;
  }
  for (const column of columns) {
    const current = existing.get(column.column);
    const target = quoteIdentifier(table);
    const quoted = quoteIdentifier(column.column);
    if (current === undefined) {
      await execute(db, `ALTER TABLE ${target} ADD COLUMN ${quoted} ${CATALOG_TYPE[column.sqlType]}`);
      continue;
    }
    if (current === CATALOG_TYPE[column.sqlType]) continue;
    const from = sqlTypeFromCatalog(current);
    const using = from ? safeCast(from, column.sqlType, quoted) : null;
    if (!using) throw incompatible(column, current, previous);
    await execute(
      db,
      `ALTER TABLE ${target} ALTER COLUMN ${quoted} TYPE ${CATALOG_TYPE[column.sqlType]} USING ${using}`,
    );
  }
}

function incompatible(column: ColumnLayout, current: string, previous: FormDefinition | null): FormworkError {
  const before = previous?.fields.find((f) => f.id === column.fieldId)?.type;
  const was = before ? `"${before}"` : `a ${current} column`;
  return new FormworkError(
    "INCOMPATIBLE_CHANGE",
    `Field "${column.fieldId}" cannot change from ${was} to "${column.fieldType}": existing values would not convert.`,
    [
      {
        path: `${column.path}/type`,
        message: `Stored as ${current}; cannot become ${CATALOG_TYPE[column.sqlType]}`,
      },
    ],
  );
}

async function execute(db: Kysely<SystemTables>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}
