import { compileFilter } from "@formwork/expressions";
import { type FormDefinition, FormworkError } from "@formwork/schema";
import fc from "fast-check";
import { type Kysely, type SqlBool, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNew } from "../../test/fixtures";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { COUNT_CAP, queryRecords } from "./query";
import { filterScopeFor } from "./scope";
import type { ApiRecord, RecordQuery } from "./types";
import { deleteRecord, insertRecords } from "./write";

const definition: FormDefinition = {
  key: "tickets",
  name: "Tickets",
  fields: [
    { id: "title", type: "text", label: "Title" },
    { id: "notes", type: "textarea", label: "Notes" },
    {
      id: "category",
      type: "select",
      label: "Category",
      options: [{ value: "a" }, { value: "b" }, { value: "c" }],
    },
    { id: "amount", type: "number", label: "Amount", indexed: true },
    { id: "score", type: "number", label: "Score" },
    {
      id: "parts",
      type: "subform",
      label: "Parts",
      fields: [{ id: "part", type: "text", label: "Part" }],
    },
  ],
};

const ROWS = 3000;
const CITIES = ["北京市朝阳区", "上海市浦东新区", "广州市天河区", "Shenzhen"];

function rowData(i: number) {
  return {
    title: `ticket ${i} ${CITIES[i % CITIES.length]}`,
    notes: i % 7 === 0 ? "需要加急处理" : null,
    category: i % 10 === 0 ? null : ["a", "b", "c"][i % 3],
    amount: i % 13 === 0 ? null : (i * 37) % 500,
    score: i % 4,
    parts: i % 100 === 0 ? [{ part: `p${i}` }, { part: "second" }] : null,
  };
}

// The reference order of [category asc, amount desc, id desc] with PostgreSQL's default null placement.
function expectedOrder(records: ApiRecord[]): string[] {
  const asc = (a: unknown, b: unknown) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return (a as number | string) < (b as number | string) ? -1 : 1;
  };
  return [...records]
    .sort(
      (x, y) =>
        asc(x.data.category, y.data.category) ||
        -asc(x.data.amount, y.data.amount) ||
        (x.id < y.id ? 1 : x.id > y.id ? -1 : 0),
    )
    .map((r) => r.id);
}

async function allPages(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  query: RecordQuery,
): Promise<ApiRecord[]> {
  const seen: ApiRecord[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await queryRecords(db, form, { ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...page.records);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

describe.each(testDatabases())("queryRecords on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let form: PublishedForm;
  let all: ApiRecord[];
  beforeAll(async () => {
    ({ db, close } = await create());
    form = await publishNew(db, definition);
    all = await insertRecords(
      db,
      form,
      Array.from({ length: ROWS }, (_, i) => ({ data: rowData(i) })),
      { actorId: null },
    );
  });
  afterAll(() => close());

  it("pages through a filtered, multi-key sort with cursors, in exactly the SQL order", async () => {
    const filter = sql<SqlBool>`f_amount >= 100 OR f_amount IS NULL`;
    const matching = all.filter((r) => r.data.amount === null || (r.data.amount as number) >= 100);
    const sort = [
      { field: "category", direction: "asc" as const },
      { field: "amount", direction: "desc" as const },
    ];
    const pages = await allPages(db, form, { filter, filterFields: ["amount"], sort, limit: 97 });
    expect(pages.map((r) => r.id)).toEqual(expectedOrder(matching));

    const offsetPage = await queryRecords(db, form, { filter, sort, limit: 20, offset: 40 });
    expect(offsetPage.records.map((r) => r.id)).toEqual(expectedOrder(matching).slice(40, 60));
  });

  it("pages any sort (mixed directions, nulls, ties) in the same order as one big query", async () => {
    const small = await publishNew(db, {
      key: "keyset",
      name: "Keyset",
      fields: [
        { id: "n", type: "number", label: "N" },
        { id: "t", type: "text", label: "T" },
      ],
    });
    await insertRecords(
      db,
      small,
      Array.from({ length: 60 }, (_, i) => ({
        data: { n: i % 4 === 0 ? null : i % 5, t: i % 3 === 0 ? null : ["x", "y"][i % 2] },
      })),
      { actorId: null },
    );
    const key = fc.record({
      field: fc.constantFrom("n", "t", "$createdAt"),
      direction: fc.constantFrom("asc", "desc"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(key, { maxLength: 3, selector: (k) => k.field }),
        fc.integer({ min: 1, max: 17 }),
        async (sort, limit) => {
          const whole = await queryRecords(db, small, { sort, limit: 1000 });
          const paged = await allPages(db, small, { sort, limit });
          expect(paged.map((r) => r.id)).toEqual(whole.records.map((r) => r.id));
        },
      ),
      { numRuns: 12 },
    );
  });

  it("keeps timestamp precision in cursors", async () => {
    const pages = await allPages(db, form, {
      sort: [{ field: "$createdAt", direction: "desc" }],
      limit: 250,
    });
    expect(pages).toHaveLength(ROWS);
    expect(new Set(pages.map((r) => r.id)).size).toBe(ROWS);
  });

  it("returns sub-form rows and honours the fields projection", async () => {
    const page = await queryRecords(db, form, { limit: 101, fields: ["title", "parts"] });
    expect(Object.keys(page.records[0]?.data ?? {})).toEqual(["title", "parts"]);
    expect(page.records[0]?.data.parts).toEqual([
      { id: expect.any(String), part: "p0" },
      { id: expect.any(String), part: "second" },
    ]);
    expect(page.records[1]?.data.parts).toEqual([]);
    expect(page.records[100]?.data.parts).toEqual([
      expect.objectContaining({ part: "p100" }),
      expect.anything(),
    ]);
  });

  it("finds Chinese substrings, case-insensitively and literally", async () => {
    const page = await queryRecords(db, form, { search: "浦东", limit: 1000 });
    expect(page.records).toHaveLength(ROWS / 4);
    expect(page.records.every((r) => String(r.data.title).includes("浦东新区"))).toBe(true);
    expect((await queryRecords(db, form, { search: "加急", limit: 1 })).count).toEqual({
      value: 429,
      exact: true,
    });
    expect((await queryRecords(db, form, { search: "SHENZHEN", limit: 1 })).count.value).toBe(ROWS / 4);
    expect((await queryRecords(db, form, { search: "%" })).records).toEqual([]);
    expect((await queryRecords(db, form, { search: "市朝" })).count.value).toBe(ROWS / 4);
  });

  it("counts exactly when an index serves the filter and caps the count otherwise", async () => {
    expect((await queryRecords(db, form, { limit: 1 })).count).toEqual({ value: ROWS, exact: true });
    const indexed = await queryRecords(db, form, {
      filter: sql<SqlBool>`f_amount < 400`,
      filterFields: ["amount"],
      limit: 1,
    });
    const expected = all.filter((r) => r.data.amount !== null && (r.data.amount as number) < 400).length;
    expect(expected).toBeGreaterThan(COUNT_CAP);
    expect(indexed.count).toEqual({ value: expected, exact: true });

    const unindexed = await queryRecords(db, form, {
      filter: sql<SqlBool>`f_score < 3`,
      filterFields: ["score"],
      limit: 1,
    });
    expect(unindexed.count).toEqual({ value: COUNT_CAP, exact: false });
    const small = await queryRecords(db, form, {
      filter: sql<SqlBool>`f_score = 1 AND f_amount < 30`,
      filterFields: ["score", "amount"],
    });
    const smallExpected = all.filter(
      (r) => r.data.score === 1 && r.data.amount !== null && (r.data.amount as number) < 30,
    );
    expect(small.count).toEqual({ value: smallExpected.length, exact: true });
  });

  it("separates the recycle bin", async () => {
    const victim = all[5] as ApiRecord;
    await deleteRecord(db, form, victim.id, { actorId: null });
    const bin = await queryRecords(db, form, { deleted: "only" });
    expect(bin.records.map((r) => r.id)).toEqual([victim.id]);
    expect(bin.records[0]?.deletedAt).toBeDefined();
    expect((await queryRecords(db, form, { limit: 1 })).count.value).toBe(ROWS - 1);
    expect((await queryRecords(db, form, { deleted: "include", limit: 1 })).count.value).toBe(ROWS);
  });

  it("refuses bad limits, sorts, projections and cursors with pointers", async () => {
    const cases: [RecordQuery, string, string][] = [
      [{ limit: 1001 }, "BAD_REQUEST", "/limit"],
      [{ limit: 0 }, "BAD_REQUEST", "/limit"],
      [{ sort: [{ field: "nope" }] }, "INVALID_SORT", "/sort/0"],
      [{ sort: [{ field: "__proto__" }] }, "INVALID_SORT", "/sort/0"],
      [{ sort: [{ field: "f_amount; DROP TABLE users" }] }, "INVALID_SORT", "/sort/0"],
      [{ fields: ["title", "ghost"] }, "BAD_REQUEST", "/fields/1"],
      [{ cursor: "not a cursor" }, "BAD_REQUEST", "/cursor"],
      [{ cursor: "eyJ4IjoxfQ" }, "BAD_REQUEST", "/cursor"],
      [{ cursor: "abc", offset: 3 }, "BAD_REQUEST", "/cursor"],
    ];
    for (const [query, code, path] of cases) {
      const error = await queryRecords(db, form, query).catch((e: unknown) => e);
      expect(error, JSON.stringify(query)).toBeInstanceOf(FormworkError);
      expect((error as FormworkError).code).toBe(code);
      expect((error as FormworkError).details[0]?.path).toBe(path);
    }
    const other = await queryRecords(db, form, { sort: [{ field: "amount" }], limit: 5 });
    const misuse = await queryRecords(db, form, {
      sort: [{ field: "title" }],
      cursor: other.nextCursor ?? "",
    }).catch((e: unknown) => e);
    expect((misuse as FormworkError).code).toBe("BAD_REQUEST");
  });

  it("runs json-logic filters compiled by @formwork/expressions against the scope", async () => {
    const scope = filterScopeFor(form, { now: new Date("2026-06-01T00:00:00Z"), timeZone: "Asia/Shanghai" });
    const compiled = compileFilter(
      {
        and: [
          { "==": [{ var: "category" }, "b"] },
          { ">=": [{ var: "amount" }, 250] },
          { in: ["朝阳", { var: "title" }] },
        ],
      },
      scope,
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const page = await queryRecords(db, form, {
      filter: compiled.expr,
      filterFields: ["category", "amount", "title"],
      limit: 1000,
    });
    const expected = all.filter(
      (r) =>
        r.data.category === "b" &&
        r.data.amount !== null &&
        (r.data.amount as number) >= 250 &&
        String(r.data.title).includes("朝阳"),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(page.records.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(page.count).toEqual({ value: expected.length, exact: true });

    const refused = compileFilter({ "==": [{ var: "f_amount; DROP TABLE users" }, 1] }, scope);
    expect(refused.ok).toBe(false);
  });

  it("describes the form to the filter compiler", () => {
    const scope = filterScopeFor(form, { now: new Date(0), timeZone: "Asia/Shanghai" });
    expect(scope.fields.amount).toEqual({ column: "f_amount", valueType: "number" });
    expect(scope.fields.category).toEqual({ column: "f_category", valueType: "text" });
    expect(scope.fields.$createdAt).toEqual({ column: "created_at", valueType: "datetime" });
    expect(scope.fields.parts).toBeUndefined();
    expect(scope.timeZone).toBe("Asia/Shanghai");
  });
});
