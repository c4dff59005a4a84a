import { optionFieldType } from "../../kinds/options";
import type { FieldSamples } from "../../samples";

export const fieldType = optionFieldType("radio", { "zh-CN": "单选按钮组", en: "Radio buttons" });

export const samples: FieldSamples<"radio"> = {
  field: {
    id: "method",
    type: "radio",
    label: "Method",
    options: [
      { value: "phone", label: { "zh-CN": "电话", en: "Phone" } },
      { value: "visit", label: { "zh-CN": "拜访", en: "Visit" } },
    ],
  },
  valid: ["phone", " 拜访 ", "Phone", null, ""],
  invalid: ["email", 1, ["phone"], { value: "phone" }],
};
