import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { compileSort, MAX_SORT_KEYS, orderByClause } from "./compile-sort";
import { resolvePointer } from "./json-pointer";
import { compiler } from "./test-db";
import { SCOPE } from "./test-reference";

function orderSql(sort: unknown): string {
  const result = compileSort(sort, SCOPE);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const clause = orderByClause(result.order);
  return clause ? sql`${clause}`.compile(compiler).sql : "";
}

function errors(sort: unknown) {
  const result = compileSort(sort, SCOPE);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(({ code, path }) => ({ code, path }));
}

describe("compileSort", () => {
  test("JSON list form", () => {
    expect(orderSql([{ field: "amount", dir: "desc" }, { field: "name" }])).toBe(
      '"t"."f_amount" desc nulls last, "t"."f_name" asc nulls last',
    );
    expect(orderSql([{ field: "day", dir: "asc", nulls: "first" }])).toBe('"t"."f_day" asc nulls first');
    expect(orderSql([{ field: "day", direction: "desc" }])).toBe('"t"."f_day" desc nulls last');
  });

  test("short form and JSON text", () => {
    expect(orderSql("-amount,name")).toBe('"t"."f_amount" desc nulls last, "t"."f_name" asc nulls last');
    expect(orderSql(" +day , -at ")).toBe('"t"."f_day" asc nulls last, "t"."f_at" desc nulls last');
    expect(orderSql('[{"field":"qty","dir":"desc"}]')).toBe('"t"."f_qty" desc nulls last');
    expect(orderSql("")).toBe("");
    expect(orderSql(undefined)).toBe("");
  });

  test("the result carries the keys for Kysely's orderBy", () => {
    const result = compileSort("-amount", SCOPE);
    expect(
      result.ok && result.order.map(({ field, direction, nulls }) => ({ field, direction, nulls })),
    ).toEqual([{ field: "amount", direction: "desc", nulls: "last" }]);
  });

  test("errors point at the item", () => {
    expect(errors([{ field: "amount" }, { field: "x; drop table" }])).toEqual([
      { code: "UNKNOWN_FIELD", path: "/1/field" },
    ]);
    expect(errors("name,-nope")).toEqual([{ code: "UNKNOWN_FIELD", path: "/1" }]);
    expect(errors("name,,amount")).toEqual([{ code: "INVALID_SORT", path: "/1" }]);
    expect(errors([{ field: "name", dir: "up" }])).toEqual([{ code: "INVALID_SORT", path: "/0/dir" }]);
    expect(errors([{ field: "name", direction: "up" }])).toEqual([
      { code: "INVALID_SORT", path: "/0/direction" },
    ]);
    expect(errors([{ field: "name", nulls: "middle" }])).toEqual([
      { code: "INVALID_SORT", path: "/0/nulls" },
    ]);
    expect(errors([{ field: "name", by: 1 }])).toEqual([{ code: "INVALID_SORT", path: "/0/by" }]);
    expect(errors([{ field: "meta" }])).toEqual([{ code: "TYPE_MISMATCH", path: "/0/field" }]);
    expect(errors("name,-name")).toEqual([{ code: "INVALID_SORT", path: "/1" }]);
    expect(errors("[oops")).toEqual([{ code: "INVALID_SORT", path: "" }]);
    expect(errors(42)).toEqual([{ code: "INVALID_SORT", path: "" }]);
    expect(errors([7])).toEqual([{ code: "INVALID_SORT", path: "/0" }]);
    expect(errors(Array.from({ length: MAX_SORT_KEYS + 1 }, () => "name"))).toEqual([
      { code: "TOO_COMPLEX", path: "" },
    ]);
    const forbidden = compileSort("-name", { ...SCOPE, forbidden: ["name"] });
    expect(forbidden.ok || forbidden.errors[0]).toMatchObject({ code: "FORBIDDEN_FIELD", path: "/0" });
  });

  test("random input never throws; errors of the list form point into it", () => {
    const names = fc.constantFrom(...Object.keys(SCOPE.fields), "nope", "__proto__", "");
    const item = fc.oneof(
      fc.record({ field: names, dir: fc.constantFrom("asc", "desc", "x") }, { requiredKeys: ["field"] }),
      fc.record({ field: names, direction: fc.constantFrom("asc", "up") }, { requiredKeys: [] }),
      names.map((name) => `-${name}`),
      fc.jsonValue({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 12 }), fc.string(), fc.jsonValue()), (sort) => {
        const result = compileSort(sort, SCOPE);
        if (!result.ok && Array.isArray(sort)) {
          for (const error of result.errors) expect(resolvePointer(sort, error.path).found).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
