import type { JsonLogic } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  logicToRule,
  RULE_OPERATORS,
  type RuleCondition,
  type RuleGroup,
  ruleToLogic,
  takesValue,
} from "./rule-model";

const cond = (field: string, op: RuleCondition["op"], value?: RuleCondition["value"]): RuleCondition =>
  takesValue(op) ? { kind: "condition", field, op, value } : { kind: "condition", field, op };

describe("rule builder json-logic", () => {
  it("reads and writes row permissions' dynamic values", () => {
    const logic: JsonLogic = {
      or: [
        { "==": [{ var: "$ownerId" }, { var: "$user" }] },
        { in: [{ var: "$deptId" }, { var: "$user.departmentsWithSub" }] },
      ],
    };
    const rule = logicToRule(logic)!;
    expect(rule.items).toEqual([
      cond("$ownerId", "==", { var: "$user" }),
      cond("$deptId", "in", { var: "$user.departmentsWithSub" }),
    ]);
    expect(ruleToLogic(rule)).toEqual(logic);
  });

  it("writes the runtime's json-logic", () => {
    const rule: RuleGroup = { kind: "group", match: "all", items: [cond("discount", ">", 0.2)] };
    expect(ruleToLogic(rule)).toEqual({ and: [{ ">": [{ var: "discount" }, 0.2] }] });
    expect(
      ruleToLogic({
        kind: "group",
        match: "any",
        items: [
          cond("note", "empty"),
          cond("tags", "contains", "vip"),
          { kind: "group", match: "all", items: [] },
        ],
      }),
    ).toEqual({ or: [{ "==": [{ var: "note" }, null] }, { in: ["vip", { var: "tags" }] }] });
  });

  it("treats an empty rule as always true", () => {
    expect(ruleToLogic({ kind: "group", match: "all", items: [] })).toBe(true);
    expect(logicToRule(undefined)?.items).toEqual([]);
  });

  it("reads a bare comparison as a one-condition group", () => {
    expect(logicToRule({ "==": [{ var: "status" }, "done"] })).toEqual({
      kind: "group",
      match: "all",
      items: [cond("status", "==", "done")],
    });
  });

  it("refuses json-logic it cannot show", () => {
    const foreign: JsonLogic[] = [
      { "+": [1, 2] },
      { and: [{ "!": [{ var: "a" }] }] },
      { and: [{ or: [{ and: [{ "==": [{ var: "a" }, 1] }] }] }] },
      { "==": [1, { var: "a" }] },
      { "==": [{ var: "a" }, [1]] },
    ];
    for (const logic of foreign) expect(logicToRule(logic), JSON.stringify(logic)).toBeUndefined();
  });

  it("round-trips every rule it can build", () => {
    const scalar = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    const dynamic = fc
      .constantFrom("$user", "$user.departments", "$user.departmentsWithSub")
      .map((v) => ({ var: v }));
    const condition = fc
      .record({
        field: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
        op: fc.constantFrom(...RULE_OPERATORS),
        value: scalar,
        dynamicValue: dynamic,
        useDynamic: fc.boolean(),
      })
      .map(({ field, op, value, dynamicValue, useDynamic }) =>
        cond(field, op, op === "in" || (useDynamic && op !== "contains") ? dynamicValue : value),
      );
    const group = (items: fc.Arbitrary<RuleGroup["items"][number]>) =>
      fc.record({
        kind: fc.constant("group" as const),
        match: fc.constantFrom("all" as const, "any" as const),
        items: fc.array(items, { minLength: 1, maxLength: 4 }),
      });
    const rule = group(fc.oneof(condition, group(condition)));
    fc.assert(
      fc.property(rule, (r) => {
        const logic = ruleToLogic(r);
        expect(logicToRule(logic)).toEqual(r);
        expect(ruleToLogic(logicToRule(logic)!)).toEqual(logic);
      }),
    );
  });
});
