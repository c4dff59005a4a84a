import type { FormDefinition, FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNew } from "../../test/fixtures";
import { newId } from "../ids";
import { loadPublishedForm } from "../storage/load";
import { publishForm } from "../storage/publish";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { partData, partRecord, recordInsertParts } from "./insert-parts";
import { FormChangedError, textArrayLiteral } from "./insert-statement";
import { queryRecords } from "./query";
import { getRecord } from "./read";
import { listRevisions } from "./revisions";
import { insertRecords, updateRecord } from "./write";

const actor = "01900000-0000-7000-8000-0000000000bb";
const ctx = { actorId: actor };

/** One field of every column type the field types use: text, numeric, integer, date, timestamptz, text[], jsonb. */
const everyType: FormDefinition = {
  key: "every_type",
  name: "Every column type",
  fields: [
    { id: "title", type: "text", label: "Title" },
    { id: "price", type: "number", label: "Price" },
    { id: "amount", type: "money", label: "Amount" },
    { id: "stars", type: "rating", label: "Stars", max: 5 },
    { id: "day", type: "date", label: "Day" },
    { id: "at", type: "datetime", label: "At" },
    { id: "tags", type: "multiselect", label: "Tags", options: [{ value: "a" }] },
    { id: "place", type: "location", label: "Place" },
    { id: "addr", type: "address", label: "Address" },
  ],
};

const tricky = [
  'quote " inside',
  "back\\slash",
  "comma, and {braces}",
  "NULL",
  "",
  "中文 ✓ 🎉",
  "  padded  ",
];

describe.each(testDatabases())("the unnest insert on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let form: PublishedForm;
  beforeAll(async () => {
    ({ db, close } = await create());
    form = await publishNew(db, everyType);
  });
  afterAll(() => close());

  it("stores every column type and reads back exactly what was written, nulls included", async () => {
    const full = {
      title: 'He said "hi" \\ then left',
      price: 0.1,
      amount: -12345678.91,
      stars: 4,
      day: "2026-02-28",
      at: "2026-11-27T08:30:15.123Z",
      tags: tricky,
      place: { lng: 116.397, lat: 39.908, address: 'Tian\'anmen "Sq" \\ 北京' },
      addr: { province: "北京", detail: 'Room "1" \\ A', nested: [1, { x: null }, "s"] },
    };
    const empty = {
      title: null,
      price: null,
      amount: null,
      stars: null,
      day: null,
      at: null,
      tags: null,
      place: null,
      addr: null,
    };
    const [a, b, c] = await insertRecords(db, form, [{ data: full }, { data: empty }, { data: {} }], ctx);
    expect(a?.data).toEqual(full);
    expect(b?.data).toEqual(empty);
    expect(c?.data).toEqual(empty);
    expect(await getRecord(db, form, a!.id)).toEqual(a);
    // A lone record takes the single-row statement: the same values must come back.
    const [solo] = await insertRecords(db, form, [{ data: full }], ctx);
    expect(solo?.data).toEqual(full);
    expect(await getRecord(db, form, solo!.id)).toEqual(solo);
    expect(a).toMatchObject({ version: 1, createdBy: actor, ownerId: actor, flowStatus: null });

    // Empty arrays and big or precise numbers survive too.
    const [d] = await insertRecords(
      db,
      form,
      [{ data: { tags: [], price: 123456789012.345, amount: 1e-7 } }],
      ctx,
    );
    expect(d?.data).toMatchObject({ tags: [], price: 123456789012.345, amount: 1e-7 });

    // The stored array is a real text[]: array operators see each tricky element whole.
    const match = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(form.tableName)}
      WHERE f_tags @> ${sql.val(tricky)}::text[] AND f_tags @> ARRAY['NULL']`.execute(db);
    expect(match.rows[0]?.n).toBe(2);
    const nulls = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(form.tableName)}
      WHERE f_tags IS NULL AND f_place IS NULL AND f_at IS NULL`.execute(db);
    expect(nulls.rows[0]?.n).toBe(2);
  });

  it("answers a record written by another insert's parts as it reads back (partRecord)", async () => {
    const other = await publishNew(db, { ...everyType, key: "every_type_part", name: "Parts" });
    const datas = [
      {
        title: 'a "part" \\ too',
        price: 0.1,
        amount: -1.5,
        stars: 3,
        day: "2026-02-28",
        at: "2026-11-27T08:30:15.123Z",
        tags: tricky,
        place: { lng: 1, lat: 2 },
        addr: { province: "北京", nested: [1, { x: null }] },
      },
      { title: "only a title" },
      {},
    ];
    for (const data of datas) {
      const system = { id: newId(), createdBy: null, ownerId: actor, deptId: null, flowStatus: "running" };
      const [trigger] = await insertRecords(db, form, [{ data: { title: "trigger" } }], ctx, {
        also: () => recordInsertParts(other, { system, data }, actor),
        alsoCurrent: [other],
      });
      const stored = await getRecord(db, other, system.id);
      expect(partRecord(other, { system, data }, trigger!)).toEqual(stored);
      expect(partData(other, data)).toEqual(stored?.data);
      expect(Object.keys(partData(other, data))).toEqual(everyType.fields.map((f) => f.id));
    }
  });

  it("writes each record's create revision in the same statement", async () => {
    const [record] = await insertRecords(db, form, [{ data: { title: "with history" } }], ctx);
    const history = await listRevisions(db, form, record!.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "create", version: 1, actor });
  });

  it("answers only ids and versions when asked, in input order, over several statements", async () => {
    const inputs = Array.from({ length: 1500 }, (_, i) => ({ data: { title: `bulk ${i}`, stars: i % 6 } }));
    const refs = await insertRecords(db, form, inputs, ctx, { returning: "refs" });
    expect(refs).toHaveLength(1500);
    expect(Object.keys(refs[0]!).sort()).toEqual(["id", "version"]);
    expect(refs.every((r) => r.version === 1)).toBe(true);
    const [first, last] = [refs[0]!, refs[1499]!];
    expect((await getRecord(db, form, first.id))?.data.title).toBe("bulk 0");
    expect((await getRecord(db, form, last.id))?.data.title).toBe("bulk 1499");
    const page = await queryRecords(db, form, {
      filter: sql<boolean>`f_title LIKE 'bulk %'`,
      count: true,
      limit: 1,
    });
    expect(page.count.value).toBeGreaterThanOrEqual(1000);
  });

  it("refuses an unknown field without writing anything", async () => {
    const error = await insertRecords(
      db,
      form,
      [{ data: { title: "ok" } }, { data: { nope: 1 } }],
      ctx,
    ).catch((e: unknown) => e);
    expect((error as FormworkError).code).toBe("UNKNOWN_FIELD");
    expect((error as FormworkError).details[0]?.path).toBe("/nope");
  });

  it("writes nothing through a definition that is no longer the published one", async () => {
    const mine = await publishNew(db, { ...everyType, key: "guarded" });
    const v2 = {
      ...everyType,
      key: "guarded",
      fields: [...everyType.fields, { id: "extra", type: "text" as const, label: "Extra" }],
    };
    await publishForm(db, { formId: mine.id, definition: v2, previousDefinition: everyType });
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(mine.tableName)}`.execute(db))
        .rows[0]?.n;
    const stale = await insertRecords(db, mine, [{ data: { title: "old definition" } }], ctx).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(FormChangedError);
    expect((stale as FormworkError).status).toBe(409);
    expect(await count()).toBe(0);

    const current = (await loadPublishedForm(db, mine.id))!;
    const [created] = await insertRecords(db, current, [{ data: { title: "new", extra: "x" } }], ctx);
    expect(created?.data.extra).toBe("x");
    const staleUpdate = await updateRecord(db, mine, created!.id, { data: { title: "via v1" } }, ctx).catch(
      (e: unknown) => e,
    );
    expect(staleUpdate).toBeInstanceOf(FormChangedError);
    expect((await getRecord(db, current, created!.id))?.data.title).toBe("new");

    await db.updateTable("forms").set({ deleted_at: sql`now()` }).where("id", "=", mine.id).execute();
    const deleted = await insertRecords(db, current, [{ data: { title: "deleted form" } }], ctx).catch(
      (e: unknown) => e,
    );
    expect(deleted).toBeInstanceOf(FormChangedError);
    expect(await count()).toBe(1);
    const revisions = await db.selectFrom("revisions").select("id").where("form_id", "=", mine.id).execute();
    expect(revisions).toHaveLength(1);
  });

  it("turns a column type changed under a stale definition into FormChangedError, not a database error", async () => {
    const v1: FormDefinition = {
      key: "retyped",
      name: "Retyped",
      // Not text fields: their search index expression cannot follow a type change (publish refuses).
      fields: [
        { id: "kind", type: "select", label: "Kind", options: [{ value: "a" }] },
        { id: "note", type: "radio", label: "Note", options: [{ value: "n" }] },
      ],
    };
    const old = await publishNew(db, v1);
    // Once before the change, so PostgreSQL holds the statement prepared and must re-plan it after.
    await insertRecords(db, old, [{ data: { kind: "a", note: "n" } }], ctx);
    const v2: FormDefinition = {
      ...v1,
      fields: [
        { id: "kind", type: "multiselect", label: "Kind", options: [{ value: "a" }] },
        { id: "note", type: "location", label: "Note" },
      ],
    };
    await publishForm(db, { formId: old.id, definition: v2, previousDefinition: v1 });
    const error = await insertRecords(db, old, [{ data: { kind: "a", note: "n" } }], ctx).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormChangedError);
    expect(error).toMatchObject({ formId: old.id, version: 1 });
    const current = (await loadPublishedForm(db, old.id))!;
    const [created] = await insertRecords(
      db,
      current,
      [{ data: { kind: ["a"], note: { lng: 1, lat: 2 } } }],
      ctx,
    );
    expect(created?.data).toEqual({ kind: ["a"], note: { lng: 1, lat: 2 } });
  });
});

describe("textArrayLiteral", () => {
  it("quotes every element and escapes quotes and backslashes", () => {
    expect(textArrayLiteral([])).toBe("{}");
    expect(textArrayLiteral(["a", null, 'b"c', "d\\e", "NULL"])).toBe('{"a",NULL,"b\\"c","d\\\\e","NULL"}');
  });
});
