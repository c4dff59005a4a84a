import { fieldSettingsSchemas } from "@formwork/schema";
import { NO_VALUE_SCHEMA, validateNoValue } from "../../kinds/display-only";
import type { FieldSamples } from "../../samples";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"divider"> = {
  type: "divider",
  category: "layout",
  label: { "zh-CN": "分割线", en: "Divider" },
  stored: false,
  computable: false,
  settingsSchema: fieldSettingsSchemas.divider,
  valueSchema: () => NO_VALUE_SCHEMA,
  normalize: (value) => value,
  validate: validateNoValue,
  isEmpty: () => true,
  defaultModes: [],
  validationProps: [],
  filterOperators: [],
  formulaType: () => "null",
  format: () => "",
  column: () => null,
};

export const samples: FieldSamples<"divider"> = {
  field: { id: "section", type: "divider", label: "Customer" },
  valid: [null],
  invalid: ["text", 1],
};
