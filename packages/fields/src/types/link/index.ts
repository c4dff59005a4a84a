import { fieldSettingsSchemas } from "@formwork/schema";
import {
  formatIds,
  MULTI_ID_OPERATORS,
  multiIdSchema,
  normalizeMultiId,
  normalizeSingleId,
  SINGLE_ID_OPERATORS,
  singleIdSchema,
  validateMultiId,
  validateSingleId,
} from "../../kinds/ids";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// Linked record (关联数据): the id of a record of another form, or several when `multiple`. The server
// checks the ids exist and copies the fill rules' fields.
export const fieldType: FieldTypeDef<"link"> = {
  type: "link",
  category: "advanced",
  label: { "zh-CN": "关联数据", en: "Linked record" },
  stored: true,
  computable: false,
  settingsSchema: fieldSettingsSchemas.link,
  valueSchema: (field) => (field.multiple ? multiIdSchema() : singleIdSchema()),
  normalize: (value, field) => (field.multiple ? normalizeMultiId(value) : normalizeSingleId(value)),
  validate: (value, field) => (field.multiple ? validateMultiId(value) : validateSingleId(value)),
  isEmpty: isBlank,
  defaultModes: ["value", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: [...new Set([...SINGLE_ID_OPERATORS, ...MULTI_ID_OPERATORS])],
  formulaType: (field) => (field.multiple ? { array: "text" } : "text"),
  format: (value, _field, locale) => formatIds(value, locale === "en" ? ", " : "、"),
  column: (field) => ({ sqlType: field.multiple ? "text[]" : "text" }),
};

export const samples: FieldSamples<"link"> = {
  field: { id: "customer", type: "link", label: "Customer", form: "customers" },
  valid: ["rec_01", { id: "rec_02" }, ["rec_03"], 42, null, ""],
  invalid: [["a", "b"], "not an id!", { name: "x" }, true],
};
