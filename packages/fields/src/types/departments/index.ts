import { fieldSettingsSchemas } from "@formwork/schema";
import {
  formatIds,
  MULTI_ID_OPERATORS,
  multiIdSchema,
  normalizeMultiId,
  validateMultiId,
} from "../../kinds/ids";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// Stores ids from the organisation directory; the server checks they exist, the renderer shows names.
export const fieldType: FieldTypeDef<"departments"> = {
  type: "departments",
  category: "member",
  label: { "zh-CN": "部门多选", en: "Departments" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.departments,
  valueSchema: () => multiIdSchema(),
  normalize: (value) => normalizeMultiId(value),
  validate: (value) => validateMultiId(value),
  isEmpty: isBlank,
  defaultModes: ["value", "currentDept", "linkage"],
  validationProps: ["required"],
  filterOperators: MULTI_ID_OPERATORS,
  formulaType: () => ({ array: "text" }),
  format: (value, _field, locale) => formatIds(value, locale === "en" ? ", " : "、"),
  column: () => ({ sqlType: "text[]" }),
};

export const samples: FieldSamples<"departments"> = {
  field: { id: "depts", type: "departments", label: "Departments" },
  valid: [["d1", "d2"], "d3", null],
  invalid: [["d1", "d 2"], 0.5, "a".repeat(65)],
};
