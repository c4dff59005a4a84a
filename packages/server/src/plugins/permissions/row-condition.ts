// Row conditions: json-logic over the form's fields and $system names, compared with dynamic values
// resolved per request. Compiled by the same compiler as list filters, so a condition saved once
// compiles for every user (the values are parameters, never part of the SQL text).
import { filterScopeFor, type PrincipalOrg, type PublishedForm } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { FormworkError } from "@formwork/schema";
import type { Expression, SqlBool } from "kysely";

/** The dynamic values of ROW_CONDITION_VALUES for one user. */
export function dynamicValues(userId: string, org: PrincipalOrg): Record<string, unknown> {
  return {
    $user: userId,
    "$user.id": userId,
    "$user.departments": org.departments,
    "$user.departmentsWithSub": org.departmentsWithSub,
  };
}

const PLACEHOLDER_USER = "00000000-0000-7000-8000-000000000000";
const PLACEHOLDER_ORG: PrincipalOrg = {
  departments: [PLACEHOLDER_USER],
  primaryDepartmentId: PLACEHOLDER_USER,
  departmentsWithSub: [PLACEHOLDER_USER],
  roles: [],
};

/** The condition's SQL for a user; throws (a saved condition was checked when saved, so this is rare). */
export function compileRowCondition(
  form: PublishedForm,
  condition: unknown,
  params: Record<string, unknown>,
  timeZone: string,
  pointer = "/rowCondition",
): { expr: Expression<SqlBool>; fields: string[] } {
  const compiled = compileFilter(condition, filterScopeFor(form, { now: new Date(), timeZone, params }));
  if (!compiled.ok) {
    const first = compiled.errors[0];
    throw new FormworkError(
      first?.code === "UNKNOWN_FIELD" ? "UNKNOWN_FIELD" : "INVALID_FILTER",
      first?.message ?? "The row condition is invalid",
      compiled.errors.map((e) => ({ path: `${pointer}${e.path}`, message: e.message, code: e.code })),
    );
  }
  return { expr: compiled.expr, fields: compiled.fields };
}

/** Save-time check: compiles with placeholder values, so unknown fields and bad shapes never get stored. */
export function checkRowCondition(form: PublishedForm, condition: unknown, timeZone: string): void {
  compileRowCondition(form, condition, dynamicValues(PLACEHOLDER_USER, PLACEHOLDER_ORG), timeZone);
}

/** The condition with dynamic values replaced by placeholders: what the index planner can read. */
export function withPlaceholders(condition: unknown): unknown {
  const values = dynamicValues(PLACEHOLDER_USER, PLACEHOLDER_ORG);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const entries = Object.entries(node);
    const [key, value] = entries[0] ?? [];
    if (entries.length === 1 && key === "var" && typeof value === "string" && Object.hasOwn(values, value)) {
      return values[value];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, walk(v)]));
  };
  return walk(condition);
}
