import { optionFieldType } from "../../kinds/options";
import type { FieldSamples } from "../../samples";

export const fieldType = optionFieldType("checkbox", { "zh-CN": "复选框组", en: "Checkboxes" });

export const samples: FieldSamples<"checkbox"> = {
  field: {
    id: "channels",
    type: "checkbox",
    label: "Channels",
    options: [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
      { value: "c", label: "C" },
    ],
    minSelected: 1,
    maxSelected: 2,
  },
  valid: [["a"], ["a", "b", "a"], "c", ["A", "b"], null],
  invalid: [["a", "b", "c"], ["d"], [1], "x", { a: true }],
};
