// The rule builder's model ("when <field> <operator> <value>", grouped by all/any, one level of nesting)
// and its two-way mapping to the json-logic the runtime evaluates.
import type { JsonLogic } from "@formwork/schema";

export const RULE_OPERATORS = [
  "==",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "contains",
  "in",
  "empty",
  "notEmpty",
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** Operators that compare with a value (the others test the field alone). */
export function takesValue(op: RuleOperator): boolean {
  return op !== "empty" && op !== "notEmpty";
}

/** A value resolved when the rule runs, e.g. {"var": "$user"} (row permissions' current user). */
export interface DynamicValue {
  var: string;
}

export interface RuleCondition {
  kind: "condition";
  field: string;
  /** "in": the field's value is one of a dynamic list (`{"in": [{"var": field}, {"var": "$user.departments"}]}`). */
  op: RuleOperator;
  value?: string | number | boolean | null | DynamicValue;
}

export function isDynamicValue(value: unknown): value is DynamicValue {
  return varName(value)?.startsWith("$") === true;
}

export interface RuleGroup {
  kind: "group";
  match: "all" | "any";
  items: (RuleCondition | RuleGroup)[];
}

export function emptyGroup(match: RuleGroup["match"] = "all"): RuleGroup {
  return { kind: "group", match, items: [] };
}

const COMPARISONS = new Set<string>(["==", "!=", ">", ">=", "<", "<="]);

function conditionToLogic(c: RuleCondition): JsonLogic {
  const field = { var: c.field };
  // A dynamic value is itself json-logic ({"var": "$user"}), so every value here is.
  const value = (c.value ?? null) as JsonLogic;
  switch (c.op) {
    case "empty":
      return { "==": [field, null] };
    case "notEmpty":
      return { "!=": [field, null] };
    case "contains":
      return { in: [value ?? "", field] };
    case "in":
      return { in: [field, value ?? []] };
    default:
      return { [c.op]: [field, value] };
  }
}

/** json-logic for a group; an empty top-level group is `true` (always shown). */
export function ruleToLogic(group: RuleGroup): JsonLogic {
  const parts = group.items
    .map((item) => (item.kind === "group" ? ruleToLogic(item) : conditionToLogic(item)))
    .filter((logic) => logic !== true);
  if (parts.length === 0) return true;
  return { [group.match === "all" ? "and" : "or"]: parts };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function varName(value: unknown): string | undefined {
  if (!isObject(value) || Object.keys(value).length !== 1) return undefined;
  return typeof value.var === "string" ? value.var : undefined;
}

function isScalar(value: unknown): value is RuleCondition["value"] {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function logicToCondition(logic: unknown): RuleCondition | undefined {
  if (!isObject(logic)) return undefined;
  const entries = Object.entries(logic);
  const [op, args] = entries[0] ?? [];
  if (entries.length !== 1 || !op || !Array.isArray(args) || args.length !== 2) return undefined;
  const [left, right] = args;
  if (op === "in" && varName(left) !== undefined && isDynamicValue(right)) {
    return { kind: "condition", field: varName(left)!, op: "in", value: right };
  }
  if (op === "in") {
    const field = varName(right);
    return field !== undefined && isScalar(left)
      ? { kind: "condition", field, op: "contains", value: left }
      : undefined;
  }
  const field = varName(left);
  if (field === undefined || !COMPARISONS.has(op) || !(isScalar(right) || isDynamicValue(right)))
    return undefined;
  if (right === null && op === "==") return { kind: "condition", field, op: "empty" };
  if (right === null && op === "!=") return { kind: "condition", field, op: "notEmpty" };
  return { kind: "condition", field, op: op as RuleOperator, value: right };
}

function logicToGroup(logic: unknown, depth: number): RuleGroup | undefined {
  if (!isObject(logic) || Object.keys(logic).length !== 1) return undefined;
  const list = logic.and ?? logic.or;
  if (!Array.isArray(list)) return undefined;
  const items: RuleGroup["items"] = [];
  for (const part of list) {
    const item = logicToCondition(part) ?? (depth === 0 ? logicToGroup(part, 1) : undefined);
    if (!item) return undefined;
    items.push(item);
  }
  return { kind: "group", match: "and" in logic ? "all" : "any", items };
}

/**
 * The builder's model for a rule, or undefined when the rule uses json-logic the builder can't show
 * (the panel then offers the raw json-logic instead of silently dropping parts of it).
 */
export function logicToRule(logic: JsonLogic | undefined): RuleGroup | undefined {
  if (logic === undefined || logic === true) return emptyGroup();
  const single = logicToCondition(logic);
  if (single) return { kind: "group", match: "all", items: [single] };
  return logicToGroup(logic, 0);
}
