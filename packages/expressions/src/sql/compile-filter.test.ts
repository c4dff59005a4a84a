import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileFilter } from "./compile-filter";
import { resolvePointer } from "./json-pointer";
import { SUPPORTED_OPERATORS } from "./operators";
import { compileCondition } from "./test-db";
import { filterArbitrary, SCOPE } from "./test-reference";
import type { FilterScope } from "./types";

function compiled(filter: unknown, scope: FilterScope = SCOPE) {
  const result = compileFilter(filter, scope);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return compileCondition(result.expr);
}

function errors(filter: unknown, scope: FilterScope = SCOPE) {
  const result = compileFilter(filter, scope);
  if (result.ok) throw new Error(`expected errors, got ${compileCondition(result.expr).sql}`);
  return result.errors.map(({ code, path }) => ({ code, path }));
}

const v = (name: string) => ({ var: name });

describe("compileFilter: SQL", () => {
  test("comparisons bind values and quote allowlisted columns", () => {
    expect(compiled({ "==": [v("name"), "A"] })).toEqual({ sql: '"t"."f_name" = $1', parameters: ["A"] });
    expect(compiled({ "!=": [v("name"), "A"] })).toEqual({
      sql: '"t"."f_name" is distinct from $1',
      parameters: ["A"],
    });
    expect(compiled({ ">": [10, v("amount")] })).toEqual({
      sql: '"t"."f_amount" < $1',
      parameters: [10],
    });
    expect(compiled({ "==": [v("name"), null] }).sql).toBe('"t"."f_name" is null');
    expect(compiled({ "!=": [null, v("name")] }).sql).toBe('"t"."f_name" is not null');
  });

  test("numbers an integer column cannot take are cast to numeric; others stay index-friendly", () => {
    expect(compiled({ "==": [v("qty"), 7] }).sql).toBe('"t"."f_qty" = $1');
    expect(compiled({ "==": [v("qty"), "-7"] }).sql).toBe('"t"."f_qty" = $1');
    expect(compiled({ "==": [v("qty"), 1.5] }).sql).toBe('"t"."f_qty" = $1::numeric');
    expect(compiled({ "==": [v("qty"), 3_000_000_000] }).sql).toBe('"t"."f_qty" = $1::numeric');
    expect(compiled({ in: [v("qty"), [1, 2]] }).sql).toBe('"t"."f_qty" = any($1)');
    expect(compiled({ in: [v("qty"), [1, "2.5"]] }).sql).toBe('"t"."f_qty" = any($1::numeric[])');
  });

  test("without a table the column is unqualified", () => {
    expect(compiled({ "==": [v("name"), "A"] }, { ...SCOPE, table: undefined }).sql).toBe('"f_name" = $1');
  });

  test("between, in and contains", () => {
    expect(compiled({ "<=": [1, v("amount"), 5] })).toEqual({
      sql: '("t"."f_amount" >= $1 and "t"."f_amount" <= $2)',
      parameters: [1, 5],
    });
    expect(compiled({ in: [v("name"), ["a", "b"]] })).toEqual({
      sql: '"t"."f_name" = any($1)',
      parameters: [["a", "b"]],
    });
    expect(compiled({ in: ["50%", v("name")] })).toEqual({
      sql: '"t"."f_name" ilike $1',
      parameters: ["%50\\%%"],
    });
    expect(compiled({ notContains: [v("name"), "x"] })).toEqual({
      sql: '("t"."f_name" is null or not ("t"."f_name" ilike $1))',
      parameters: ["%x%"],
    });
  });

  test("dates relative to now; datetimes compare with the whole day in the time zone", () => {
    expect(compiled({ ">=": [v("day"), { startOf: ["month"] }] })).toEqual({
      sql: '"t"."f_day" >= $1',
      parameters: ["2026-11-01"],
    });
    expect(compiled({ "==": [v("at"), { today: [] }] })).toEqual({
      sql: '("t"."f_at" >= $1 and "t"."f_at" < $2)',
      parameters: ["2026-11-27T16:00:00.000Z", "2026-11-28T16:00:00.000Z"],
    });
    expect(compiled({ "<=": [v("at"), "2026-11-30"] }).parameters).toEqual(["2026-11-30T16:00:00.000Z"]);
  });

  test("! is pushed down to the leaves (De Morgan), keeping blanks on the negated side", () => {
    expect(compiled({ "!": { and: [{ "==": [v("name"), "A"] }, { ">": [v("amount"), 1] }] } }).sql).toBe(
      '("t"."f_name" is distinct from $1 or ("t"."f_amount" is null or not ("t"."f_amount" > $2)))',
    );
    expect(compiled({ not: { not: { "==": [v("name"), "A"] } } }).sql).toBe('"t"."f_name" = $1');
  });

  test("arrays, empty and parameters", () => {
    expect(compiled({ hasAll: [v("tags"), ["a", "b"]] })).toEqual({
      sql: '"t"."f_tags" @> $1',
      parameters: [["a", "b"]],
    });
    expect(compiled({ hasNone: [v("tags"), "a"] }).sql).toBe(
      '("t"."f_tags" is null or not ("t"."f_tags" && $1))',
    );
    expect(compiled({ empty: [v("tags")] }).sql).toBe(
      '("t"."f_tags" is null or cardinality("t"."f_tags") = 0)',
    );
    expect(compiled({ notEmpty: v("name") }).sql).toBe('not (("t"."f_name" is null or "t"."f_name" = \'\'))');
    expect(compiled({ "==": [v("owner"), v("$user.id")] }).parameters).toEqual([SCOPE.params?.["$user.id"]]);
    expect(compiled(true).sql).toBe("true");
    expect(compiled({ or: [] }).sql).toBe("false");
  });

  test("the result lists the fields the filter reads", () => {
    const result = compileFilter(
      { and: [{ "==": [v("name"), "a"] }, { ">": [v("amount"), 1] }, { empty: [v("name")] }] },
      SCOPE,
    );
    expect(result.ok && result.fields).toEqual(["name", "amount"]);
  });

  test("a $ name is a field when the scope has one (system fields), else a parameter", () => {
    const scope: FilterScope = {
      ...SCOPE,
      fields: { ...SCOPE.fields, $createdBy: { column: "created_by", valueType: "id" } },
      params: { ...SCOPE.params, $createdBy: "shadowed" },
    };
    expect(compiled({ "==": [v("$createdBy"), v("$user.id")] }, scope)).toEqual({
      sql: '"t"."created_by" = $1',
      parameters: [SCOPE.params?.["$user.id"]],
    });
  });

  test("sub-form rows: EXISTS over the child table, correlated on the parent id", () => {
    expect(compiled({ some: [v("items"), { ">": [v("price"), 5] }] })).toEqual({
      sql: 'exists (select 1 from "t_items" as "sub" where "sub"."parent_id" = "t"."id" and "sub"."f_price" > $1)',
      parameters: [5],
    });
    expect(compiled({ none: [v("items"), true] }).sql).toBe(
      'not exists (select 1 from "t_items" as "sub" where "sub"."parent_id" = "t"."id" and true)',
    );
    expect(compiled({ all: [v("items"), { "==": [v("product"), "b"] }] }).sql).toBe(
      '(exists (select 1 from "t_items" as "sub" where "sub"."parent_id" = "t"."id") and not exists (select 1 from "t_items" as "sub" where "sub"."parent_id" = "t"."id" and "sub"."f_product" is distinct from $1))',
    );
    const result = compileFilter({ some: [v("items"), { "==": [v("product"), "b"] }] }, SCOPE);
    expect(result.ok && result.fields).toEqual(["items", "items.product"]);
  });

  test("an operator allowlist restricts a field", () => {
    const scope: FilterScope = {
      ...SCOPE,
      fields: { name: { column: "f_name", valueType: "text", operators: ["=="] } },
    };
    expect(compiled({ "==": [v("name"), "A"] }, scope).sql).toBe('"t"."f_name" = $1');
    expect(errors({ contains: [v("name"), "A"] }, scope)).toEqual([
      { code: "TYPE_MISMATCH", path: "/contains/0" },
    ]);
  });
});

describe("compileFilter: errors", () => {
  test("unknown and forbidden fields, with the pointer of the var", () => {
    expect(errors({ and: [{ "==": [v("nope"), 1] }] })).toEqual([
      { code: "UNKNOWN_FIELD", path: "/and/0/==/0" },
    ]);
    expect(errors({ "==": [v("name"), "a"] }, { ...SCOPE, forbidden: ["name"] })).toEqual([
      { code: "FORBIDDEN_FIELD", path: "/==/0" },
    ]);
    expect(errors({ "==": [v("$user.secret"), v("owner")] })).toEqual([
      { code: "UNKNOWN_FIELD", path: "/==/0" },
    ]);
  });

  test("SQL in field names is an unknown field; in values it is a parameter", () => {
    for (const name of [
      "x; drop table",
      'f_a"--',
      "f_name",
      "t.f_name",
      "__proto__",
      "constructor",
      "toString",
      "",
    ]) {
      expect(errors({ "==": [v(name), "a"] })).toEqual([{ code: "UNKNOWN_FIELD", path: "/==/0" }]);
    }
    const attack = "'; drop table t; --";
    const { sql, parameters } = compiled({ contains: [v("name"), attack] });
    expect(sql).not.toContain("drop");
    expect(parameters).toEqual([`%${attack}%`]);
  });

  test("sub-form errors", () => {
    expect(errors({ some: [v("nope"), true] })).toEqual([{ code: "UNKNOWN_FIELD", path: "/some/0" }]);
    expect(errors({ some: [v("name"), true] })).toEqual([{ code: "UNKNOWN_FIELD", path: "/some/0" }]);
    expect(errors({ some: [v("items"), { "==": [v("name"), "a"] }] })).toEqual([
      { code: "UNKNOWN_FIELD", path: "/some/1/==/0" },
    ]);
    expect(errors({ some: [v("items"), { some: [v("items"), true] }] })).toEqual([
      { code: "UNKNOWN_FIELD", path: "/some/1/some/0" },
    ]);
    expect(errors({ all: [v("items")] })).toEqual([{ code: "INVALID_FILTER", path: "/all" }]);
    expect(errors({ some: [v("items"), true] }, { ...SCOPE, forbidden: ["items"] })).toEqual([
      { code: "FORBIDDEN_FIELD", path: "/some/0" },
    ]);
    expect(errors({ some: [v("items"), true] }, { ...SCOPE, table: undefined })).toEqual([
      { code: "INVALID_FILTER", path: "/some/0" },
    ]);
  });

  test("unknown operators", () => {
    expect(errors({ regex: [v("name"), ".*"] })).toEqual([{ code: "UNKNOWN_OPERATOR", path: "/regex" }]);
    expect(errors({ "==": [v("amount"), { method: [] }] })).toEqual([
      { code: "UNKNOWN_OPERATOR", path: "/==/1/method" },
    ]);
  });

  test("type mismatches: operator for the type, and value for the field", () => {
    expect(errors({ "<": [v("done"), true] })).toEqual([{ code: "TYPE_MISMATCH", path: "/</0" }]);
    expect(errors({ "==": [v("amount"), "abc"] })).toEqual([{ code: "TYPE_MISMATCH", path: "/==/1" }]);
    expect(errors({ "==": [v("day"), "2026-02-30"] })).toEqual([{ code: "TYPE_MISMATCH", path: "/==/1" }]);
    expect(errors({ "==": [v("at"), "2026-11-28T25:00:00Z"] })).toEqual([
      { code: "TYPE_MISMATCH", path: "/==/1" },
    ]);
    expect(errors({ "==": [v("owner"), "42"] })).toEqual([{ code: "TYPE_MISMATCH", path: "/==/1" }]);
    expect(errors({ "==": [v("name"), "a\u0000b"] })).toEqual([{ code: "TYPE_MISMATCH", path: "/==/1" }]);
    expect(errors({ "<": [v("amount"), null] })).toEqual([{ code: "TYPE_MISMATCH", path: "/</1" }]);
    expect(errors({ "==": [v("amount"), { today: [] }] })).toEqual([
      { code: "TYPE_MISMATCH", path: "/==/1" },
    ]);
    expect(errors({ in: [v("amount"), [1, "x"]] })).toEqual([{ code: "TYPE_MISMATCH", path: "/in/1" }]);
    expect(errors({ hasAny: [v("tags"), [1]] })).toEqual([{ code: "TYPE_MISMATCH", path: "/hasAny/1" }]);
  });

  test("malformed filters", () => {
    expect(errors("name = 1")).toEqual([{ code: "INVALID_FILTER", path: "" }]);
    expect(errors(null)).toEqual([{ code: "INVALID_FILTER", path: "" }]);
    expect(errors({})).toEqual([{ code: "INVALID_FILTER", path: "" }]);
    expect(errors({ "==": [v("name"), "a"], "!=": [v("name"), "b"] })).toEqual([
      { code: "INVALID_FILTER", path: "" },
    ]);
    expect(errors({ "==": [v("name"), v("name")] })).toEqual([{ code: "INVALID_FILTER", path: "/==" }]);
    expect(errors({ "==": [1, 1] })).toEqual([{ code: "INVALID_FILTER", path: "/==" }]);
    expect(errors({ "==": [v("name")] })).toEqual([{ code: "INVALID_FILTER", path: "/==" }]);
    expect(errors({ and: { "==": [v("name"), "a"] } })).toEqual([{ code: "INVALID_FILTER", path: "/and" }]);
    expect(errors({ and: [1] })).toEqual([{ code: "INVALID_FILTER", path: "/and/0" }]);
    expect(errors({ today: [] })).toEqual([{ code: "INVALID_FILTER", path: "" }]);
    expect(errors({ "==": [v("day"), { today: ["x"] }] })).toEqual([
      { code: "INVALID_FILTER", path: "/==/1/today/0" },
    ]);
    expect(errors({ var: ["name", "default"] })).toEqual([{ code: "INVALID_FILTER", path: "/var" }]);
    expect(errors(v("name"))).toEqual([{ code: "INVALID_FILTER", path: "" }]);
  });

  test("every error is reported, not only the first", () => {
    const filter = { or: [{ "==": [v("a"), 1] }, { "~": [] }, { "<": [v("done"), 1] }] };
    expect(errors(filter)).toEqual([
      { code: "UNKNOWN_FIELD", path: "/or/0/==/0" },
      { code: "UNKNOWN_OPERATOR", path: "/or/1/~0" }, // "~" escaped as RFC 6901 says
      { code: "TYPE_MISMATCH", path: "/or/2/</0" },
    ]);
  });

  test("limits: depth, operators, values", () => {
    let deep: unknown = { "==": [v("name"), "a"] };
    for (let i = 0; i < 40; i++) deep = { "!": deep };
    expect(errors(deep)[0]?.code).toBe("TOO_COMPLEX");
    const wide = { or: Array.from({ length: 300 }, () => ({ "==": [v("name"), "a"] })) };
    expect(errors(wide)[0]?.code).toBe("TOO_COMPLEX");
    expect(errors({ in: [v("name"), Array.from({ length: 20_000 }, () => "a")] })).toEqual([
      { code: "TOO_COMPLEX", path: "/in/1" },
    ]);
    let nested: unknown = [];
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(errors({ in: [v("name"), nested] })[0]?.code).toBe("INVALID_FILTER");
    const list = Array.from({ length: 5_000 }, (_, i) => `n${i}`);
    expect(compiled({ in: [v("name"), list] }).parameters).toEqual([list]);
  }, 30_000);

  test("a bad scope is an error, not an exception", () => {
    expect(errors(true, { ...SCOPE, timeZone: "Mars/Olympus" })).toEqual([
      { code: "INVALID_FILTER", path: "" },
    ]);
    expect(errors(true, { ...SCOPE, now: new Date(Number.NaN) })).toEqual([
      { code: "INVALID_FILTER", path: "" },
    ]);
  });
});

describe("compileFilter: properties", () => {
  const names = [...Object.keys(SCOPE.fields), "items", "price", "$user.id", "nope", "__proto__", 'f_a"--'];
  const junkFilter = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(...names).map((name) => ({ var: name })),
      fc
        .tuple(
          fc.constantFrom(...SUPPORTED_OPERATORS, "foo", "__proto__"),
          fc.array(tie("node"), { maxLength: 4 }),
        )
        .map(([op, args]) => ({ [op]: args })),
      fc.tuple(fc.constantFrom(...SUPPORTED_OPERATORS), tie("node")).map(([op, arg]) => ({ [op]: arg })),
    ),
  })).node;
  const allowedIdentifiers = new Set([
    '"t"',
    ...Object.values(SCOPE.fields).map((f) => `"${f.column}"`),
    '"t_items"',
    '"sub"',
    '"id"',
    '"parent_id"',
    '"f_price"',
    '"f_product"',
  ]);

  test("random JSON never throws; errors point into the filter; SQL names only allowlisted columns", () => {
    fc.assert(
      fc.property(fc.oneof(junkFilter, filterArbitrary), (filter) => {
        const result = compileFilter(filter, SCOPE);
        if (result.ok) {
          const withoutStrings = compileCondition(result.expr).sql.replace(/'(?:[^']|'')*'/g, "''");
          for (const identifier of withoutStrings.match(/"(?:[^"]|"")*"/g) ?? []) {
            expect(allowedIdentifiers).toContain(identifier);
          }
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(resolvePointer(filter, error.path).found).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  test("every generated valid filter compiles", () => {
    fc.assert(
      fc.property(filterArbitrary, (filter) => {
        expect(compileFilter(filter, SCOPE).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
