// The leaves of a filter: comparisons, ranges, list membership, text matching, emptiness and array
// tests, each checked against the field's operators and value type before any SQL is built.
import { containsPattern, prefixPattern } from "./like";
import {
  type Context,
  ensureAllowed,
  expectField,
  expectLiteral,
  type FieldOperand,
  isNullLiteral,
  type LiteralOperand,
  type Operand,
  report,
  resolveAll,
} from "./operands";
import { type FilterOperatorName, OPERATOR_ALIASES } from "./operators";
import {
  arrayPredicate,
  betweenPredicate,
  type Comparison,
  comparePredicate,
  emptyPredicate,
  inListPredicate,
  isNullPredicate,
  likePredicate,
  negated,
  type Predicate,
} from "./predicates";
import { checkElements, checkList, checkScalar, checkText } from "./values";

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
    if (comparison !== "eq") {
      return report(ctx, "TYPE_MISMATCH", value.path, "only == and != compare with null");
    }
    predicate = isNullPredicate(field.column);
  } else {
    const bound = checkScalar(field.field.valueType, value.literal, ctx.scope.timeZone);
    if (!bound.ok) return report(ctx, "TYPE_MISMATCH", value.path, bound.message);
    predicate = comparePredicate(field.column, comparison, bound.value, field.field.valueType);
  }
  return negate ? negated(predicate) : predicate;
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
  return op === "notContains" ? negated(predicate) : predicate;
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
  return op === "notIn" ? negated(predicate) : predicate;
}

function compileNamed(op: NamedLeaf, operands: Operand[], opPath: string, ctx: Context): Predicate | null {
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
    return op === "notEmpty" ? negated(predicate) : predicate;
  }
  const value = expectLiteral(operands[1]!, ctx);
  if (!value) return null;
  if (op === "contains" || op === "notContains" || op === "startsWith") {
    return compileText(op, field, value, ctx);
  }
  const elements = checkElements(field.field.valueType, value.literal);
  if (!elements.ok) return report(ctx, "TYPE_MISMATCH", value.path, elements.message);
  return arrayPredicate(field.column, op, elements.value);
}

/** Leaves spelled with their semantic name only (no json-logic alias). */
const NAMED_LEAVES = [
  "between",
  "contains",
  "notContains",
  "startsWith",
  "empty",
  "notEmpty",
  "hasAny",
  "hasAll",
  "hasNone",
] as const satisfies readonly FilterOperatorName[];
type NamedLeaf = (typeof NAMED_LEAVES)[number];

/** Whether `op` names a leaf operator (as opposed to and/or/not, var or an unknown key). */
export function isLeafOperator(op: string): boolean {
  return (
    Object.hasOwn(OPERATOR_ALIASES, op) ||
    op === "in" ||
    op === "notIn" ||
    (NAMED_LEAVES as readonly string[]).includes(op)
  );
}

/** Compiles a leaf operator's arguments into a predicate, or reports why not. */
export function compileLeaf(
  op: string,
  args: unknown[],
  paths: string[],
  opPath: string,
  ctx: Context,
): Predicate | null {
  const operands = resolveAll(args, paths, ctx);
  if (!operands) return null;
  if (Object.hasOwn(OPERATOR_ALIASES, op)) return compileComparison(op, operands, opPath, ctx);
  if (op === "in" || op === "notIn") return compileIn(op, operands, opPath, ctx);
  return compileNamed(op as NamedLeaf, operands, opPath, ctx);
}
