import { type AddressSettings, fieldSettingsSchemas } from "@formwork/schema";
import type { FieldSamples } from "../../samples";
import { issue, type ValueIssue } from "../../shared/messages";
import { hasNul, isPlainObject, nullable, setOwn } from "../../shared/values";
import type { FieldTypeDef, JsonSchema } from "../../types";

const PARTS = ["province", "city", "district", "detail"] as const;
type Part = (typeof PARTS)[number];
const PART_MAX_LENGTH: Record<Part, number> = { province: 100, city: 100, district: 100, detail: 500 };

/** The parts a field at this depth keeps; Jiandaoyun's default is the full address with a street line. */
function partsOf(field: AddressSettings): Part[] {
  return PARTS.slice(0, PARTS.indexOf(field.level ?? "detail") + 1);
}

function valueSchema(field: AddressSettings): JsonSchema {
  const parts = partsOf(field);
  return nullable({
    type: "object",
    properties: Object.fromEntries(
      parts.map((p) => [p, { type: "string", minLength: 1, maxLength: PART_MAX_LENGTH[p] }]),
    ),
    additionalProperties: false,
  });
}

function normalize(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(value)) {
    const text = typeof part === "string" ? part.trim() : part;
    if (text !== "" && text !== null && text !== undefined) setOwn(result, key, text);
  }
  return Object.keys(result).length === 0 ? null : result;
}

function validate(value: unknown, field: AddressSettings): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (!isPlainObject(value)) return [issue("", "应为地址", "Must be an address")];
  const allowed = partsOf(field);
  const issues: ValueIssue[] = [];
  for (const [key, part] of Object.entries(value)) {
    if (!allowed.includes(key as Part))
      issues.push(issue(`/${key}`, "不支持的地址部分", "Is not an address part of this field"));
    else if (typeof part !== "string") issues.push(issue(`/${key}`, "应为文本", "Must be text"));
    else if (hasNul(part)) issues.push(issue(`/${key}`, "包含不允许的空字符", "Contains a NUL character"));
  }
  // An address narrows top-down: a city needs its province, a district its city.
  for (let i = 1; i < 3; i++) {
    const part = PARTS[i]!;
    const parent = PARTS[i - 1]!;
    if (value[part] !== undefined && value[parent] === undefined)
      issues.push(issue(`/${parent}`, "请先选择上一级地区", `A ${part} needs its ${parent}`));
  }
  return issues;
}

export const fieldType: FieldTypeDef<"address"> = {
  type: "address",
  category: "advanced",
  label: { "zh-CN": "地址", en: "Address" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.address,
  valueSchema,
  normalize,
  validate,
  isEmpty: (value) =>
    value === null || value === undefined || (isPlainObject(value) && Object.keys(value).length === 0),
  defaultModes: ["value", "linkage"],
  validationProps: ["required"],
  filterOperators: ["empty", "notEmpty"],
  formulaType: () => "text",
  format: (value, _field, locale) => {
    if (!isPlainObject(value)) return "";
    const parts = PARTS.map((p) => value[p]).filter((p): p is string => typeof p === "string");
    return locale === "en" ? parts.reverse().join(", ") : parts.join("");
  },
  column: () => ({ sqlType: "jsonb" }),
};

export const samples: FieldSamples<"address"> = {
  field: { id: "addr", type: "address", label: "Address" },
  valid: [
    { province: " 广东省 ", city: "深圳市", district: "南山区", detail: "科技园 1 号" },
    { province: "北京市", city: "", district: null },
    {},
    null,
  ],
  invalid: [{ city: "深圳市" }, { province: "广东省", zip: "518000" }, "广东省深圳市", { province: 44 }],
};
