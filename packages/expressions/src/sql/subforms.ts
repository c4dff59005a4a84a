// Conditions over a sub-form's rows, which live in a child table (DESIGN §3):
//   {"some": [{"var": "items"}, c]}  at least one row satisfies c        EXISTS (... AND c)
//   {"none": [{"var": "items"}, c]}  no row satisfies c                  NOT EXISTS (... AND c)
//   {"all":  [{"var": "items"}, c]}  there are rows and every one does   EXISTS (...) AND NOT EXISTS (... AND NOT c)
// These follow json-logic's some/none/all over arrays (`all` of no rows is false). Inside `c`, names
// are the sub-form's field ids; parameters and relative dates work as outside. EXISTS is never NULL, so
// negating these stays two-valued like every other condition.
import { type Expression, type SqlBool, sql } from "kysely";
import { childPointer } from "./json-pointer";
import { argumentsOf, type Context, isPlainObject, report } from "./operands";
import { allOf, anyOf, type Condition } from "./predicates";
import { columnReference } from "./scope";
import type { FilterScope, FilterSubform } from "./types";

export const SUBFORM_OPERATORS = ["some", "all", "none"] as const;
export type SubformOperator = (typeof SUBFORM_OPERATORS)[number];

export function isSubformOperator(op: string): op is SubformOperator {
  return (SUBFORM_OPERATORS as readonly string[]).includes(op);
}

/** Compiles a condition in a scope; supplied by compile-filter to avoid a circular import. */
export type CompileIn = (node: unknown, path: string, negated: boolean, ctx: Context) => Condition | null;

function subformNamed(
  node: unknown,
  path: string,
  ctx: Context,
): { name: string; subform: FilterSubform } | null {
  const name = isPlainObject(node) && Object.keys(node).length === 1 ? node.var : undefined;
  if (typeof name !== "string") {
    return report(ctx, "INVALID_FILTER", path, 'expected a sub-form {"var": "name"}');
  }
  if (Array.isArray(ctx.scope.forbidden) && ctx.scope.forbidden.includes(name)) {
    return report(ctx, "FORBIDDEN_FIELD", path, `you may not filter on the sub-form "${name}"`);
  }
  const subforms = ctx.scope.subforms;
  const subform = isPlainObject(subforms) && Object.hasOwn(subforms, name) ? subforms[name] : undefined;
  if (!isPlainObject(subform) || typeof subform.table !== "string" || !isPlainObject(subform.fields)) {
    return report(ctx, "UNKNOWN_FIELD", path, `unknown sub-form "${name}"`);
  }
  if (typeof ctx.scope.table !== "string" || ctx.scope.table === "") {
    return report(ctx, "INVALID_FILTER", path, "sub-form conditions need the scope's table to be named");
  }
  return { name, subform };
}

export function compileSubformCondition(
  op: SubformOperator,
  node: Record<string, unknown>,
  path: string,
  negated: boolean,
  ctx: Context,
  compile: CompileIn,
): Condition | null {
  const { args, paths } = argumentsOf(node, op, path);
  if (args.length !== 2) {
    return report(ctx, "INVALID_FILTER", childPointer(path, op), `"${op}" takes a sub-form and a condition`);
  }
  const found = subformNamed(args[0], paths[0]!, ctx);
  if (!found) return null;
  const { name, subform } = found;
  const alias = ctx.scope.table === "sub" ? "sub_rows" : "sub";
  const inner: FilterScope = {
    fields: subform.fields,
    forbidden: subform.forbidden,
    table: alias,
    now: ctx.scope.now,
    timeZone: ctx.scope.timeZone,
    params: ctx.scope.params,
  };
  const innerCtx: Context = { scope: inner, errors: ctx.errors, referenced: new Set() };
  // `all` needs the rows that fail the condition; `some` and `none` the rows that satisfy it.
  const condition = compile(args[1], paths[1]!, op === "all", innerCtx);
  ctx.referenced.add(name);
  for (const field of innerCtx.referenced) ctx.referenced.add(`${name}.${field}`);
  if (!condition) return null;

  const rows = (where: Condition | null): Condition => {
    const parent = sql`${columnReference({ table: alias }, subform.parentColumn ?? "parent_id")} = ${columnReference(ctx.scope, "id")}`;
    const table = sql.id(...subform.table.split("."));
    const filter = where ? sql`${parent} and ${where}` : parent;
    return sql<SqlBool>`exists (select 1 from ${table} as ${sql.id(alias)} where ${filter})`;
  };
  const not = (condition: Expression<SqlBool>): Condition => sql<SqlBool>`not ${condition}`;

  if (op === "all") {
    const anyRow = rows(null);
    const failingRow = rows(condition);
    return negated ? anyOf([not(anyRow), failingRow]) : allOf([anyRow, not(failingRow)]);
  }
  const matching = rows(condition);
  return (op === "some") !== negated ? matching : not(matching);
}
