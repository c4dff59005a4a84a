// The operands of a filter's leaves: `{"var": name}` resolved against the allowlist (or a `$`
// parameter), relative dates resolved against the clock, and plain JSON values; plus the error
// reporting every compiling step shares.
import type { Expression } from "kysely";
import { childPointer } from "./json-pointer";
import { allowedOperators, type FilterOperatorName, SUPPORTED_OPERATORS } from "./operators";
import { isRelativeDateOperator, resolveRelativeDate } from "./relative-dates";
import { columnReference, lookupField } from "./scope";
import type { FilterError, FilterErrorCode, FilterField, FilterScope } from "./types";
import type { Literal } from "./values";

/** More errors than this are not more helpful; compiling stops collecting them. */
export const MAX_ERRORS = 50;

export interface Context {
  scope: FilterScope;
  errors: FilterError[];
  /** Field names the filter reads, for the caller (index use, exact counts, permissions). */
  referenced: Set<string>;
}

export type FieldOperand = {
  kind: "field";
  name: string;
  field: FilterField;
  column: Expression<unknown>;
  path: string;
};
export type LiteralOperand = { kind: "literal"; literal: Literal; path: string };
export type Operand = FieldOperand | LiteralOperand;

export function report(ctx: Context, code: FilterErrorCode, path: string, message: string): null {
  if (ctx.errors.length < MAX_ERRORS) ctx.errors.push({ code, path, message });
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The argument list of an operator; json-logic lets a single argument go without brackets. */
export function argumentsOf(
  node: Record<string, unknown>,
  op: string,
  path: string,
): { args: unknown[]; paths: string[] } {
  const raw = node[op];
  const opPath = childPointer(path, op);
  if (Array.isArray(raw)) return { args: raw, paths: raw.map((_, i) => childPointer(opPath, i)) };
  return { args: [raw], paths: [opPath] };
}

export function resolveOperand(node: unknown, path: string, ctx: Context): Operand | null {
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
    const found = lookupField(ctx.scope, name);
    if (!found.ok) {
      // Names that are not fields may be parameters ({"var": "$user.id"}); a field of the same name wins.
      const params = ctx.scope.params;
      if (found.code === "UNKNOWN_FIELD" && isPlainObject(params) && Object.hasOwn(params, name)) {
        return { kind: "literal", literal: { kind: "json", value: params[name] }, path };
      }
      return report(ctx, found.code, path, found.message);
    }
    ctx.referenced.add(name);
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

export function resolveAll(args: unknown[], paths: string[], ctx: Context): Operand[] | null {
  const operands = args.map((arg, i) => resolveOperand(arg, paths[i]!, ctx));
  return operands.every((o) => o !== null) ? (operands as Operand[]) : null;
}

export function ensureAllowed(
  field: FieldOperand,
  op: FilterOperatorName,
  spelled: string,
  ctx: Context,
): boolean {
  if (allowedOperators(field.field).has(op)) return true;
  report(
    ctx,
    "TYPE_MISMATCH",
    field.path,
    `"${spelled}" is not available for the field "${field.name}" (${field.field.valueType})`,
  );
  return false;
}

export function expectField(operand: Operand, ctx: Context): FieldOperand | null {
  if (operand.kind === "field") return operand;
  return report(ctx, "INVALID_FILTER", operand.path, 'expected a field {"var": "name"}');
}

export function expectLiteral(operand: Operand, ctx: Context): LiteralOperand | null {
  if (operand.kind === "literal") return operand;
  return report(ctx, "INVALID_FILTER", operand.path, "expected a value, not a field");
}

export function isNullLiteral(operand: LiteralOperand): boolean {
  return operand.literal.kind === "json" && operand.literal.value === null;
}
