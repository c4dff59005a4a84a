import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormRow } from "../../test/fixtures";
import { up as recordFillfactorUp } from "../migrations/0031_record_fillfactor";
import { getRecord, insertRecord, insertRecords, queryRecords } from "../records";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { inTransaction } from "../transaction";
import { applyWrites, emptyWrites } from "../workflow/writes";
import { loadPublishedForm } from "./load";
import { addIndexes, publishForm } from "./publish";

const text = (id: string, extra: Partial<FieldDefinition> = {}) =>
  ({ id, type: "text", label: id, ...extra }) as FieldDefinition;
const form = (fields: FieldDefinition[]): FormDefinition => ({ key: "people", name: "People", fields });

async function columnsOf(db: Kysely<SystemTables>, table: string): Promise<Record<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relname = ${table} AND c.relnamespace = current_schema()::regnamespace
      AND a.attnum > 0 AND NOT a.attisdropped`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.type]));
}

async function fillfactorOf(db: Kysely<SystemTables>, table: string): Promise<string | null> {
  const { rows } = await sql<{ options: string[] | null }>`
    SELECT c.reloptions AS options FROM pg_class c
    WHERE c.relname = ${table} AND c.relnamespace = current_schema()::regnamespace`.execute(db);
  return rows[0]?.options?.find((o) => o.startsWith("fillfactor="))?.slice("fillfactor=".length) ?? null;
}

async function indexesOf(db: Kysely<SystemTables>, table: string): Promise<string[]> {
  const { rows } = await sql<{ indexdef: string }>`
    SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${table}`.execute(db);
  return rows.map((r) => r.indexdef);
}

describe.each(testDatabases())("publishForm on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(() => close());

  it("creates, extends, hides and refuses, each publish atomic", async () => {
    const v1 = form([
      text("name", { unique: true }),
      { id: "age", type: "rating", label: "Age", indexed: true },
    ]);
    const formId = await createFormRow(db, v1);

    const first = await publishForm(db, { formId, definition: v1 });
    expect(first.version).toBe(1);
    expect(first.tableName).toMatch(/^r_[0-9a-f]{32}$/);
    const table = first.tableName;
    expect(await columnsOf(db, table)).toMatchObject({
      id: "uuid",
      version: "integer",
      created_by: "uuid",
      owner_id: "uuid",
      dept_id: "uuid",
      flow_status: "text",
      created_at: "timestamp with time zone",
      updated_at: "timestamp with time zone",
      deleted_at: "timestamp with time zone",
      f_name: "text",
      f_age: "integer",
    });
    const indexes = await indexesOf(db, table);
    expect(
      indexes.some((d) => d.includes("UNIQUE") && d.includes("f_name") && d.includes("deleted_at IS NULL")),
    ).toBe(true);
    expect(indexes.some((d) => !d.includes("UNIQUE") && d.includes("(f_age)"))).toBe(true);
    expect(indexes.some((d) => d.includes("gin_trgm_ops"))).toBe(true);

    const published1 = await loadPublishedForm(db, formId);
    if (!published1) throw new Error("not published");
    const record = await insertRecord(db, published1, { data: { name: "Ann", age: 3 } }, { actorId: null });

    // Add a field: a new column, old rows untouched.
    const v2 = form([...v1.fields, { id: "joined", type: "date", label: "Joined" }]);
    expect((await publishForm(db, { formId, definition: v2, previousDefinition: v1 })).version).toBe(2);
    expect((await columnsOf(db, table)).f_joined).toBe("date");

    // Remove a field: hidden, its column and values kept.
    const v3 = form([v1.fields[0] as FieldDefinition, { id: "joined", type: "date", label: "Joined" }]);
    await publishForm(db, { formId, definition: v3, previousDefinition: v2 });
    expect((await columnsOf(db, table)).f_age).toBe("integer");
    const hidden = await sql<{
      f_age: number;
    }>`SELECT f_age FROM ${sql.table(table)} WHERE id = ${record.id}`.execute(db);
    expect(hidden.rows[0]?.f_age).toBe(3);
    const published3 = await loadPublishedForm(db, formId);
    if (!published3) throw new Error("not published");
    expect((await getRecord(db, published3, record.id))?.data).toEqual({ name: "Ann", joined: null });
    expect((await indexesOf(db, table)).some((d) => d.includes("(f_age)"))).toBe(false);

    // Incompatible change (date -> number): refused, pointing at the field's type; nothing changed.
    const bad = form([
      v1.fields[0] as FieldDefinition,
      { id: "joined", type: "number", label: "Joined" },
      text("extra"),
    ]);
    const error = await publishForm(db, { formId, definition: bad, previousDefinition: v3 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormworkError);
    expect((error as FormworkError).code).toBe("INCOMPATIBLE_CHANGE");
    expect((error as FormworkError).details[0]?.path).toBe("/fields/1/type");
    expect((error as FormworkError).message).toContain('"date"');
    const after = await columnsOf(db, table);
    expect(after.f_joined).toBe("date");
    expect(after.f_extra).toBeUndefined();
    const formRow = await db
      .selectFrom("forms")
      .select("published_version")
      .where("id", "=", formId)
      .executeTakeFirst();
    expect(formRow?.published_version).toBe(3);
    const versions = await db
      .selectFrom("form_versions")
      .select("version")
      .where("form_id", "=", formId)
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);

    // Re-adding the hidden field with its old type brings its values back; a lossless widening is allowed.
    const v4 = form([...v3.fields, { id: "age", type: "number", label: "Age" }]);
    await publishForm(db, { formId, definition: v4, previousDefinition: v3 });
    expect((await columnsOf(db, table)).f_age).toBe("numeric");
    const published4 = await loadPublishedForm(db, formId);
    if (!published4) throw new Error("not published");
    expect((await getRecord(db, published4, record.id))?.data.age).toBe(3);
  });

  it("refuses to make a field unique over duplicate values, pointing at /fields/N/unique", async () => {
    const v1 = form([text("title"), text("code")]);
    const formId = await createFormRow(db, v1);
    await publishForm(db, { formId, definition: v1 });
    const published = await loadPublishedForm(db, formId);
    if (!published) throw new Error("not published");
    await insertRecord(db, published, { data: { code: "X" } }, { actorId: null });
    await insertRecord(db, published, { data: { code: "X" } }, { actorId: null });
    const v2 = form([text("title"), text("code", { unique: true })]);
    const error = await publishForm(db, { formId, definition: v2, previousDefinition: v1 }).catch(
      (e: unknown) => e,
    );
    expect((error as FormworkError).code).toBe("INCOMPATIBLE_CHANGE");
    expect((error as FormworkError).details[0]?.path).toBe("/fields/1/unique");
    expect((await loadPublishedForm(db, formId))?.version).toBe(1);
  });

  it("stores sub-forms in a child table and builds requested composite indexes", async () => {
    const definition: FormDefinition = {
      key: "orders",
      name: "Orders",
      fields: [
        text("customer"),
        { id: "status", type: "select", label: "Status", options: [{ value: "open" }, { value: "done" }] },
        {
          id: "lines",
          type: "subform",
          label: "Lines",
          fields: [text("product"), { id: "qty", type: "number", label: "Qty" }],
        },
      ],
    };
    const formId = await createFormRow(db, definition);
    const { tableName } = await publishForm(db, { formId, definition, indexes: [["status", "$createdAt"]] });
    expect(await columnsOf(db, `${tableName}__lines`)).toMatchObject({
      id: "uuid",
      parent_id: "uuid",
      row_order: "integer",
      f_product: "text",
      f_qty: "numeric",
    });
    expect((await indexesOf(db, tableName)).some((d) => d.includes("(f_status, created_at)"))).toBe(true);
    expect((await loadPublishedForm(db, formId))?.indexes).toEqual([["status", "$createdAt"]]);

    const unknown = await publishForm(db, { formId, definition, indexes: [["nope"]] }).catch(
      (e: unknown) => e,
    );
    expect((unknown as FormworkError).code).toBe("INVALID_DEFINITION");
    expect((unknown as FormworkError).details[0]?.path).toBe("/indexes/0/0");
  });

  it("adds view indexes without a new version and keeps them across publishes", async () => {
    const definition = form([
      text("status"),
      text("owner"),
      { id: "amount", type: "number", label: "Amount" },
    ]);
    const formId = await createFormRow(db, definition);
    const { tableName } = await publishForm(db, { formId, definition });
    await addIndexes(db, formId, [["status", "amount"]]);
    await addIndexes(db, formId, [
      ["status", "amount"],
      ["owner", "$createdAt"],
    ]);
    const composite = (await indexesOf(db, tableName)).filter((d) => d.includes("_c_"));
    expect(composite).toHaveLength(2);
    expect((await loadPublishedForm(db, formId))?.indexes).toEqual([
      ["status", "amount"],
      ["owner", "$createdAt"],
    ]);

    const next = await publishForm(db, { formId, definition, previousDefinition: definition });
    expect(next.version).toBe(2);
    expect((await indexesOf(db, tableName)).filter((d) => d.includes("_c_"))).toHaveLength(2);
    await publishForm(db, { formId, definition, indexes: [["owner", "$createdAt"]] });
    expect((await indexesOf(db, tableName)).filter((d) => d.includes("_c_"))).toHaveLength(1);

    const bad = await addIndexes(db, formId, [["ghost"]]).catch((e: unknown) => e);
    expect((bad as FormworkError).code).toBe("INVALID_DEFINITION");
  });

  // A type change of a field in (or entering) the search index: the old search index is dropped before
  // the column changes type and the new one covers the new layout's searched columns, in one publish.
  const option = (value: string) => ({ value, label: value });
  const searchedChanges: [string, FieldDefinition, FieldDefinition, unknown, boolean][] = [
    [
      "text -> multiselect",
      text("subject"),
      { id: "subject", type: "multiselect", label: "S", options: [option("red")] } as FieldDefinition,
      "red",
      false,
    ],
    [
      "text -> checkbox",
      text("subject", { indexed: true }),
      {
        id: "subject",
        type: "checkbox",
        label: "S",
        options: [option("red")],
        indexed: true,
      } as FieldDefinition,
      "red",
      false,
    ],
    [
      "text -> address",
      text("subject"),
      { id: "subject", type: "address", label: "S" } as FieldDefinition,
      "red",
      false,
    ],
    [
      "text -> textarea",
      text("subject"),
      { id: "subject", type: "textarea", label: "S" } as FieldDefinition,
      "red",
      true,
    ],
    [
      "text -> select",
      text("subject"),
      { id: "subject", type: "select", label: "S", options: [option("red")] } as FieldDefinition,
      "red",
      false,
    ],
    [
      "number -> text",
      { id: "subject", type: "number", label: "S" } as FieldDefinition,
      text("subject"),
      42,
      true,
    ],
    [
      "date -> text",
      { id: "subject", type: "date", label: "S" } as FieldDefinition,
      text("subject"),
      "2026-11-27",
      true,
    ],
  ];
  it.each(searchedChanges)(
    "publishes %s over searched fields and rebuilds the search index",
    async (_, before, after, value, searched) => {
      const v1 = form([text("name"), before]);
      const formId = await createFormRow(db, v1);
      const { tableName } = await publishForm(db, { formId, definition: v1 });
      const published1 = await loadPublishedForm(db, formId);
      if (!published1) throw new Error("not published");
      await insertRecord(db, published1, { data: { name: "Ann", subject: value } }, { actorId: null });

      const v2 = form([text("name"), after]);
      expect((await publishForm(db, { formId, definition: v2, previousDefinition: v1 })).version).toBe(2);
      const search = (await indexesOf(db, tableName)).filter((d) => d.includes("gin_trgm_ops"));
      expect(search).toHaveLength(1);
      expect(search[0]?.includes("f_subject")).toBe(searched);
      const published2 = await loadPublishedForm(db, formId);
      if (!published2) throw new Error("not published");
      expect((await queryRecords(db, published2, { search: "Ann" })).records).toHaveLength(1);
      const bySubject = await queryRecords(db, published2, { search: String(value) });
      expect(bySubject.records).toHaveLength(searched ? 1 : 0);
    },
  );

  it("leaves room on record pages, so a flow_status update stays on its page and re-indexes nothing (HOT)", async () => {
    const definition = form([text("name"), text("notes", { indexed: true }), text("city")]);
    const formId = await createFormRow(db, definition);
    const { tableName } = await publishForm(db, { formId, definition });
    expect(await fillfactorOf(db, tableName)).toBe("85");
    expect((await indexesOf(db, tableName)).some((d) => d.includes("gin_trgm_ops"))).toBe(true);
    const published = await loadPublishedForm(db, formId);
    if (!published) throw new Error("not published");
    // Several pages of rows written together (a full page at fillfactor 100 has no room for one more).
    const rows = Array.from({ length: 300 }, (_, i) => ({
      data: { name: `Person ${i} with a longer name`, notes: `notes ${i} `.repeat(4), city: "Springfield" },
    }));
    await insertRecords(db, published, rows, { actorId: null });
    const { rows: first } = await sql<{ id: string }>`
      SELECT id FROM ${sql.table(tableName)} WHERE (ctid::text::point)[0] = 0 ORDER BY ctid LIMIT 5`.execute(
      db,
    );
    expect(first).toHaveLength(5);
    // Counted inside the transaction (pg_stat_xact_*: this transaction's own, not yet reported, counts).
    const counts = await inTransaction(db, async (trx) => {
      const writes = emptyWrites();
      writes.recordStatuses = first.map((r) => ({
        table: tableName,
        recordId: r.id,
        flowStatus: "approved",
      }));
      await applyWrites(trx, writes);
      const { rows: stats } = await sql<{ updated: number; hot: number }>`
        SELECT n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot FROM pg_stat_xact_user_tables
        WHERE relid = ${tableName}::regclass`.execute(trx);
      return stats[0];
    });
    expect(counts).toEqual({ updated: 5, hot: 5 });
    const { rows: moved } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(tableName)}
      WHERE flow_status = 'approved' AND (ctid::text::point)[0] = 0`.execute(db);
    expect(moved[0]?.n).toBe(5);

    // Tables published before: migration 0031 sets it on every form's record table.
    await sql`ALTER TABLE ${sql.table(tableName)} RESET (fillfactor)`.execute(db);
    expect(await fillfactorOf(db, tableName)).toBeNull();
    await recordFillfactorUp(db as unknown as Kysely<unknown>);
    expect(await fillfactorOf(db, tableName)).toBe("85");
  });

  it("answers NOT_FOUND for a form that does not exist", async () => {
    const error = await publishForm(db, {
      formId: "01900000-0000-7000-8000-000000000000",
      definition: form([text("a")]),
    }).catch((e: unknown) => e);
    expect((error as FormworkError).code).toBe("NOT_FOUND");
  });
});
