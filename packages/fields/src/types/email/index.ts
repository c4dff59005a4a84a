import { fieldSettingsSchemas } from "@formwork/schema";
import { TEXT_FILTER_OPERATORS } from "../../kinds/text";
import type { FieldSamples } from "../../samples";
import { issue } from "../../shared/messages";
import { isBlank, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// A pragmatic address check (one @, a dotted domain, no spaces), not RFC 5322: the designer cares that
// people type a plausible address, the mail server decides the rest.
const EMAIL_PATTERN = "^[^\\s@\\u0000]{1,64}@[^\\s@.\\u0000]+(\\.[^\\s@.\\u0000]+)+$";
const EMAIL_MAX_LENGTH = 254;
const emailRegex = new RegExp(EMAIL_PATTERN);

/** Trim and lower-case the domain (case-insensitive by the DNS); the local part is kept as typed. */
function normalize(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return null;
  const at = text.lastIndexOf("@");
  return at < 0 ? text : text.slice(0, at + 1) + text.slice(at + 1).toLowerCase();
}

export const fieldType: FieldTypeDef<"email"> = {
  type: "email",
  category: "basic",
  label: { "zh-CN": "邮箱", en: "Email" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.email,
  valueSchema: () => nullable({ type: "string", maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN }),
  normalize,
  validate: (value) =>
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.length <= EMAIL_MAX_LENGTH && emailRegex.test(value))
      ? []
      : [issue("", "应为邮箱地址", "Must be an email address")],
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: TEXT_FILTER_OPERATORS,
  formulaType: () => "text",
  format: (value) => (typeof value === "string" ? value : ""),
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"email"> = {
  field: { id: "email", type: "email", label: "Email" },
  valid: [" Ann.Lee@Example.COM ", "王@例子.中国", null],
  invalid: ["ann@", "ann@example", "a b@example.com", "@example.com", 5, "a\u0000@x.com"],
};
