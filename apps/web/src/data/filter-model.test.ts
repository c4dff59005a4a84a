import type { FilterOperator } from "@formwork/fields";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionsToLogic,
  countConditions,
  type FilterCondition,
  type FilterGroup,
  groupToLogic,
  isComplete,
  logicToConditions,
  logicToGroup,
  pruneGroup,
  valueShape,
} from "./filter-model";

const OPERATORS: FilterOperator[] = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "in",
  "notIn",
  "contains",
  "notContains",
  "startsWith",
  "empty",
  "notEmpty",
  "hasAny",
  "hasAll",
  "hasNone",
];

describe("conditionsToLogic", () => {
  it("joins conditions with and, in the API's dialect", () => {
    expect(
      conditionsToLogic([
        { field: "amount", op: "gt", value: 100 },
        { field: "status", op: "in", value: ["a", "b"] },
        { field: "name", op: "contains", value: "li" },
        { field: "day", op: "between", value: ["2026-01-01", "2026-01-31"] },
        { field: "note", op: "empty" },
      ]),
    ).toEqual({
      and: [
        { ">": [{ var: "amount" }, 100] },
        { in: [{ var: "status" }, ["a", "b"]] },
        { contains: [{ var: "name" }, "li"] },
        { between: [{ var: "day" }, "2026-01-01", "2026-01-31"] },
        { empty: [{ var: "note" }] },
      ],
    });
  });

  it("leaves out conditions still being filled in, and is no filter when none is complete", () => {
    expect(conditionsToLogic([])).toBeUndefined();
    expect(
      conditionsToLogic([
        { field: "a", op: "eq", value: "" },
        { field: "", op: "empty" },
        { field: "b", op: "between", value: [1] },
        { field: "c", op: "in", value: [] },
      ]),
    ).toBeUndefined();
    expect(
      conditionsToLogic([
        { field: "a", op: "eq" },
        { field: "b", op: "notEmpty" },
      ]),
    ).toEqual({
      and: [{ notEmpty: [{ var: "b" }] }],
    });
  });
});

describe("logicToConditions", () => {
  it("reads a single condition and no filter", () => {
    expect(logicToConditions(undefined)).toEqual([]);
    expect(logicToConditions({ "<=": [{ var: "x" }, 3] })).toEqual([{ field: "x", op: "lte", value: 3 }]);
  });

  it("refuses json-logic the panel cannot show rather than dropping parts of it", () => {
    expect(logicToConditions({ or: [{ "==": [{ var: "a" }, 1] }] })).toBeUndefined();
    expect(logicToConditions({ and: [{ "==": [{ var: "a" }, 1] }, { "!": { var: "b" } }] })).toBeUndefined();
    expect(logicToConditions({ "==": [1, { var: "a" }] })).toBeUndefined();
    expect(logicToConditions({ between: [{ var: "a" }, 1] })).toBeUndefined();
    expect(logicToConditions({ in: [{ var: "a" }, "text"] })).toBeUndefined();
    expect(logicToConditions("nonsense")).toBeUndefined();
  });

  const scalar = fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.boolean());
  const condition: fc.Arbitrary<FilterCondition> = fc
    .record({ field: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), op: fc.constantFrom(...OPERATORS) })
    .chain(({ field, op }) => {
      switch (valueShape(op)) {
        case "none":
          return fc.constant<FilterCondition>({ field, op });
        case "range":
          return fc.tuple(scalar, scalar).map((value) => ({ field, op, value }));
        case "list":
          return fc.array(scalar, { minLength: 1, maxLength: 4 }).map((value) => ({ field, op, value }));
        case "scalar":
          return scalar.map((value) => ({ field, op, value }));
      }
    });

  it("reads back exactly the complete conditions it built", () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 6 }), (conditions) => {
        expect(conditions.every(isComplete)).toBe(true);
        expect(logicToConditions(conditionsToLogic(conditions))).toEqual(conditions);
      }),
    );
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const conditions = logicToConditions(value);
        if (conditions !== undefined) expect(Array.isArray(conditions)).toBe(true);
      }),
    );
  });
});

describe("condition groups (满足所有 / 满足任一)", () => {
  const east: FilterCondition = { field: "region", op: "eq", value: "east" };
  const big: FilterCondition = { field: "amount", op: "gt", value: 100 };
  const open: FilterCondition = { field: "status", op: "in", value: ["open"] };

  it("writes an any-of group inside the all-of top group as or inside and", () => {
    const group: FilterGroup = { match: "all", items: [open, { match: "any", items: [east, big] }] };
    expect(groupToLogic(group)).toEqual({
      and: [
        { in: [{ var: "status" }, ["open"]] },
        { or: [{ "==": [{ var: "region" }, "east"] }, { ">": [{ var: "amount" }, 100] }] },
      ],
    });
    expect(logicToGroup(groupToLogic(group))).toEqual(group);
    expect(countConditions(group)).toBe(3);
  });

  it("drops unfinished conditions and the groups they leave empty", () => {
    const group: FilterGroup = {
      match: "any",
      items: [{ field: "a", op: "eq" }, { match: "all", items: [{ field: "", op: "empty" }] }, big],
    };
    expect(pruneGroup(group)).toEqual({ match: "any", items: [big] });
    expect(groupToLogic({ match: "all", items: [{ match: "any", items: [] }] })).toBeUndefined();
    expect(countConditions(group)).toBe(1);
  });

  it("reads a lone condition as an all-of group and refuses nesting deeper than the panel shows", () => {
    expect(logicToGroup({ "==": [{ var: "region" }, "east"] })).toEqual({ match: "all", items: [east] });
    expect(logicToGroup(null)).toEqual({ match: "all", items: [] });
    const tooDeep = { and: [{ or: [{ and: [{ "==": [{ var: "a" }, 1] }] }] }] };
    expect(logicToGroup(tooDeep)).toBeUndefined();
    expect(logicToGroup({ or: [{ "!": { var: "a" } }] })).toBeUndefined();
  });

  const scalar = fc.oneof(fc.string({ minLength: 1 }), fc.integer());
  const condition: fc.Arbitrary<FilterCondition> = fc
    .record({
      field: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
      op: fc.constantFrom<FilterCondition["op"]>("eq", "gt", "in", "empty"),
    })
    .chain(({ field, op }) =>
      op === "empty"
        ? fc.constant<FilterCondition>({ field, op })
        : op === "in"
          ? fc.array(scalar, { minLength: 1, maxLength: 3 }).map((value) => ({ field, op, value }))
          : scalar.map((value) => ({ field, op, value })),
    );
  const match = fc.constantFrom<FilterGroup["match"]>("all", "any");
  const inner = fc.record({ match, items: fc.array(condition, { minLength: 1, maxLength: 3 }) });
  const top = fc.record({
    match,
    items: fc.array(fc.oneof(condition, inner), { minLength: 1, maxLength: 5 }),
  });

  it("reads back exactly the groups it built", () => {
    fc.assert(
      fc.property(top, (group) => {
        expect(logicToGroup(groupToLogic(group))).toEqual(group);
      }),
    );
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const group = logicToGroup(value);
        if (group !== undefined) expect(Array.isArray(group.items)).toBe(true);
      }),
    );
  });
});
