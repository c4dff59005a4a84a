import type { AutomationDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { fieldsRead } from "./formulas";

const automation = (rest: Partial<AutomationDefinition>): AutomationDefinition => ({
  id: "a",
  name: "a",
  form: "orders",
  trigger: { type: "recordCreated" },
  actions: [],
  ...rest,
});
const create = (fields: Record<string, string>) => ({ type: "createRecord" as const, form: "log", fields });

describe("fieldsRead (what a succeeded run logs of its trigger record)", () => {
  it("is the condition's vars and the mappings' references, by first path segment", () => {
    const read = fieldsRead(
      automation({
        condition: {
          and: [{ ">": [{ var: "qty" }, 0] }, { "==": [{ var: ["region", { var: "city" }] }, "x"] }],
        },
        actions: [
          create({ title: 'CONCATENATE("Order: ", title)', total: "SUM(items.price)", link: "trigger.id" }),
        ],
      }),
    );
    expect([...(read ?? [])].sort()).toEqual(["city", "items", "qty", "region", "title", "trigger"]);
  });

  it("is unknown (null: the whole record is logged) for a computed var, a bad formula or another action", () => {
    expect(fieldsRead(automation({ condition: { var: { cat: ["q", "ty"] } } }))).toBeNull();
    expect(fieldsRead(automation({ actions: [create({ title: "CONCATENATE(" })] }))).toBeNull();
    expect(fieldsRead(automation({ actions: [{ type: "notify", users: [], title: "hi" }] }))).toBeNull();
    expect([...(fieldsRead(automation({})) ?? ["x"])]).toEqual([]);
  });
});
