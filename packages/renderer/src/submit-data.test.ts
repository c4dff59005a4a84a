import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { serialNumbers, submittedValues } from "./submit-data";

const form: FormDefinition = {
  key: "q",
  name: "Q",
  fields: [
    { id: "no", type: "serial", label: "No", pattern: [{ text: "Q-" }, { counter: 3 }] },
    { id: "discount", type: "number", label: "Discount" },
    { id: "total", type: "money", label: "Total", formula: "discount * 2" },
    { id: "note", type: "text", label: "Note" },
  ],
};

describe("submittedValues", () => {
  it("sends entered values only, never computed or generated ones", () => {
    expect(submittedValues(form, { no: "X", discount: 0.1, total: 9, note: undefined })).toEqual({
      discount: 0.1,
    });
  });
});

describe("serialNumbers", () => {
  it("lists the saved record's serial numbers", () => {
    expect(serialNumbers(form, { no: "Q-001", discount: 0 })).toEqual([{ id: "no", value: "Q-001" }]);
    expect(serialNumbers(form, { no: null })).toEqual([]);
  });
});
