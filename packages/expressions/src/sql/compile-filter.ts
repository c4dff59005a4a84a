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
//   {"empty"|"notEmpty": [{"var": "x"}]}   NULL, '' or an empty array/object count as empty
//   {"hasAny"|"hasAll"|"hasNone": [{"var": "tags"}, ["a", "b"]]}    text[] / id[] fields
//   {"var": "flag"} alone tests a boolean field for true
// Value side: JSON literals; {"var": "$user.id"} reads scope.params; relative dates {"today": [n?]},
// {"startOf": [unit, n?]}, {"endOf": [unit, n?]} (unit day|week|month|quarter|year, weeks start
// Monday) resolve against scope.now in scope.timeZone.
// Dates: a date field compares with "YYYY-MM-DD". A datetime field compares with an ISO instant, or
// with a calendar date meaning that whole day in scope.timeZone: "== today" is "during today",
// "<= endOf month" includes the month's last day, "> 2026-01-31" starts at February's first midnight.
// Blanks: NULL never satisfies a condition and always satisfies its negation ("!=" and "notContains"
// list blank rows; `!` is pushed down to the leaves so it keeps that meaning).
// Safety: field names are looked up in scope.fields (own keys only) and only the allowlisted column
// name reaches SQL, as a quoted identifier; every value is a bound parameter. Limits: see limits.ts.
import type { Expression } from "kysely";
import { isValidTimeZone } from "./calendar";
import { childPointer } from "./json-pointer";
import { containsPattern, prefixPattern } from "./like";
import { checkFilterLimits } from "./limits";
import {
  allowedOperators,
  type FilterOperatorName,
  OPERATOR_ALIASES,
  SUPPORTED_OPERATORS,
} from "./operators";
import {
  allOf,
  anyOf,
  arrayPredicate,
  betweenPredicate,
  type Comparison,
  type Condition,
  comparePredicate,
  emptyPredicate,
  FALSE,
  inListPredicate,
  isNullPredicate,
  likePredicate,
  type Predicate,
  TRUE,
} from "./predicates";
import { isRelativeDateOperator, resolveRelativeDate } from "./relative-dates";
import { columnReference, lookupField } from "./scope";
import type { CompileFilterResult, FilterError, FilterErrorCode, FilterField, FilterScope } from "./types";
import { checkElements, checkList, checkScalar, checkText, type Literal } from "./values";

/** More errors than this are not more helpful; compiling stops collecting them. */
const MAX_ERRORS = 50;

interface Context {
  scope: FilterScope;
  errors: FilterError[];
}

type FieldOperand = {
  kind: "field";
  name: string;
  field: FilterField;
  column: Expression<unknown>;
  path: string;
};
type LiteralOperand = { kind: "literal"; literal: Literal; path: string };
type Operand = FieldOperand | LiteralOperand;

function report(ctx: Context, code: FilterErrorCode, path: string, message: string): null {
  if (ctx.errors.length < MAX_ERRORS) ctx.errors.push({ code, path, message });
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The argument list of an operator; json-logic lets a single argument go without brackets. */
function argumentsOf(
  node: Record<string, unknown>,
  op: string,
  path: string,
): { args: unknown[]; paths: string[] } {
  const raw = node[op];
  const opPath = childPointer(path, op);
  if (Array.isArray(raw)) return { args: raw, paths: raw.map((_, i) => childPointer(opPath, i)) };
  return { args: [raw], paths: [opPath] };
}

function resolveOperand(node: unknown, path: string, ctx: Context): Operand | null {
  if (!isPlainObject(node)) return { kind: "literal", literal: { kind: "json", value: node }, path };
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    return report(ctx, "INVALID_FILTER", path, 'expected a field {"var": "name"} or a value');
  }
  const { args, paths } = argumentsOf(node, op, path);
  if (op === "var") {
    const name = args.length === 1 && typeof args[0] === "string" ? args[0] : undefined;
    if (name === undefined) {
      return report(ctx, "INVALID_FILTER", childPointer(path, op), "var takes exactly one field name");
    }
    if (name.startsWith("$")) {
      const params = ctx.scope.params;
      if (params !== null && typeof params === "object" && Object.hasOwn(params, name)) {
        return { kind: "literal", literal: { kind: "json", value: params[name] }, path };
      }
      return report(ctx, "UNKNOWN_FIELD", path, `unknown parameter "${name}"`);
    }
    const found = lookupField(ctx.scope, name);
    if (!found.ok) return report(ctx, found.code, path, found.message);
    const column = columnReference(ctx.scope, found.field.column);
    return { kind: "field", name, field: found.field, column, path };
  }
  if (isRelativeDateOperator(op)) {
    const resolved = resolveRelativeDate(op, args, ctx.scope.now, ctx.scope.timeZone);
    if (resolved.ok) return { kind: "literal", literal: { kind: "date", date: resolved.date }, path };
    const at =
      resolved.arg >= 0 && resolved.arg < paths.length ? paths[resolved.arg]! : childPointer(path, op);
    return report(ctx, "INVALID_FILTER", at, resolved.message);
  }
  if ((SUPPORTED_OPERATORS as readonly string[]).includes(op)) {
    return report(ctx, "INVALID_FILTER", path, `"${op}" is a condition and cannot stand for a value`);
  }
  return report(ctx, "UNKNOWN_OPERATOR", childPointer(path, op), `unknown operator "${op}"`);
}

function resolveAll(args: unknown[], paths: string[], ctx: Context): Operand[] | null {
  const operands = args.map((arg, i) => resolveOperand(arg, paths[i]!, ctx));
  return operands.every((o) => o !== null) ? (operands as Operand[]) : null;
}

function ensureAllowed(field: FieldOperand, op: FilterOperatorName, spelled: string, ctx: Context): boolean {
  if (allowedOperators(field.field).has(op)) return true;
  report(
    ctx,
    "TYPE_MISMATCH",
    field.path,
    `"${spelled}" is not available for the field "${field.name}" (${field.field.valueType})`,
  );
  return false;
}

function expectField(operand: Operand, ctx: Context): FieldOperand | null {
  if (operand.kind === "field") return operand;
  return report(ctx, "INVALID_FILTER", operand.path, 'expected a field {"var": "name"}');
}

function expectLiteral(operand: Operand, ctx: Context): LiteralOperand | null {
  if (operand.kind === "literal") return operand;
  return report(ctx, "INVALID_FILTER", operand.path, "expected a value, not a field");
}

function isNullLiteral(operand: LiteralOperand): boolean {
  return operand.literal.kind === "json" && operand.literal.value === null;
}

const FLIPPED: Record<Comparison, Comparison> = { eq: "eq", lt: "gt", lte: "gte", gt: "lt", gte: "lte" };

function compileComparison(op: string, operands: Operand[], opPath: string, ctx: Context): Predicate | null {
  const name = OPERATOR_ALIASES[op]!;
  if (operands.length === 3 && (name === "lt" || name === "lte")) {
    return compileBetween(operands[1]!, operands[0]!, operands[2]!, name === "lte", op, ctx);
  }
  if (operands.length !== 2) return report(ctx, "INVALID_FILTER", opPath, `"${op}" takes two arguments`);
  const [a, b] = operands as [Operand, Operand];
  if (a.kind === b.kind) {
    const message =
      a.kind === "field"
        ? "compare a field with a value, not with another field"
        : "one side must be a field";
    return report(ctx, "INVALID_FILTER", opPath, message);
  }
  const field = (a.kind === "field" ? a : b) as FieldOperand;
  const value = (a.kind === "field" ? b : a) as LiteralOperand;
  if (!ensureAllowed(field, name, op, ctx)) return null;
  const negate = name === "ne";
  const written = (name === "ne" ? "eq" : name) as Comparison;
  const comparison = a.kind === "field" ? written : FLIPPED[written];
  let predicate: Predicate;
  if (isNullLiteral(value)) {
    if (comparison !== "eq")
      return report(ctx, "TYPE_MISMATCH", value.path, "only == and != compare with null");
    predicate = isNullPredicate(field.column);
  } else {
    const bound = checkScalar(field.field.valueType, value.literal, ctx.scope.timeZone);
    if (!bound.ok) return report(ctx, "TYPE_MISMATCH", value.path, bound.message);
    predicate = comparePredicate(field.column, comparison, bound.value, field.field.valueType);
  }
  return negate ? { holds: predicate.fails, fails: predicate.holds } : predicate;
}

function compileBetween(
  fieldOperand: Operand,
  lowerOperand: Operand,
  upperOperand: Operand,
  inclusive: boolean,
  spelled: string,
  ctx: Context,
): Predicate | null {
  const field = expectField(fieldOperand, ctx);
  const lower = expectLiteral(lowerOperand, ctx);
  const upper = expectLiteral(upperOperand, ctx);
  if (!field || !lower || !upper || !ensureAllowed(field, "between", spelled, ctx)) return null;
  const bounds = [lower, upper].map((operand) => {
    const bound = checkScalar(field.field.valueType, operand.literal, ctx.scope.timeZone);
    return bound.ok ? bound.value : report(ctx, "TYPE_MISMATCH", operand.path, bound.message);
  });
  const [low, high] = bounds;
  if (!low || !high) return null;
  return betweenPredicate(field.column, low, high, inclusive, field.field.valueType);
}

/** `contains` of one element in a text[] / id[] field. */
function elementPredicate(field: FieldOperand, value: LiteralOperand, ctx: Context): Predicate | null {
  if (value.literal.kind === "json" && Array.isArray(value.literal.value)) {
    return report(ctx, "TYPE_MISMATCH", value.path, "expected one element; use hasAny or hasAll for a list");
  }
  const elements = checkElements(field.field.valueType, value.literal);
  if (!elements.ok) return report(ctx, "TYPE_MISMATCH", value.path, elements.message);
  return arrayPredicate(field.column, "hasAll", elements.value);
}

function compileText(
  op: "contains" | "notContains" | "startsWith",
  field: FieldOperand,
  value: LiteralOperand,
  ctx: Context,
): Predicate | null {
  let predicate: Predicate | null;
  if (field.field.valueType === "textArray" || field.field.valueType === "idArray") {
    predicate = elementPredicate(field, value, ctx);
  } else {
    const text = value.literal.kind === "json" ? checkText(value.literal.value) : checkText(undefined);
    if (!text.ok) return report(ctx, "TYPE_MISMATCH", value.path, text.message);
    predicate = likePredicate(
      field.column,
      op === "startsWith" ? prefixPattern(text.value) : containsPattern(text.value),
    );
  }
  if (!predicate) return null;
  return op === "notContains" ? { holds: predicate.fails, fails: predicate.holds } : predicate;
}

function compileIn(op: "in" | "notIn", operands: Operand[], opPath: string, ctx: Context): Predicate | null {
  if (operands.length !== 2) return report(ctx, "INVALID_FILTER", opPath, `"${op}" takes two arguments`);
  const [a, b] = operands as [Operand, Operand];
  if (op === "in" && a.kind === "literal" && b.kind === "field") {
    return ensureAllowed(b, "contains", op, ctx) ? compileText("contains", b, a, ctx) : null;
  }
  const field = expectField(a, ctx);
  const list = expectLiteral(b, ctx);
  if (!field || !list || !ensureAllowed(field, op, op, ctx)) return null;
  const values = checkList(field.field.valueType, list.literal);
  if (!values.ok) return report(ctx, "TYPE_MISMATCH", list.path, values.message);
  const predicate = inListPredicate(field.column, values.value, field.field.valueType);
  return op === "notIn" ? { holds: predicate.fails, fails: predicate.holds } : predicate;
}

function compileNamed(
  op: FilterOperatorName,
  operands: Operand[],
  opPath: string,
  ctx: Context,
): Predicate | null {
  const unary = op === "empty" || op === "notEmpty";
  const arity = op === "between" ? 3 : unary ? 1 : 2;
  if (operands.length !== arity) {
    return report(ctx, "INVALID_FILTER", opPath, `"${op}" takes ${arity} argument${arity === 1 ? "" : "s"}`);
  }
  if (op === "between") return compileBetween(operands[0]!, operands[1]!, operands[2]!, true, op, ctx);
  const field = expectField(operands[0]!, ctx);
  if (!field || !ensureAllowed(field, op, op, ctx)) return null;
  if (unary) {
    const predicate = emptyPredicate(field.column, field.field.valueType);
    return op === "notEmpty" ? { holds: predicate.fails, fails: predicate.holds } : predicate;
  }
  const value = expectLiteral(operands[1]!, ctx);
  if (!value) return null;
  if (op === "contains" || op === "notContains" || op === "startsWith")
    return compileText(op, field, value, ctx);
  if (op === "hasAny" || op === "hasAll" || op === "hasNone") {
    const elements = checkElements(field.field.valueType, value.literal);
    if (!elements.ok) return report(ctx, "TYPE_MISMATCH", value.path, elements.message);
    return arrayPredicate(field.column, op, elements.value);
  }
  return report(ctx, "UNKNOWN_OPERATOR", opPath, `"${op}" needs a field and a value in another form`);
}

const NAMED_LEAVES: readonly FilterOperatorName[] = [
  "between",
  "contains",
  "notContains",
  "startsWith",
  "empty",
  "notEmpty",
  "hasAny",
  "hasAll",
  "hasNone",
];

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
    if (!Array.isArray(node[op]))
      return report(ctx, "INVALID_FILTER", opPath, `"${op}" takes a list of conditions`);
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

  let predicate: Predicate | null;
  if (
    Object.hasOwn(OPERATOR_ALIASES, op) ||
    op === "in" ||
    op === "notIn" ||
    NAMED_LEAVES.includes(op as FilterOperatorName)
  ) {
    const operands = resolveAll(args, paths, ctx);
    if (!operands) return null;
    if (Object.hasOwn(OPERATOR_ALIASES, op)) predicate = compileComparison(op, operands, opPath, ctx);
    else if (op === "in" || op === "notIn") predicate = compileIn(op, operands, opPath, ctx);
    else predicate = compileNamed(op as FilterOperatorName, operands, opPath, ctx);
  } else {
    return report(ctx, "UNKNOWN_OPERATOR", opPath, `unknown operator "${op}"`);
  }
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
  const ctx: Context = { scope, errors: [] };
  const condition = compileCondition(filter, "", false, ctx);
  if (!condition || ctx.errors.length > 0) {
    const errors =
      ctx.errors.length > 0
        ? ctx.errors
        : [{ code: "INVALID_FILTER" as const, path: "", message: "invalid filter" }];
    return { ok: false, errors };
  }
  return { ok: true, expr: condition };
}
