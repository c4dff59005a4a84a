// Members and departments, one or several: ids from the organisation directory. The server checks they
// exist, the renderer shows names. The four types differ only in what they point at and how many.
import { fieldSettingsSchemas, type LocalizedText } from "@formwork/schema";
import { isBlank } from "../shared/values";
import type { DefaultMode, FieldTypeDef } from "../types";
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
} from "./ids";

type DirectoryType = "member" | "members" | "department" | "departments";

export function directoryFieldType<K extends DirectoryType>(
  type: K,
  label: LocalizedText,
  current: Extract<DefaultMode, "currentUser" | "currentDept">,
): FieldTypeDef<K> {
  const many = type === "members" || type === "departments";
  return {
    type,
    category: "member",
    label,
    stored: true,
    computable: true,
    settingsSchema: fieldSettingsSchemas[type],
    valueSchema: () => (many ? multiIdSchema() : singleIdSchema()),
    normalize: (value) => (many ? normalizeMultiId(value) : normalizeSingleId(value)),
    validate: (value) => (many ? validateMultiId(value) : validateSingleId(value)),
    isEmpty: isBlank,
    defaultModes: ["value", current, "linkage"],
    validationProps: many ? ["required"] : ["required", "unique"],
    filterOperators: many ? MULTI_ID_OPERATORS : SINGLE_ID_OPERATORS,
    formulaType: () => (many ? { array: "text" } : "text"),
    format: (value, _field, locale) => formatIds(value, locale === "en" ? ", " : "、"),
    column: () => ({ sqlType: many ? "text[]" : "text" }),
  };
}
