// json-logic filter -> Kysely SQL condition over a form's table.
//
// The dialect (a subset of json-logic plus a few named operators; keys of SUPPORTED_OPERATORS):
//   {"and": [c, ...]}  {"or": [c, ...]}  {"!": c} / {"not": c}      ([] is true for and, false for or)
//   {"==": [{"var": "x"}, v]}  and  != < <= > >=   (the field may stand on either side)
//   {"==": [{"var": "x"}, null]} is IS NULL, {"!=": [.., null]} IS NOT NULL
//   {"<=": [a, {"var": "x"}, b]}  {"<": [a, {"var": "x"}, b]}  {"between": [{"var": "x"}, a, b]} (inclusive)
//   {"in": [{"var": "x"}, [v, ...]]}  {"notIn": [{"var": "x"}, [v, ...]]}    value in list (null = blank)
//   {"in": ["text", {"var": "x"}]}     text field contains the text; array field contains the element
//   {"contains"|"notContains"|"startsWith": [{"var": "x"}, "text"]}  case-insensitive, % and _ literal
//   {"empty"|"notEmpty": [{"var": "x"}]}   NULL, '', an empty array, JSON null/""/[]/{} are empty
//   {"hasAny"|"hasAll"|"hasNone": [{"var": "tags"}, ["a", "b"]]}    text[] / id[] fields
//   {"var": "flag"} alone tests a boolean field for true
//   {"some"|"all"|"none": [{"var": "items"}, c]}  over a sub-form's rows (see subforms.ts)
// Value side: JSON literals; {"var": "$user.id"} reads scope.params (names that are not fields);
// relative dates {"today": [n?]}, {"startOf": [unit, n?]}, {"endOf": [unit, n?]} (unit
// day|week|month|quarter|year, weeks start Monday) resolve against scope.now in scope.timeZone.
// Dates: a date field compares with "YYYY-MM-DD". A datetime field compares with an ISO instant, or
// with a calendar date meaning that whole day in scope.timeZone: "== today" is "during today",
// "<= endOf month" includes the month's last day, "> 2026-01-31" starts at February's first midnight.
// Blanks: NULL never satisfies a condition and always satisfies its negation ("!=" and "notContains"
// list blank rows; `!` is pushed down to the leaves so it keeps that meaning).
// Safety: field names are looked up in scope.fields (own keys only) and only the allowlisted column
// name reaches SQL, as a quoted identifier; every value is a bound parameter, type-checked first.
// Limits: see limits.ts. Operators per value type: operators.ts. More in README.md.
import { isValidTimeZone } from "./calendar";
import { childPointer } from "./json-pointer";
import { compileLeaf, isLeafOperator } from "./leaves";
import { checkFilterLimits } from "./limits";
import { argumentsOf, type Context, ensureAllowed, isPlainObject, report, resolveOperand } from "./operands";
import { allOf, anyOf, type Condition, comparePredicate, FALSE, TRUE } from "./predicates";
import { isRelativeDateOperator } from "./relative-dates";
import { compileSubformCondition, isSubformOperator } from "./subforms";
import type { CompileFilterResult, FilterScope } from "./types";

function compileCondition(node: unknown, path: string, negated: boolean, ctx: Context): Condition | null {
  if (typeof node === "boolean") return node !== negated ? TRUE : FALSE;
  if (!isPlainObject(node)) {
    return report(
      ctx,
      "INVALID_FILTER",
      path,
      'expected a condition such as {"==": [{"var": "field"}, "value"]}',
    );
  }
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    return report(ctx, "INVALID_FILTER", path, "a condition is an object with exactly one operator key");
  }
  const { args, paths } = argumentsOf(node, op, path);
  const opPath = childPointer(path, op);

  if (op === "and" || op === "or") {
    if (!Array.isArray(node[op])) {
      return report(ctx, "INVALID_FILTER", opPath, `"${op}" takes a list of conditions`);
    }
    const parts = args.map((arg, i) => compileCondition(arg, paths[i]!, negated, ctx));
    if (parts.some((part) => part === null)) return null;
    // De Morgan: with `!` pushed down, a negated "and" is an "or" of negated parts.
    return (op === "and") !== negated ? allOf(parts as Condition[]) : anyOf(parts as Condition[]);
  }
  if (op === "!" || op === "not") {
    if (args.length !== 1) return report(ctx, "INVALID_FILTER", opPath, `"${op}" takes one condition`);
    return compileCondition(args[0], paths[0]!, !negated, ctx);
  }
  if (op === "var") {
    const operand = resolveOperand(node, path, ctx);
    if (!operand) return null;
    if (operand.kind !== "field" || operand.field.valueType !== "boolean") {
      return report(
        ctx,
        "INVALID_FILTER",
        path,
        "only a yes/no field is a condition by itself; compare the others",
      );
    }
    if (!ensureAllowed(operand, "eq", "==", ctx)) return null;
    const predicate = comparePredicate(operand.column, "eq", { kind: "value", value: true }, "boolean");
    return negated ? predicate.fails : predicate.holds;
  }
  if (isRelativeDateOperator(op)) {
    return report(ctx, "INVALID_FILTER", path, `"${op}" is a value and cannot stand for a condition`);
  }
  if (isSubformOperator(op)) return compileSubformCondition(op, node, path, negated, ctx, compileCondition);

  if (!isLeafOperator(op)) return report(ctx, "UNKNOWN_OPERATOR", opPath, `unknown operator "${op}"`);
  const predicate = compileLeaf(op, args, paths, opPath, ctx);
  if (!predicate) return null;
  return negated ? predicate.fails : predicate.holds;
}

/**
 * Compiles a json-logic filter into a SQL condition over the allowlisted fields of `scope`.
 * Never throws: bad input answers `{ok: false, errors}` with stable codes and JSON pointers.
 */
export function compileFilter(filter: unknown, scope: FilterScope): CompileFilterResult {
  const tooBig = checkFilterLimits(filter);
  if (tooBig) return { ok: false, errors: [tooBig] };
  if (typeof scope.timeZone !== "string" || !isValidTimeZone(scope.timeZone)) {
    return {
      ok: false,
      errors: [{ code: "INVALID_FILTER", path: "", message: `unknown time zone "${scope.timeZone}"` }],
    };
  }
  if (!(scope.now instanceof Date) || Number.isNaN(scope.now.getTime())) {
    return {
      ok: false,
      errors: [{ code: "INVALID_FILTER", path: "", message: "the filter scope has no valid clock" }],
    };
  }
  const ctx: Context = { scope, errors: [], referenced: new Set() };
  const condition = compileCondition(filter, "", false, ctx);
  if (!condition || ctx.errors.length > 0) {
    const errors =
      ctx.errors.length > 0
        ? ctx.errors
        : [{ code: "INVALID_FILTER" as const, path: "", message: "invalid filter" }];
    return { ok: false, errors };
  }
  return { ok: true, expr: condition, fields: [...ctx.referenced] };
}
