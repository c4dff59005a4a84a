import { optionFieldType } from "../../kinds/options";
import type { FieldSamples } from "../../samples";

export const fieldType = optionFieldType("select", { "zh-CN": "下拉框", en: "Drop-down" });

export const samples: FieldSamples<"select"> = {
  field: {
    id: "source",
    type: "select",
    label: "Source",
    options: [
      { value: "web", label: "官网" },
      { value: "fair", label: "展会" },
    ],
    allowOther: true,
  },
  valid: ["web", "官网", "朋友介绍", null],
  invalid: ["x".repeat(201), { label: "官网" }, ["web"], true, "other\u0000"],
};
