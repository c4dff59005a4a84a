// Choice values (radio, select: one option; checkbox, multiselect: several). Stored as option *values*;
// labels people type or import are mapped to values.
import {
  type FieldBase,
  fieldSettingsSchemas,
  type Locale,
  type LocalizedText,
  type OptionSettings,
} from "@formwork/schema";
import { joinList } from "../shared/format";
import { issue, localize, type ValueIssue } from "../shared/messages";
import { dedupe, hasNul, isBlank, nullable, scalarText } from "../shared/values";
import type { FieldTypeDef, FilterOperator, JsonSchema } from "../types";

export const SINGLE_OPTION_OPERATORS: FilterOperator[] = ["eq", "ne", "in", "notIn", "empty", "notEmpty"];
export const MULTI_OPTION_OPERATORS: FilterOperator[] = [
  "hasAny",
  "hasAll",
  "hasNone",
  "contains",
  "notContains",
  "empty",
  "notEmpty",
];

/** Free-text "other" answers are bounded like a single-line text. */
const OTHER_MAX_LENGTH = 200;

type OptionField = FieldBase & OptionSettings;

function optionValues(field: OptionField): string[] {
  return (field.options ?? []).map((o) => o.value);
}

function choiceSchema(field: OptionField): JsonSchema {
  return field.allowOther
    ? { type: "string", minLength: 1, maxLength: OTHER_MAX_LENGTH }
    : { type: "string", enum: optionValues(field) };
}

export function singleOptionSchema(field: OptionField): JsonSchema {
  return nullable(choiceSchema(field));
}

export function multiOptionSchema(field: OptionField): JsonSchema {
  const count = field.allowOther ? OTHER_MAX_LENGTH : Math.max(optionValues(field).length, 1);
  return nullable({
    type: "array",
    items: choiceSchema(field),
    uniqueItems: true,
    maxItems: Math.min(field.maxSelected ?? count, count),
    ...(field.minSelected ? { minItems: field.minSelected } : {}),
  });
}

/** The option value for a value or a label (in any language); unknown text is returned trimmed. */
function toOptionValue(value: unknown, field: OptionField): unknown {
  if (typeof value === "number" && Number.isFinite(value)) value = String(value);
  if (typeof value !== "string") return value;
  const text = value.trim();
  const options = field.options ?? [];
  if (options.some((o) => o.value === text)) return text;
  for (const option of options) {
    const label = option.label;
    if (label === undefined) continue;
    const labels = typeof label === "string" ? [label] : [label["zh-CN"], label.en];
    if (labels.some((l) => l !== undefined && l.trim() === text)) return option.value;
  }
  return text;
}

export function normalizeSingleOption(value: unknown, field: OptionField): unknown {
  const mapped = toOptionValue(value, field);
  return mapped === "" ? null : mapped;
}

export function normalizeMultiOption(value: unknown, field: OptionField): unknown {
  if (typeof value === "string") value = value.trim() === "" ? [] : [value];
  if (!Array.isArray(value)) return value;
  const mapped = value.map((v) => toOptionValue(v, field)).filter((v) => v !== "");
  const result = dedupe(mapped);
  return result.length === 0 ? null : result;
}

function checkChoice(value: unknown, field: OptionField, path: string): ValueIssue[] {
  if (typeof value !== "string") return [issue(path, "应为选项", "Must be an option")];
  if (hasNul(value)) return [issue(path, "包含不允许的空字符", "Contains a NUL character")];
  if (field.allowOther) {
    return value.length > OTHER_MAX_LENGTH
      ? [issue(path, `最多 ${OTHER_MAX_LENGTH} 个字符`, `Must be at most ${OTHER_MAX_LENGTH} characters`)]
      : [];
  }
  return optionValues(field).includes(value)
    ? []
    : [issue(path, `“${value}”不是可选项`, `"${value}" is not one of the options`)];
}

export function validateSingleOption(value: unknown, field: OptionField): ValueIssue[] {
  if (value === null || value === undefined) return [];
  return checkChoice(value, field, "");
}

export function validateMultiOption(value: unknown, field: OptionField): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return [issue("", "应为选项列表", "Must be a list of options")];
  const issues = value.flatMap((v, i) => checkChoice(v, field, `/${i}`));
  if (new Set(value).size !== value.length) issues.push(issue("", "选项重复", "Options are repeated"));
  if (field.minSelected !== undefined && value.length < field.minSelected)
    issues.push(issue("", `至少选择 ${field.minSelected} 项`, `Choose at least ${field.minSelected}`));
  if (field.maxSelected !== undefined && value.length > field.maxSelected)
    issues.push(issue("", `最多选择 ${field.maxSelected} 项`, `Choose at most ${field.maxSelected}`));
  return issues;
}

export function formatOptions(value: unknown, field: OptionField, locale: Locale): string {
  if (value === null || value === undefined) return "";
  const values = Array.isArray(value) ? value : [value];
  return joinList(
    values.map((v) => localizeOption(v, field, locale)),
    locale,
  );
}

function localizeOption(value: unknown, field: OptionField, locale: Locale): string {
  const text = scalarText(value);
  const option = (field.options ?? []).find((o) => o.value === text);
  return option ? localize(option.label, locale, option.value) : text;
}

type OptionType = "radio" | "select" | "checkbox" | "multiselect";

/** The four option types differ only in their look (buttons or a drop-down) and in how many they take. */
export function optionFieldType<K extends OptionType>(type: K, label: LocalizedText): FieldTypeDef<K> {
  const many = type === "checkbox" || type === "multiselect";
  return {
    type,
    category: "basic",
    label,
    stored: true,
    computable: true,
    settingsSchema: fieldSettingsSchemas[type],
    valueSchema: many ? multiOptionSchema : singleOptionSchema,
    normalize: many ? normalizeMultiOption : normalizeSingleOption,
    validate: many ? validateMultiOption : validateSingleOption,
    isEmpty: isBlank,
    defaultModes: ["value", "formula", "linkage"],
    validationProps: many ? ["required", "minSelected", "maxSelected"] : ["required", "unique"],
    filterOperators: many ? MULTI_OPTION_OPERATORS : SINGLE_OPTION_OPERATORS,
    formulaType: () => (many ? { array: "text" } : "text"),
    format: formatOptions,
    column: () => ({ sqlType: many ? "text[]" : "text" }),
  };
}
