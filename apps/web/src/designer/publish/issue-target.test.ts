import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { issueTarget } from "./issue-target";

const def: FormDefinition = {
  key: "f",
  name: "F",
  fields: [
    { id: "a", type: "text", label: "A" },
    { id: "items", type: "subform", label: "I", fields: [{ id: "qty", type: "number", label: "Q" }] },
  ],
};

describe("issueTarget", () => {
  it("finds the field or sub-form column a pointer names", () => {
    expect(issueTarget(def, "/fields/0/label")).toEqual({ id: "a" });
    expect(issueTarget(def, "/fields/1/fields/0/formula")).toEqual({ id: "qty", parent: "items" });
    expect(issueTarget(def, "/fields/1/fields/5")).toEqual({ id: "items" });
    expect(issueTarget(def, "/fields/9")).toBeUndefined();
    expect(issueTarget(def, "/validations/0/rule")).toBeUndefined();
  });
});
