import { fieldSettingsSchemas } from "@formwork/schema";
import { NO_VALUE_SCHEMA, validateNoValue } from "../../kinds/display-only";
import type { FieldSamples } from "../../samples";
import type { FieldTypeDef } from "../../types";

// Related query (关联查询): shows records of another form matching a filter. It is read from the
// database at display time and never stored, so it has no column and no formula value.
export const fieldType: FieldTypeDef<"lookup"> = {
  type: "lookup",
  category: "advanced",
  label: { "zh-CN": "关联查询", en: "Related records" },
  stored: false,
  computable: false,
  settingsSchema: fieldSettingsSchemas.lookup,
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

export const samples: FieldSamples<"lookup"> = {
  field: { id: "contacts", type: "lookup", label: "Contacts", form: "contacts", fields: ["name", "phone"] },
  valid: [null],
  invalid: [[{ id: "r1" }]],
};
