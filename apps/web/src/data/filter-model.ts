// The grid's filter panel model — conditions "<field> <operator> <value>" in groups that must all hold or
// any one hold (Jiandaoyun's 满足所有/满足任一 condition groups: a top group, and groups inside it) — and
// its two-way mapping to the json-logic dialect the records API compiles to SQL
// (packages/expressions/src/sql/README.md).
import { FILTER_OPERATORS, OPERATOR_ALIASES } from "@formwork/expressions";
import type { FilterOperator } from "@formwork/fields";

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  /** A scalar; `[from, to]` for between; a list for in / notIn / hasAny / hasAll / hasNone; none for empty tests. */
  value?: unknown;
}

export type ValueShape = "none" | "scalar" | "range" | "list";

const LIST_OPERATORS = new Set<FilterOperator>(["in", "notIn", "hasAny", "hasAll", "hasNone"]);

/** What kind of value an operator compares with, which picks the panel's value input. */
export function valueShape(op: FilterOperator): ValueShape {
  if (op === "empty" || op === "notEmpty") return "none";
  if (op === "between") return "range";
  return LIST_OPERATORS.has(op) ? "list" : "scalar";
}

// The operator vocabulary is the SQL compiler's own, so the panel can never offer or read back an operator
// the records API would refuse.
const COMPARISON_TO_LOGIC: Partial<Record<FilterOperator, string>> = {
  eq: "==",
  ne: "!=",
  lt: "<",
  lte: "<=",
  gt: ">",
  gte: ">=",
};
const LOGIC_TO_COMPARISON = new Map<string, string>(Object.entries(OPERATOR_ALIASES));
const NAMED_OPERATORS = new Set<string>(FILTER_OPERATORS.filter((op) => !(op in COMPARISON_TO_LOGIC)));

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** A condition the API can run: a field, and a value when the operator needs one. */
export function isComplete(condition: FilterCondition): boolean {
  if (!condition.field) return false;
  const { value } = condition;
  switch (valueShape(condition.op)) {
    case "none":
      return true;
    case "scalar":
      return !isBlank(value);
    case "range":
      return Array.isArray(value) && value.length === 2 && !isBlank(value[0]) && !isBlank(value[1]);
    case "list":
      return Array.isArray(value) && value.length > 0;
  }
}

function conditionToLogic(condition: FilterCondition): Record<string, unknown> {
  const field = { var: condition.field };
  const comparison = COMPARISON_TO_LOGIC[condition.op];
  if (comparison) return { [comparison]: [field, condition.value] };
  switch (valueShape(condition.op)) {
    case "none":
      return { [condition.op]: [field] };
    case "range": {
      const [from, to] = condition.value as unknown[];
      return { between: [field, from, to] };
    }
    default:
      return { [condition.op]: [field, condition.value] };
  }
}

export interface FilterGroup {
  /** "all": every item must hold (and); "any": at least one (or). */
  match: "all" | "any";
  items: FilterItem[];
}

export type FilterItem = FilterCondition | FilterGroup;

/** Groups nest this deep: the top group and groups inside it, as the panel shows them. */
export const MAX_GROUP_DEPTH = 2;

export function isGroup(item: FilterItem): item is FilterGroup {
  return "items" in item;
}

export function emptyFilter(match: FilterGroup["match"] = "all"): FilterGroup {
  return { match, items: [] };
}

/** The group without incomplete conditions and without groups left empty by that. */
export function pruneGroup(group: FilterGroup): FilterGroup {
  const items: FilterItem[] = [];
  for (const item of group.items) {
    if (!isGroup(item)) {
      if (isComplete(item)) items.push(item);
      continue;
    }
    const inner = pruneGroup(item);
    if (inner.items.length > 0) items.push(inner);
  }
  return { match: group.match, items };
}

/** How many complete conditions the filter holds (the toolbar's badge). */
export function countConditions(group: FilterGroup): number {
  return pruneGroup(group).items.reduce((sum, item) => sum + (isGroup(item) ? countConditions(item) : 1), 0);
}

function groupLogic(group: FilterGroup): Record<string, unknown> {
  const parts = group.items.map((item) => (isGroup(item) ? groupLogic(item) : conditionToLogic(item)));
  return { [group.match === "all" ? "and" : "or"]: parts };
}

/** `{"and"|"or": [...]}` of the complete conditions; undefined (no filter at all) when there are none. */
export function groupToLogic(group: FilterGroup): unknown {
  const pruned = pruneGroup(group);
  return pruned.items.length === 0 ? undefined : groupLogic(pruned);
}

/** `{"and": [...]}` of the complete conditions; undefined (no filter at all) when there are none. */
export function conditionsToLogic(conditions: readonly FilterCondition[]): unknown {
  return groupToLogic({ match: "all", items: [...conditions] });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function varName(value: unknown): string | undefined {
  if (!isObject(value) || Object.keys(value).length !== 1) return undefined;
  return typeof value.var === "string" ? value.var : undefined;
}

function logicToCondition(logic: unknown): FilterCondition | undefined {
  if (!isObject(logic)) return undefined;
  const entries = Object.entries(logic);
  const [key, args] = entries[0] ?? [];
  if (entries.length !== 1 || key === undefined || !Array.isArray(args)) return undefined;
  const field = varName(args[0]);
  if (field === undefined) return undefined;
  const comparison = LOGIC_TO_COMPARISON.get(key) as FilterOperator | undefined;
  if (comparison) return args.length === 2 ? { field, op: comparison, value: args[1] } : undefined;
  if (!NAMED_OPERATORS.has(key)) return undefined;
  const op = key as FilterOperator;
  switch (valueShape(op)) {
    case "none":
      return args.length === 1 ? { field, op } : undefined;
    case "range":
      return args.length === 3 ? { field, op, value: [args[1], args[2]] } : undefined;
    case "list":
      return args.length === 2 && Array.isArray(args[1]) ? { field, op, value: args[1] } : undefined;
    case "scalar":
      return args.length === 2 ? { field, op, value: args[1] } : undefined;
  }
}

function logicToFilterGroup(logic: unknown, depth: number): FilterGroup | undefined {
  if (!isObject(logic) || Object.keys(logic).length !== 1) return undefined;
  const list = logic.and ?? logic.or;
  if (!Array.isArray(list)) return undefined;
  const items: FilterItem[] = [];
  for (const part of list) {
    const item =
      logicToCondition(part) ??
      (depth + 1 < MAX_GROUP_DEPTH ? logicToFilterGroup(part, depth + 1) : undefined);
    if (!item) return undefined;
    items.push(item);
  }
  return { match: "and" in logic ? "all" : "any", items };
}

/**
 * The panel's groups for a filter, or undefined when the filter is json-logic the panel cannot show
 * (so a saved filter is never silently narrowed to the parts the panel understands).
 */
export function logicToGroup(logic: unknown): FilterGroup | undefined {
  if (logic === undefined || logic === null) return emptyFilter();
  const single = logicToCondition(logic);
  if (single) return { match: "all", items: [single] };
  return logicToFilterGroup(logic, 0);
}

/** The conditions of a filter that is one all-of group of conditions; undefined for anything else. */
export function logicToConditions(logic: unknown): FilterCondition[] | undefined {
  const group = logicToGroup(logic);
  if (group?.match !== "all" || group.items.some(isGroup)) return undefined;
  return group.items as FilterCondition[];
}
