import { describe, expect, it } from "vitest";
import { relatedFilter } from "./related-filter";

const byCustomer = { "==": [{ var: "customer" }, { var: "$record.id" }] };

describe("relatedFilter", () => {
  it("puts the record's id and field values in", () => {
    expect(relatedFilter(byCustomer, {}, "r1")).toBe(JSON.stringify({ "==": [{ var: "customer" }, "r1"] }));
    const byPicked = {
      and: [{ "==": [{ var: "customer" }, { var: "$form.customer" }] }, { ">": [{ var: "amount" }, 0] }],
    };
    expect(JSON.parse(relatedFilter(byPicked, { customer: "c9" }, undefined)!)).toEqual({
      and: [{ "==": [{ var: "customer" }, "c9"] }, { ">": [{ var: "amount" }, 0] }],
    });
    expect(
      JSON.parse(
        relatedFilter({ "==": [{ var: "grade" }, { var: ["$record.grade"] }] }, { grade: "A" }, "r")!,
      ),
    ).toEqual({
      "==": [{ var: "grade" }, "A"],
    });
  });

  it("is null while a value it needs is blank: an unsaved record, a field not yet filled", () => {
    expect(relatedFilter(byCustomer, {}, undefined)).toBeNull();
    expect(
      relatedFilter({ "==": [{ var: "customer" }, { var: "$form.customer" }] }, { customer: "" }, "r"),
    ).toBeNull();
    expect(relatedFilter({ in: [{ var: "tag" }, { var: "$form.tags" }] }, { tags: [] }, "r")).toBeNull();
  });

  it("keeps the other form's names and a missing filter means every record", () => {
    expect(relatedFilter(undefined, {}, undefined)).toBe("null");
    expect(relatedFilter({ "==": [{ var: "status" }, "open"] }, {}, undefined)).toBe(
      JSON.stringify({ "==": [{ var: "status" }, "open"] }),
    );
  });
});
