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
export const fieldType: FieldTypeDef<"member"> = {
  type: "member",
  category: "member",
  label: { "zh-CN": "成员单选", en: "Member" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.member,
  valueSchema: () => singleIdSchema(),
  normalize: (value) => normalizeSingleId(value),
  validate: (value) => validateSingleId(value),
  isEmpty: isBlank,
  defaultModes: ["value", "currentUser", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: SINGLE_ID_OPERATORS,
  formulaType: () => "text",
  format: (value, _field, locale) => formatIds(value, locale === "en" ? ", " : "、"),
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"member"> = {
  field: { id: "owner", type: "member", label: "Owner", default: { currentUser: true } },
  valid: ["u_1", [" u_2 "], { id: "u_3" }, null],
  invalid: [["u_1", "u_2"], "bad id", 1.5, { name: "Ann" }],
};
