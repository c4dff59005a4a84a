import { optionFieldType } from "../../kinds/options";
import type { FieldSamples } from "../../samples";

export const fieldType = optionFieldType("multiselect", {
  "zh-CN": "下拉复选框",
  en: "Multi-select drop-down",
});

export const samples: FieldSamples<"multiselect"> = {
  field: {
    id: "industries",
    type: "multiselect",
    label: "Industries",
    options: [
      { value: "it", label: { "zh-CN": "信息技术", en: "IT" } },
      { value: "retail", label: "零售" },
    ],
  },
  valid: [["it", "retail"], ["信息技术"], [], null, "零售"],
  invalid: [["it", "farming"], [null], 5, [["it"]]],
};
