import { describe, expect, it } from "vitest";
import { flow, quoteFormDefinition } from "./test-support/flows";
import { issuePairs } from "./test-support/issues";
import { deadline } from "./test-support/quote-form";
import { validateFlowDefinition } from "./validate-flow";

const validate = (f: unknown) => issuePairs(validateFlowDefinition(f, quoteFormDefinition()));
const oneTask = (settings: Record<string, unknown>, kind = "approval") =>
  flow(["start", `a:${kind}`, "end"], ["start>a", "a>end"], { nodes: { a: settings } });

describe("flow node settings", () => {
  it("needs an assignee unless whenEmpty says what to do", () => {
    expect(validate(oneTask({ assignees: [] }))).toEqual([["NO_ASSIGNEES", "/nodes/1/assignees"]]);
    expect(validate(oneTask({ assignees: [] }, "cc"))).toEqual([["NO_ASSIGNEES", "/nodes/1/assignees"]]);
    expect(validate(oneTask({ assignees: [], whenEmpty: "admin" }))).toEqual([]);
  });

  it("assignee fields must be member or department fields", () => {
    expect(
      validate(oneTask({ assignees: [{ field: "sales" }, { field: "discount" }, { field: "boss" }] })),
    ).toEqual([
      ["ASSIGNEE_FIELD_TYPE", "/nodes/1/assignees/1/field"],
      ["UNKNOWN_FIELD_REF", "/nodes/1/assignees/2/field"],
    ]);
  });

  it("fieldPermissions keys name fields (sub-form columns as sub.col)", () => {
    const f = oneTask({
      assignees: [{ user: "u1" }],
      fieldPermissions: { discount: "view", "items.qty": "edit", margin: "hidden" },
    });
    expect(validate(f)).toEqual([["UNKNOWN_FIELD_REF", "/nodes/1/fieldPermissions/margin"]]);
  });

  it("ratio mode needs 0 < ratio <= 1", () => {
    expect(validate(oneTask({ assignees: [{ role: "r" }], mode: "ratio", ratio: 0 }))).toEqual([
      ["INVALID_RATIO", "/nodes/1/ratio"],
    ]);
    expect(validate(oneTask({ assignees: [{ role: "r" }], mode: "ratio", ratio: 1.5 }))).toEqual([
      ["INVALID_RATIO", "/nodes/1/ratio"],
    ]);
    expect(validate(oneTask({ assignees: [{ role: "r" }], mode: "ratio" }))).toEqual([
      ["INVALID_RATIO", "/nodes/1"],
    ]);
    expect(validate(oneTask({ assignees: [{ role: "r" }], mode: "ratio", ratio: 0.6 }))).toEqual([]);
  });

  it("deadline field must be a date field and durations ISO 8601", () => {
    expect(
      validate(oneTask({ assignees: [{ role: "r" }], deadline: deadline("remind", { field: "discount" }) })),
    ).toEqual([["DEADLINE_FIELD_TYPE", "/nodes/1/deadline/field"]]);
    expect(
      validate(
        oneTask({ assignees: [{ role: "r" }], deadline: deadline("approve", { field: "valid_until" }) }),
      ),
    ).toEqual([]);
    expect(
      validate(
        oneTask({
          assignees: [{ role: "r" }],
          deadline: deadline("remind", { after: "2 days", repeat: "PT" }),
        }),
      ),
    ).toEqual([
      ["INVALID_DURATION", "/nodes/1/deadline/after"],
      ["INVALID_DURATION", "/nodes/1/deadline/repeat"],
    ]);
  });

  it("a deadline needs after or field", () => {
    expect(validate(oneTask({ assignees: [{ role: "r" }], deadline: deadline("remind", {}) }))).toEqual([
      ["SCHEMA_VIOLATION", "/nodes/1/deadline"],
    ]);
  });

  it("escalation assignees follow the same field rules", () => {
    const escalation = deadline("escalate", { after: "PT4H", escalateTo: [{ field: "reason" }] });
    expect(validate(oneTask({ assignees: [{ role: "r" }], deadline: escalation }))).toEqual([
      ["ASSIGNEE_FIELD_TYPE", "/nodes/1/deadline/escalateTo/0/field"],
    ]);
  });

  it("an assignee has exactly one kind", () => {
    expect(validate(oneTask({ assignees: [{ user: "u1", role: "r" }] }))).toEqual([
      ["SCHEMA_VIOLATION", "/nodes/1/assignees/0"],
    ]);
  });
});
