import type { AutomationAction, FieldDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { actionChoices, assignProblems, blankAction } from "./automation-model";

const FIELDS = [
  { id: "name", type: "text", label: "名称" },
  { id: "owner", type: "member", label: "负责人" },
  { id: "watchers", type: "members", label: "关注人" },
] as FieldDefinition[];
const assign = (change: Partial<Extract<AutomationAction, { type: "assign" }>> = {}) => ({
  ...(blankAction("assign", "") as Extract<AutomationAction, { type: "assign" }>),
  ...change,
});
const ID = "00000000-0000-4000-8000-000000000001";

describe("the assign action's checks", () => {
  it("a blank action lacks its field and members", () => {
    expect(assignProblems(assign(), FIELDS, "recordCreated")).toEqual(["field", "noUsers"]);
  });

  it("takes a single-member field of the trigger form only, and 1 to 200 members", () => {
    expect(assignProblems(assign({ field: "owner", users: [ID] }), FIELDS, "recordCreated")).toEqual([]);
    expect(assignProblems(assign({ field: "watchers", users: [ID] }), FIELDS, "recordCreated")).toEqual([
      "field",
    ]);
    expect(assignProblems(assign({ field: "gone", users: [ID] }), FIELDS, "recordUpdated")).toEqual([
      "field",
    ]);
    const many = Array.from(
      { length: 201 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    expect(assignProblems(assign({ field: "owner", users: many }), FIELDS, "recordCreated")).toEqual([
      "tooManyUsers",
    ]);
  });

  it("needs a trigger record: a schedule neither offers it nor saves it", () => {
    expect(actionChoices("recordCreated")).toContain("assign");
    expect(actionChoices("flowApproved")).toContain("assign");
    expect(actionChoices("schedule")).not.toContain("assign");
    expect(actionChoices("schedule")).toContain("notify");
    expect(assignProblems(assign({ field: "owner", users: [ID] }), FIELDS, "schedule")).toEqual([
      "needsRecord",
    ]);
  });
});
