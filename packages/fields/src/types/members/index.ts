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
export const fieldType: FieldTypeDef<"members"> = {
  type: "members",
  category: "member",
  label: { "zh-CN": "成员多选", en: "Members" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.members,
  valueSchema: () => multiIdSchema(),
  normalize: (value) => normalizeMultiId(value),
  validate: (value) => validateMultiId(value),
  isEmpty: isBlank,
  defaultModes: ["value", "currentUser", "linkage"],
  validationProps: ["required"],
  filterOperators: MULTI_ID_OPERATORS,
  formulaType: () => ({ array: "text" }),
  format: (value, _field, locale) => formatIds(value, locale === "en" ? ", " : "、"),
  column: () => ({ sqlType: "text[]" }),
};

export const samples: FieldSamples<"members"> = {
  field: { id: "collaborators", type: "members", label: "Collaborators" },
  valid: [["u_1", "u_2", "u_1"], "u_3", [{ id: "u_4" }], [], null],
  invalid: [["ok", "not ok"], 3.2, [[]], { x: 1 }],
};
