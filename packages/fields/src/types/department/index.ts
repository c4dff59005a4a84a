import { fieldSettingsSchemas } from "@formwork/schema";
import {
  formatIds,
  normalizeSingleId,
  SINGLE_ID_OPERATORS,
  singleIdSchema,
  validateSingleId,
} from "../../kinds/ids";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// Stores ids from the organisation directory; the server checks they exist, the renderer shows names.
export const fieldType: FieldTypeDef<"department"> = {
  type: "department",
  category: "member",
  label: { "zh-CN": "部门单选", en: "Department" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.department,
  valueSchema: () => singleIdSchema(),
  normalize: (value) => normalizeSingleId(value),
  validate: (value) => validateSingleId(value),
  isEmpty: isBlank,
  defaultModes: ["value", "currentDept", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: SINGLE_ID_OPERATORS,
  formulaType: () => "text",
  format: (value, _field, locale) => formatIds(value, locale === "en" ? ", " : "、"),
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"department"> = {
  field: { id: "dept", type: "department", label: "Department", default: { currentDept: true } },
  valid: ["d_sales", null, ""],
  invalid: ["销售部 / 华南", ["d1", "d2"], false],
};
