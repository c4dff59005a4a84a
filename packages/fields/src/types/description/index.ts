import { fieldSettingsSchemas } from "@formwork/schema";
import { NO_VALUE_SCHEMA, validateNoValue } from "../../kinds/display-only";
import type { FieldSamples } from "../../samples";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"description"> = {
  type: "description",
  category: "layout",
  label: { "zh-CN": "描述文字", en: "Description" },
  stored: false,
  computable: false,
  settingsSchema: fieldSettingsSchemas.description,
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

export const samples: FieldSamples<"description"> = {
  field: {
    id: "hint",
    type: "description",
    label: "Hint",
    content: { "zh-CN": "请如实填写", en: "Be accurate" },
  },
  valid: [null],
  invalid: [{ content: "x" }],
};
