// Runs compiled filters on real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// hand-written cases for every operator, then random filters over random rows checked against the
// reference evaluation in test-reference.ts.
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compileFilter } from "./compile-filter";
import { compileSort, orderByClause } from "./compile-sort";
import { compileCondition, compiler, type TestDatabase, testDatabases } from "./test-db";
import {
  filterArbitrary,
  insertRows,
  OWNER_A,
  OWNER_B,
  type Row,
  referenceEvaluate,
  rowsArbitrary,
  SCOPE,
  TABLE_DDL,
} from "./test-reference";

const blank = {
  name: null,
  amount: null,
  qty: null,
  day: null,
  at: null,
  tags: null,
  done: null,
  owner: null,
  items: [],
};
const ROWS: Row[] = [
  {
    ...blank,
    id: 1,
    name: "重要客户A",
    amount: 100,
    qty: 3,
    day: "2026-11-28",
    at: "2026-11-27T16:00:00.000Z",
    tags: ["vip", "客户"],
    done: true,
    owner: OWNER_A,
    meta: { a: 1 },
    items: [
      { price: 100, product: "重要客户A" },
      { price: 9.5, product: "b" },
    ],
  },
  {
    ...blank,
    id: 2,
    name: "Alpha 100%_off",
    amount: 1.5,
    qty: 0,
    day: "2026-11-21",
    at: "2026-11-27T15:59:59.000Z",
    tags: ["a"],
    done: false,
    owner: OWNER_B,
    meta: {},
    items: [{ price: 0, product: null }],
  },
  {
    ...blank,
    id: 3,
    name: "",
    amount: -3,
    day: "2026-11-01",
    at: "2026-11-30T15:59:00.000Z",
    tags: [],
    meta: null,
  },
  { ...blank, id: 4, meta: undefined },
  {
    ...blank,
    id: 5,
    name: "a_b\\c",
    amount: 42,
    qty: 7,
    day: "2026-12-31",
    at: "2026-10-31T16:00:00.000Z",
    tags: ["a", "b"],
    done: true,
    owner: OWNER_A,
    meta: [],
    items: [{ price: 200, product: "b" }],
  },
];

function cases(): [string, unknown, number[]][] {
  const v = (name: string) => ({ var: name });
  return [
    ["text equals", { "==": [v("name"), "重要客户A"] }, [1]],
    ["not equal keeps blanks", { "!=": [v("name"), "重要客户A"] }, [2, 3, 4, 5]],
    ["== null", { "==": [v("name"), null] }, [4]],
    ["!= null", { "!=": [v("name"), null] }, [1, 2, 3, 5]],
    ["Chinese substring via in", { in: ["客户", v("name")] }, [1]],
    ["contains is case-insensitive", { contains: [v("name"), "ALPHA"] }, [2]],
    ["% is literal", { contains: [v("name"), "%"] }, [2]],
    ["_ is literal", { contains: [v("name"), "_"] }, [2, 5]],
    ["backslash is literal", { contains: [v("name"), "\\"] }, [5]],
    ["notContains keeps blanks", { notContains: [v("name"), "客户"] }, [2, 3, 4, 5]],
    ["startsWith", { startsWith: [v("name"), "a_"] }, [5]],
    ["startsWith with a wildcard that must not match", { startsWith: [v("name"), "_"] }, []],
    ["in list", { in: [v("name"), ["重要客户A", "nobody"]] }, [1]],
    ["in list with null", { in: [v("amount"), [42, null]] }, [4, 5]],
    ["notIn keeps blanks", { notIn: [v("amount"), [42, 100]] }, [2, 3, 4]],
    ["empty list", { in: [v("amount"), []] }, []],
    ["number <", { "<": [v("amount"), 1.5] }, [3]],
    ["number mirrored", { "<": [1.5, v("amount")] }, [1, 5]],
    ["between (json-logic)", { "<=": [0, v("amount"), 42] }, [2, 5]],
    ["exclusive between", { "<": [1.5, v("amount"), 100] }, [5]],
    ["integer column with a decimal value", { ">": [v("qty"), 2.5] }, [1, 5]],
    ["number as decimal text", { "==": [v("amount"), "1.50"] }, [2]],
    ["date equals today", { "==": [v("day"), { today: [] }] }, [1]],
    ["date this week", { between: [v("day"), { startOf: ["week"] }, { endOf: ["week"] }] }, [1]],
    ["date last 7 days", { "<=": [{ today: [-7] }, v("day"), { today: [] }] }, [1, 2]],
    ["date this month", { between: [v("day"), { startOf: ["month"] }, { endOf: ["month"] }] }, [1, 2, 3]],
    ["date after this month", { ">": [v("day"), { endOf: ["month"] }] }, [5]],
    ["datetime during today (Shanghai)", { "==": [v("at"), { today: [] }] }, [1]],
    ["datetime before today", { "<": [v("at"), { today: [] }] }, [2, 5]],
    ["datetime not today keeps blanks", { "!=": [v("at"), { today: [] }] }, [2, 3, 4, 5]],
    ["datetime <= end of month", { "<=": [v("at"), { endOf: ["month"] }] }, [1, 2, 3, 5]],
    ["datetime literal day", { "==": [v("at"), "2026-11-30"] }, [3]],
    ["datetime instant", { ">=": [v("at"), "2026-11-28T00:00:00+08:00"] }, [1, 3]],
    ["boolean", { "==": [v("done"), true] }, [1, 5]],
    ["boolean != true keeps blanks", { "!=": [v("done"), true] }, [2, 3, 4]],
    ["boolean field alone", v("done"), [1, 5]],
    ["id equals a parameter", { "==": [v("owner"), { var: "$user.id" }] }, [1, 5]],
    ["id in list", { in: [v("owner"), [OWNER_B]] }, [2]],
    ["array element via in", { in: ["客户", v("tags")] }, [1]],
    ["array contains", { contains: [v("tags"), "a"] }, [2, 5]],
    ["array notContains keeps blanks", { notContains: [v("tags"), "a"] }, [1, 3, 4]],
    ["hasAny", { hasAny: [v("tags"), ["b", "vip"]] }, [1, 5]],
    ["hasAll", { hasAll: [v("tags"), ["a", "b"]] }, [5]],
    ["hasNone keeps blanks", { hasNone: [v("tags"), ["a"]] }, [1, 3, 4]],
    ["hasAny of a parameter", { hasAny: [v("tags"), { var: "$user.tags" }] }, [1, 2, 5]],
    ["empty text", { empty: [v("name")] }, [3, 4]],
    ["notEmpty text", { notEmpty: [v("name")] }, [1, 2, 5]],
    ["empty array", { empty: [v("tags")] }, [3, 4]],
    ["empty json", { empty: [v("meta")] }, [2, 3, 4, 5]],
    ["empty number", { empty: [v("amount")] }, [4]],
    [
      "and / or",
      { or: [{ and: [v("done"), { ">": [v("amount"), 50] }] }, { "==": [v("amount"), -3] }] },
      [1, 3],
    ],
    ["! pushes down to the leaves", { "!": { "==": [v("amount"), 42] } }, [1, 2, 3, 4]],
    ["! of and", { not: { and: [{ ">": [v("amount"), 0] }, v("done")] } }, [2, 3, 4]],
    ["empty and", { and: [] }, [1, 2, 3, 4, 5]],
    ["empty or", { or: [] }, []],
    ["some sub-form row", { some: [v("items"), { ">": [v("price"), 50] }] }, [1, 5]],
    ["no sub-form row", { none: [v("items"), { ">": [v("price"), 50] }] }, [2, 3, 4]],
    ["every sub-form row (and at least one)", { all: [v("items"), { ">": [v("price"), 5] }] }, [1, 5]],
    ["not every sub-form row", { "!": { all: [v("items"), { ">": [v("price"), 5] }] } }, [2, 3, 4]],
    ["Chinese text in a sub-form", { some: [v("items"), { contains: [v("product"), "客户"] }] }, [1]],
    ["blank cell in a sub-form", { some: [v("items"), { empty: [v("product")] }] }, [2]],
    ["SQL in a value is just text", { "==": [v("name"), "x'; drop table t; --"] }, []],
  ];
}

describe.each(testDatabases())("filters on $name", ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await db.exec(TABLE_DDL);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  async function ids(filter: unknown): Promise<number[]> {
    const compiled = compileFilter(filter, SCOPE);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const where = compileCondition(compiled.expr);
    const rows = await db.query<{ id: number }>(
      `select id from t where ${where.sql} order by id`,
      where.parameters,
    );
    return rows.map((row) => row.id);
  }

  test("every operator on a seeded table", async () => {
    await insertRows(db, ROWS);
    for (const [name, filter, expected] of cases()) {
      expect({ name, ids: await ids(filter) }).toEqual({ name, ids: expected });
    }
    expect((await db.query("select count(*)::int as n from t"))[0]).toEqual({ n: ROWS.length });
  }, 30_000);

  test("sorts put blanks last unless asked, and combine with a filter", async () => {
    await insertRows(db, ROWS);
    async function sorted(sort: unknown, filter: unknown = true): Promise<number[]> {
      const where = compileFilter(filter, SCOPE);
      const order = compileSort(sort, SCOPE);
      if (!where.ok || !order.ok) throw new Error("expected a valid filter and sort");
      const clause = orderByClause(order.order) ?? sql`true`;
      // id breaks ties, as the server's paging does.
      const query = sql`select id from t where ${where.expr} order by ${clause}, id`.compile(compiler);
      return (await db.query<{ id: number }>(query.sql, query.parameters)).map((row) => row.id);
    }
    expect(await sorted("-amount")).toEqual([1, 5, 2, 3, 4]);
    expect(await sorted("amount")).toEqual([3, 2, 5, 1, 4]);
    expect(await sorted([{ field: "amount", nulls: "first" }])).toEqual([4, 3, 2, 5, 1]);
    expect(await sorted("-done,name")).toEqual([5, 1, 2, 3, 4]);
    expect(await sorted("-day", { notEmpty: [{ var: "tags" }] })).toEqual([5, 1, 2]);
  }, 30_000);

  test("any value a filter accepts is one the database accepts", async () => {
    await insertRows(db, ROWS);
    const v = (name: string) => ({ var: name });
    const anyValue = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.double(),
      fc.integer(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.stringMatching(/^-?\d{1,30}(\.\d{1,30})?$/),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/),
      fc.uuid(),
      fc.array(fc.string({ unit: "binary" }), { maxLength: 3 }),
    );
    const leaf = fc
      .tuple(
        fc.constantFrom("==", "!=", "<", ">=", "in", "notIn", "contains", "startsWith", "hasAny", "hasAll"),
        fc.constantFrom(...Object.keys(SCOPE.fields)),
        anyValue,
      )
      .map(([op, field, value]) => ({ [op]: [v(field), value] }));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(leaf, async (filter) => {
        const compiled = compileFilter(filter, SCOPE);
        if (!compiled.ok) return;
        accepted++;
        const where = compileCondition(compiled.expr);
        await db.query(`select count(*) from t where ${where.sql}`, where.parameters);
      }),
      { numRuns: 500 },
    );
    // Most random values are rejected as type mismatches; enough must pass to make the point.
    expect(accepted).toBeGreaterThan(20);
  }, 30_000);

  test("random filters over random rows agree with the reference evaluation", async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, filterArbitrary, async (rows, filter) => {
        await insertRows(db, rows);
        const expected = rows.filter((row) => referenceEvaluate(filter, row)).map((row) => row.id);
        expect(await ids(filter)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
