import { fieldSettingsSchemas, type PhoneSettings } from "@formwork/schema";
import { TEXT_FILTER_OPERATORS } from "../../kinds/text";
import type { FieldSamples } from "../../samples";
import { issue } from "../../shared/messages";
import { isBlank, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

/** A mainland China mobile number, as stored: 11 digits starting 13-19. */
const MOBILE_PATTERN = "^1[3-9]\\d{9}$";
/** Landlines, extensions and international numbers: digits with an optional leading +. */
const ANY_PATTERN = "^\\+?\\d{3,20}$";
const patternOf = (field: PhoneSettings) => (field.kind === "mobile" ? MOBILE_PATTERN : ANY_PATTERN);

/** Strip what people type between digits; a mobile field also drops the +86 country code. */
function normalize(value: unknown, field: PhoneSettings): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) value = String(value);
  if (typeof value !== "string") return value;
  let text = value.trim().replace(/[\s\-().]/g, "");
  if (text === "") return null;
  if (field.kind === "mobile") text = text.replace(/^(\+86|0086)(?=1\d{10}$)/, "");
  return text;
}

export const fieldType: FieldTypeDef<"phone"> = {
  type: "phone",
  category: "basic",
  label: { "zh-CN": "手机/电话", en: "Phone" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.phone,
  valueSchema: (field) => nullable({ type: "string", pattern: patternOf(field) }),
  normalize,
  validate: (value, field) =>
    value === null ||
    value === undefined ||
    (typeof value === "string" && new RegExp(patternOf(field)).test(value))
      ? []
      : field.kind === "mobile"
        ? [issue("", "应为 11 位手机号码", "Must be an 11-digit mobile number")]
        : [issue("", "应为电话号码", "Must be a phone number")],
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: TEXT_FILTER_OPERATORS,
  formulaType: () => "text",
  format: (value) => (typeof value === "string" ? value : ""),
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"phone"> = {
  field: { id: "mobile", type: "phone", label: "Mobile", kind: "mobile" },
  valid: ["138 0013 8000", "+86 139-0000-0000", "13700000000", 15000000000, null, ""],
  invalid: ["12345", "010-12345678", "138001380001", "phone", true],
};
