import { fieldSettingsSchemas } from "@formwork/schema";
import {
  formatOptions,
  normalizeSingleOption,
  SINGLE_OPTION_OPERATORS,
  singleOptionSchema,
  validateSingleOption,
} from "../../kinds/options";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"radio"> = {
  type: "radio",
  category: "basic",
  label: { "zh-CN": "单选按钮组", en: "Radio buttons" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.radio,
  valueSchema: singleOptionSchema,
  normalize: normalizeSingleOption,
  validate: validateSingleOption,
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: SINGLE_OPTION_OPERATORS,
  formulaType: () => "text",
  format: formatOptions,
  column: () => ({ sqlType: "text" }),
};

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
